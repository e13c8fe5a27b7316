/**
 * `npm run chaos -- <crash|soak|load|load-miner> [--seed N] [--iterations N] [--minutes M] [--only a,b]`: the reliability
 * runs of issue 12. Prints JSON lines while running and one JSON result object last; exits 1 when any
 * check fails. See chaos/README.md.
 */
import { parseArgs } from 'node:util';
import { runCrash } from './crash.ts';

const USAGE =
  'usage: npm run chaos -- crash|soak|load|load-miner [--seed N] [--iterations N] [--minutes M] [--only a,b] [--out DIR] [--validators N] [--relay-guard off] (see chaos/README.md)';

/** The options, or exit 2 naming an unknown or malformed option and the usage (not a stack trace). */
function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        seed: { type: 'string' },
        iterations: { type: 'string', default: '20' },
        minutes: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        validators: { type: 'string' },
        'relay-guard': { type: 'string' },
      },
    });
  } catch (err: unknown) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  }
}
const { values, positionals } = parse();
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const mode = positionals[0];
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const line = (o: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};
const only = values.only?.split(',');

async function main(): Promise<boolean> {
  if (mode === 'crash') {
    const iterations = Number(values.iterations);
    line({ chaos: 'crash', seed, iterations });
    const t0 = Date.now();
    const results = await runCrash({ iterations, seed, ...(only ? { only } : {}) }, line);
    const ok = results.every((r) => r.violations.length === 0);
    line({ chaos: 'crash', seed, ok, ms: Date.now() - t0, results });
    return ok;
  }
  if (mode === 'soak') {
    const { runSoak } = await import('./soak.ts');
    const r = await runSoak({ minutes: Number(values.minutes ?? '30'), seed, ...(values.out ? { out: values.out } : {}) }, line);
    line({ chaos: 'soak', ...r });
    return r.ok;
  }
  if (mode === 'load') {
    const { runLoad } = await import('./load.ts');
    const r = await runLoad({ minutes: Number(values.minutes ?? '10'), seed }, line);
    line({ chaos: 'load', ...r });
    return r.ok;
  }
  if (mode === 'load-miner') {
    const { runMinerLoad } = await import('./miner-load.ts');
    const r = await runMinerLoad(
      {
        minutes: Number(values.minutes ?? '4'),
        seed,
        ...(values.validators ? { validators: Number(values.validators) } : {}),
        relayGuard: values['relay-guard'] !== 'off',
      },
      line,
    );
    line({ chaos: 'load-miner', seed, ...r });
    return r.ok;
  }
  process.stderr.write(`${USAGE}; found ${JSON.stringify(mode)}\n`);
  process.exitCode = 2;
  return false;
}

const ok = await main();
process.exit(process.exitCode ?? (ok ? 0 : 1));
