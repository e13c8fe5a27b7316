import test from 'ava';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resize, upConfig } from '../src/commands/up.ts';
import { UpConfigSchema } from '../src/up/config.ts';
import { devchainConfig } from '../src/up/setup.ts';
import { liveRows, readEmaLosses, renderLive } from '../src/up/live.ts';
import { buildLeaderboard } from '../src/leaderboard/model.ts';

const base = UpConfigSchema.parse({
  validators: [{ name: 'validator-1', stakeTao: 100 }],
  miners: [
    { name: 'miner-a', model: 'mlp' },
    { name: 'miner-b', model: 'linear' },
  ],
});

test('--miners and --validators keep the first entries and add more cycling the architectures', (t) => {
  const more = resize(base, 5, 2);
  t.deepEqual(
    more.miners.map((m) => m.model),
    ['mlp', 'linear', 'mlp-small', 'linear', 'cnn'],
  );
  t.deepEqual(
    more.validators.map((v) => v.name),
    ['validator-1', 'validator-2'],
  );
  t.deepEqual(
    resize(base, 1).miners.map((m) => m.name),
    ['miner-a'],
  );
});

test('flags override the file and bad values are refused with the flag named', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-up-cfg-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'up.json');
  writeFileSync(file, JSON.stringify({ validators: base.validators, miners: base.miners }));
  const cfg = upConfig({ config: file, port: 0, commitReveal: true, dataDir: join(dir, 'data') }, {});
  t.is(cfg.chain.port, 0);
  t.true(cfg.subnet.commitReveal);
  t.is(cfg.dataDir, join(dir, 'data'));
  t.true(upConfig({ config: file }, {}).subnet.commitReveal, 'commit-reveal weights are on by default');
  t.false(upConfig({ config: file, commitReveal: false }, {}).subnet.commitReveal, '--no-commit-reveal turns them off');
  t.is(upConfig({ config: file }, {}).validator.periodRounds, 12, 'validators run 12-round competition periods by default');
  t.throws(() => upConfig({ config: file, port: 99999 }, {}), { message: /chain\.port.*99999 \(from flag --chain\.port\)/ });
  t.is(upConfig({ config: file, 'chain.port': 0, 'subnet.tempo': 30 }, {}).subnet.tempo, 30, 'every scalar setting is a flag');
  t.throws(() => upConfig({ config: file, miners: 'x' }, {}), { message: /--miners/ });
  t.throws(() => UpConfigSchema.parse({ ...base, miners: [...base.miners, { name: 'miner-a', model: 'cnn' }] }), { message: /used twice/ });
});

test('the devchain genesis funds every coldkey, stakes the validators and leaves miners to register themselves', (t) => {
  const keys = new Map([
    ['validator-1', { name: 'validator-1', coldkey: '5Cold1', hotkey: '5Hot1' }],
    ['miner-a', { name: 'miner-a', coldkey: '5Cold2', hotkey: '5Hot2' }],
    ['miner-b', { name: 'miner-b', coldkey: '5Cold3', hotkey: '5Hot3' }],
  ]);
  const cfg = devchainConfig(base, keys) as {
    allowLoopbackAxons: boolean;
    genesis: {
      accounts: { account: string }[];
      pallets: {
        SubtensorModule: {
          subnets: { neurons: { hotkey: string; stake: number }[]; startCall: boolean; hyperparams: { tempo: number } }[];
        };
      };
    };
  };
  t.true(cfg.allowLoopbackAxons);
  t.deepEqual(cfg.genesis.accounts.map((a) => a.account).sort(), ['5Cold1', '5Cold2', '5Cold3']);
  const subnet = cfg.genesis.pallets.SubtensorModule.subnets[0]!;
  t.deepEqual(
    subnet.neurons.map((n) => [n.hotkey, n.stake]),
    [['5Hot1', 100]],
  );
  t.true(subnet.startCall);
  t.is(subnet.hyperparams.tempo, base.subnet.tempo);
});

test("the live table joins chain rows with names, models and the validators' mean EMA loss", (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-up-live-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const [v, loss] of [
    ['v1', 0.2],
    ['v2', 0.4],
  ] as const) {
    mkdirSync(join(dir, v));
    writeFileSync(join(dir, v, 'round-1.json'), JSON.stringify({ miners: [{ hotkey: '5Hot2', emaLoss: 9 }] }));
    writeFileSync(
      join(dir, v, 'round-2.json'),
      JSON.stringify({
        miners: [
          { hotkey: '5Hot2', emaLoss: loss },
          { hotkey: '5Hot3', emaLoss: null },
        ],
      }),
    );
  }
  const losses = readEmaLosses([join(dir, 'v1'), join(dir, 'v2'), join(dir, 'missing')]);
  t.is(losses.size, 1);
  t.true(Math.abs(losses.get('5Hot2')! - 0.3) < 1e-12, 'mean of the newest reports only');
  const neuron = (uid: number, hotkey: string, incentive: number, permit: boolean) => ({
    uid,
    hotkey,
    coldkey: '5C',
    active: true,
    validatorPermit: permit,
    incentive,
    emissionRao: 0n,
    dividends: 0,
    consensus: 0,
    validatorTrust: 0,
    stakeRao: 2_000_000_000n,
    lastUpdate: 0,
    blockAtRegistration: 0,
    axon: '127.0.0.1:1',
  });
  const lb = buildLeaderboard({
    netuid: 1,
    block: 30,
    blockHash: '0x00',
    tempo: 10,
    nextEpochBlock: 40,
    n: 2,
    neurons: [neuron(0, '5Hot1', 0, true), neuron(1, '5Hot2', 65535, false)],
  });
  const labels = new Map([
    ['5Hot1', { name: 'validator-1', role: 'validator' as const }],
    ['5Hot2', { name: 'miner-a', role: 'miner' as const, model: 'mlp' }],
  ]);
  const rows = liveRows(lb, labels, losses);
  t.deepEqual(
    rows.map((r) => [r.rank, r.name, r.model, r.emaLoss === null ? null : Number(r.emaLoss.toFixed(6))]),
    [
      [1, 'miner-a', 'mlp', 0.3],
      [2, 'validator-1', '-', null],
    ],
  );
  const text = renderLive(lb, rows, 'summary line');
  t.regex(text, /^summary line\nsubnet 1 · block 30 · tempo 10 · next epoch at 40 \(in 10 blocks\)/);
  t.regex(text, /miner-a\s+miner\s+mlp\s+0\.3000\s+1\.0000/);
});

test('ARENA_UP_* environment variables sit between the file and the flags', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-up-env-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'up.json');
  writeFileSync(file, JSON.stringify({ dataDir: join(dir, 'from-file'), validators: base.validators, miners: base.miners }));
  t.is(upConfig({ config: file }, { ARENA_UP_DATA_DIR: join(dir, 'from-env') }).dataDir, join(dir, 'from-env'));
  t.is(
    upConfig({ config: file, dataDir: join(dir, 'from-flag') }, { ARENA_UP_DATA_DIR: join(dir, 'from-env') }).dataDir,
    join(dir, 'from-flag'),
  );
});
