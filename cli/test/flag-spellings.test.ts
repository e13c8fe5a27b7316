/**
 * One spelling per shared concept across `arena` commands (issue 11): the table below is what the README
 * documents, written out here rather than read from cli/src/config-flags.ts, so a schema or command that
 * spells a concept differently fails this test. Old spellings may stay, but only as aliases ("same as --x").
 */
import test from 'ava';
import type { Command, Option } from 'commander';
import { upConfig } from '../src/commands/up.ts';
import { buildProgram, main } from '../src/main.ts';

/** concept -> its one flag, and the commands that must take it. */
const CONCEPTS: Record<string, { flag: string; commands: string[] }> = {
  network: { flag: '--network', commands: ['miner', 'validator', 'leaderboard', 'dashboard'] },
  'chain endpoint': { flag: '--chain-endpoint', commands: ['miner', 'validator', 'leaderboard', 'dashboard'] },
  netuid: { flag: '--netuid', commands: ['miner', 'validator', 'leaderboard', 'dashboard', 'up'] },
  'log level': { flag: '--log-level', commands: ['miner', 'validator', 'devchain', 'dashboard', 'up'] },
  'data dir': { flag: '--data-dir', commands: ['miner', 'validator', 'devchain', 'up'] },
  'metrics/HTTP host': { flag: '--metrics.host', commands: ['miner', 'validator'] },
  'metrics/HTTP port': { flag: '--metrics.port', commands: ['miner', 'validator'] },
  'dashboard port': { flag: '--dashboard.port', commands: ['dashboard', 'up'] },
  'coldkey password file': { flag: '--wallet.coldkey-password-file', commands: ['miner'] },
  'hotkey password file': { flag: '--wallet.hotkey-password-file', commands: ['validator'] },
  'wallet name': { flag: '--wallet.name', commands: ['miner', 'validator'] },
  'wallet hotkey': { flag: '--wallet.hotkey', commands: ['miner', 'validator'] },
  'wallets directory': { flag: '--wallet.path', commands: ['miner', 'validator'] },
};

/** Other spellings each concept had or has in some schema: allowed only as aliases of the one flag. */
const OTHER_SPELLINGS: Record<string, string[]> = {
  'chain endpoint': ['--chain.endpoint', '--chainEndpoint'],
  'log level': ['--log.level', '--loglevel'],
  'data dir': ['--data.dir', '--datadir'],
  'metrics/HTTP host': ['--http.host', '--metrics-host', '--http-host'],
  'metrics/HTTP port': ['--http.port', '--metrics-port', '--http-port'],
  'dashboard port': ['--dashboard-port', '--ports.dashboard', '--port'],
  netuid: ['--subnet.netuid'],
  'hotkey password file': ['--wallet.password-file', '--password-file', '--hotkey-password-file'],
  'coldkey password file': ['--wallet.password-file', '--password-file'],
};

const DAEMONS = ['miner', 'validator', 'devchain', 'dashboard', 'leaderboard', 'up'];

function command(name: string): Command {
  const cmd = buildProgram().commands.find((c) => c.name() === name);
  if (cmd === undefined) throw new Error(`no arena ${name}`);
  return cmd;
}

const isAlias = (o: Option, canonical: string): boolean => o.description === `same as ${canonical}`;
const isAnyAlias = (o: Option): boolean => o.description.startsWith('same as --');

test('each shared concept has its one flag in every command that takes it, not as an alias', (t) => {
  for (const [concept, { flag, commands }] of Object.entries(CONCEPTS)) {
    for (const name of commands) {
      const o = command(name).options.find((x) => x.long === flag);
      t.truthy(o, `arena ${name} lacks ${flag} (${concept})`);
      if (o) t.false(isAnyAlias(o), `arena ${name}: ${flag} is an alias, expected the canonical flag of ${concept}`);
    }
  }
});

test("another spelling of a concept is only ever an alias of the concept's flag", (t) => {
  for (const [concept, others] of Object.entries(OTHER_SPELLINGS)) {
    const { flag, commands } = CONCEPTS[concept]!;
    for (const name of commands) {
      for (const o of command(name).options.filter((x) => others.includes(x.long ?? ''))) {
        // The dashboard's --port and the devchain's/up's chain --port are different concepts: only the dashboard's is checked.
        if (o.long === '--port' && name !== 'dashboard') continue;
        t.true(isAlias(o, flag), `arena ${name}: ${o.long} is not an alias of ${flag} (${concept}); its help: ${o.description}`);
      }
    }
  }
});

