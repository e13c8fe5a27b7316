/**
 * `npm run chaos -- <crash|soak|load|load-miner> [--seed N] [--iterations N] [--minutes M] [--only a,b]`: the reliability
 * runs of issue 12. Prints JSON lines while running and one JSON result object last; exits 1 when any
 * check fails. See chaos/README.md.
 */
import { parseArgs } from 'node:util';
import { runCrash } from './crash.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string' },
    iterations: { type: 'string', default: '20' },
    minutes: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    validators: { type: 'string' },
    'relay-guard': { type: 'string' },
  },
});
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
  process.stderr.write(
    `usage: npm run chaos -- crash|soak|load|load-miner [--seed N] [--iterations N] [--minutes M]; found ${JSON.stringify(mode)}\n`,
  );
  process.exitCode = 2;
  return false;
}

const ok = await main();
process.exit(process.exitCode ?? (ok ? 0 : 1));