test('no two commands spell one name differently (dots, dashes, case)', (t) => {
  const spellings = new Map<string, Set<string>>();
  for (const name of DAEMONS) {
    for (const o of command(name).options) {
      if (o.long === undefined || isAnyAlias(o)) continue;
      const norm = o.long
        .replace(/^--(no-)?/, '')
        .replace(/[-.]/g, '')
        .toLowerCase();
      const seen = spellings.get(norm) ?? new Set<string>();
      seen.add(`${o.long.replace(/^--no-/, '--')}`);
      spellings.set(norm, seen);
    }
  }
  const clashes = [...spellings.values()].filter((s) => s.size > 1).map((s) => [...s].join(' vs '));
  t.deepEqual(clashes, []);
});

/** Runs `arena validator ... --print-config` in this process and returns the printed config. */
async function validatorConfig(args: string[]): Promise<{ http: { host: string; port: number }; wallet: { passwordFile?: string } }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await main(['node', 'arena', 'validator', ...args, '--print-config']);
    if (code !== 0) throw new Error(`exit ${code}`);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out) as { http: { host: string; port: number }; wallet: { passwordFile?: string } };
}

test.serial('the validator: the one flag and every old spelling reach the same config field', async (t) => {
  for (const [flag, value] of [
    ['--metrics.port', '1201'],
    ['--http.port', '1202'],
    ['--metrics-port', '1203'],
  ] as const)
    t.is((await validatorConfig([flag, value])).http.port, Number(value), flag);
  t.is((await validatorConfig(['--metrics-host', '127.0.0.2'])).http.host, '127.0.0.2');
  t.is((await validatorConfig(['--metrics.host', '127.0.0.3'])).http.host, '127.0.0.3');
  for (const flag of ['--wallet.hotkey-password-file', '--wallet.password-file', '--password-file'])
    t.is((await validatorConfig([flag, '/tmp/pw'])).wallet.passwordFile, '/tmp/pw', flag);
});

test('arena up: --dashboard.port and its older --dashboard-port set ports.dashboard; a bad value names the canonical flag', (t) => {
  t.is(upConfig({ config: 'configs/up/local.json', 'dashboard.port': 0 }, {}).ports.dashboard, 0);
  t.is(upConfig({ config: 'configs/up/local.json', dashboardPort: 8123 }, {}).ports.dashboard, 8123);
  t.is(upConfig({ config: 'configs/up/local.json', 'ports.dashboard': 8124 }, {}).ports.dashboard, 8124);
  t.is(upConfig({ config: 'configs/up/local.json', netuid: 3 }, {}).subnet.netuid, 3);
  t.throws(() => upConfig({ config: 'configs/up/local.json', 'dashboard.port': -2 }, {}), {
    message: /ports\.dashboard.*-2 \(from flag --dashboard\.port\)/,
  });
  t.throws(() => upConfig({ config: 'configs/up/local.json', dashboardPort: 'x' }, {}), {
    message: /ports\.dashboard.*"x" \(from flag --dashboard\.port\)/,
  });
});

/** Runs `arena <args>` in this process, capturing stderr. */
async function stderrOf(args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'arena', ...args]), stderr };
  } finally {
    process.stderr.write = write;
  }
}

test.serial('a bad value names the canonical flag, whichever spelling was typed', async (t) => {
  for (const flag of ['--metrics.port', '--http.port', '--metrics-port']) {
    const r = await stderrOf(['validator', flag, 'abc', '--print-config']);
    t.is(r.code, 2, flag);
    t.regex(r.stderr, /http\.port.*"abc" \(from flag --metrics\.port\)/, flag);
  }
  const miner = await stderrOf(['miner', '--chain.endpoint', 'http://not-ws', '--training.batch-size', '0']);
  t.is(miner.code, 2);
  t.regex(miner.stderr, /chain\.endpoint.*http:\/\/not-ws.*\(from flag --chain-endpoint\)/);
  t.regex(miner.stderr, /training\.batchSize.*\(from flag --training\.batch-size\)/);
});
