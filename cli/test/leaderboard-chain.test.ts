/**
 * `arena leaderboard` as a real process against a real manual-seal devchain process with a genesis
 * subnet (2 validators, 3 miners, tempo 5): table, --json ranking after an epoch, --at history,
 * --watch until SIGINT, and bad input.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { main } from '../src/main.ts';
import { readNeuronsLite, readSubnet } from '../src/leaderboard/read.ts';
import { runArena, type ArenaRun } from '../../test/_helpers/arena.ts';
import { ARENA, AXON_PORT, MINERS, NETUID, TEMPO, VALIDATORS, startSubnetChain, type SubnetChain } from './_helpers/subnet-chain.ts';

/** Runs the CLI's own `main` in this process (sparing a process start-up), capturing stdout and stderr. */
async function inProcess(args: string[]): Promise<ArenaRun & { code: number }> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'arena', ...args]), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

interface JsonBoard {
  netuid: number;
  block: number;
  tempo: number;
  nextEpochBlock: number;
  n: number;
  validators: number;
  miners: number;
  rows: {
    rank: number;
    uid: number;
    hotkey: string;
    role: string;
    validatorPermit: boolean;
    incentive: number;
    emissionRao: string;
    dividends: number;
    stakeRao: string;
    updatedBlocksAgo: number | null;
  }[];
}

let chain: SubnetChain;
let blockBeforeEpoch = 0;

test.before(async () => {
  chain = await startSubnetChain();
  await chain.serveAxons();
  blockBeforeEpoch = (await chain.api.rpc.chain.getHeader()).number.toNumber();
  await chain.setWeights([0, 0, 65_535, 30_000, 10_000]);
  await chain.newBlocks(2 * TEMPO + 1); // two epochs: the second grants permits to the miners now holding stake
});

test.after.always(async () => {
  await chain?.stop();
});

test.serial('table at the best block: header and every registered neuron', async (t) => {
  const r = await runArena(['leaderboard', '--chain-endpoint', chain.url, '--netuid', String(NETUID)]);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  t.regex(
    lines[0] ?? '',
    new RegExp(`^subnet ${NETUID} · block \\d+ · tempo ${TEMPO} · next epoch \\d+ \\(in \\d+\\) · n 5 \\(2 validators, 3 miners\\)`),
  );
  t.false(r.stdout.includes('\u001b['), 'no colours when stdout is not a terminal');
  const body = lines.slice(4).filter((l) => l.trim() !== '');
  t.is(body.length, 5);
  t.regex(body[0] ?? '', new RegExp(`^1 +2 +\\S+ +\\S+ +miner .* 127\\.0\\.0\\.1:${AXON_PORT}$`)); // uid 2 got the largest weight
  t.true(body.some((l) => / 0 +\S+ +\S+ +validator/.test(l)));
});

test.serial('--json ranks by incentive after an epoch, with roles, stake and exact balances', async (t) => {
  const r = await inProcess(['leaderboard', '--chain-endpoint', chain.url, '--netuid', String(NETUID), '--json']);
  t.is(r.code, 0, r.stderr);
  const lb = JSON.parse(r.stdout) as JsonBoard;
  t.is(lb.netuid, NETUID);
  t.is(lb.n, 5);
  t.is(lb.tempo, TEMPO);
  t.true(lb.nextEpochBlock >= lb.block && lb.nextEpochBlock <= lb.block + TEMPO);
  t.deepEqual(lb.rows.map((x) => x.uid).slice(0, 3), [2, 3, 4]);
  t.true((lb.rows[0]?.incentive ?? 0) > (lb.rows[1]?.incentive ?? 0));
  t.true(BigInt(lb.rows[0]?.emissionRao ?? '0') > 0n);
  const byUid = new Map(lb.rows.map((x) => [x.uid, x]));
  t.is(byUid.get(0)?.role, 'validator');
  t.is(byUid.get(0)?.hotkey, chain.address(VALIDATORS[0] ?? ''));
  t.is(byUid.get(2)?.hotkey, chain.address(MINERS[0] ?? ''));
  // Every staked uid holds a permit on this small subnet; earning miners are still miners.
  t.true(byUid.get(2)?.validatorPermit);
  t.deepEqual(
    lb.rows
      .filter((x) => x.role === 'miner')
      .map((x) => x.uid)
      .sort(),
    [2, 3, 4],
  );
  t.true(BigInt(byUid.get(0)?.stakeRao ?? '0') >= 1000n * 1_000_000_000n);
  t.true((byUid.get(0)?.dividends ?? 0) > 0);
  t.is(typeof byUid.get(0)?.updatedBlocksAgo, 'number');
  t.is(byUid.get(2)?.updatedBlocksAgo, null);
  t.is((byUid.get(3) as { axon?: string } | undefined)?.axon, `127.0.0.1:${AXON_PORT + 1}`);
  t.is((byUid.get(0) as { axon?: string | null } | undefined)?.axon, null);
});

test.serial('--at reads history: before the first epoch nothing was earned', async (t) => {
  const r = await inProcess([
    'leaderboard',
    '--chain-endpoint',
    chain.url,
    '--netuid',
    String(NETUID),
    '--json',
    '--at',
    String(blockBeforeEpoch),
  ]);
  t.is(r.code, 0, r.stderr);
  const lb = JSON.parse(r.stdout) as JsonBoard;
  t.is(lb.block, blockBeforeEpoch);
  t.is(lb.rows.length, 5);
  t.true(lb.rows.every((x) => x.incentive === 0 && x.emissionRao === '0'));
});

test.serial('--watch re-renders on each new block and stops cleanly on SIGINT', async (t) => {
  const child = spawn(
    process.execPath,
    [ARENA, 'leaderboard', '--chain-endpoint', chain.url, '--netuid', String(NETUID), '--json', '--watch'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const blocks = (): number[] =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as JsonBoard).block);
  let firstRender: () => void = () => undefined;
  const rendered = new Promise<void>((resolve) => {
    firstRender = resolve;
  });
  const sawBlocks = new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('{')) firstRender();
      if (new Set(blocks()).size >= 3) resolve();
    });
  });
  // The CLI's start-up (node, tsx, connecting) is not what is counted: first its first render, bounded
  // like any `arena` run in these tests (60 s), or its exit.
  let startBound: NodeJS.Timeout | undefined;
  const started = await Promise.race([
    rendered.then(() => true),
    exited.then(() => false),
    new Promise<false>((r) => {
      startBound = setTimeout(r, 60_000, false);
    }),
  ]);
  clearTimeout(startBound);
  if (!started) {
    t.fail(`no first render within 60 s (or the watcher exited); stdout: ${out}; stderr: ${err}`);
    return;
  }
  // Then seal a block every 300 ms until the watcher has printed three different blocks (bounded: 40 tries).
  for (let i = 0; i < 40 && new Set(blocks()).size < 3; i++) {
    await new Promise((r) => setTimeout(r, 300));
    await chain.newBlocks(1);
  }
  await Promise.race([sawBlocks, new Promise((r) => setTimeout(r, 1_000))]);
  const seen = [...new Set(blocks())];
  t.true(seen.length >= 3, `expected 3 renders of different blocks, saw ${JSON.stringify(seen)}; stderr: ${err}`);
  t.deepEqual(
    seen,
    [...seen].sort((a, b) => a - b),
  );
  child.kill('SIGINT');
  t.is(await exited, 0, err);
});

test.serial('bad input: unknown subnet, future block, bad --at and --netuid exit with 2 and say why', async (t) => {
  const missing = await inProcess(['leaderboard', '--chain-endpoint', chain.url, '--netuid', '42']);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /subnet 42/);
  const future = await inProcess(['leaderboard', '--chain-endpoint', chain.url, '--at', '99999']);
  t.is(future.code, 2);
  t.regex(future.stderr, /expected a block number in \[0, \d+\]/);
  const badAt = await inProcess(['leaderboard', '--chain-endpoint', chain.url, '--at', 'yesterday']);
  t.is(badAt.code, 2);
  t.regex(badAt.stderr, /--at/);
  t.is((await inProcess(['leaderboard', '--chain-endpoint', chain.url, '--at', '1', '--watch'])).code, 2);
  const badNetuid = await inProcess(['leaderboard', '--chain-endpoint', chain.url, '--netuid', '1.5']);
  t.is(badNetuid.code, 2);
  t.regex(badNetuid.stderr, /--netuid/);
  const badEndpoint = await inProcess(['leaderboard', '--chain-endpoint', 'http://nope']);
  t.is(badEndpoint.code, 2);
  t.regex(badEndpoint.stderr, /chainEndpoint/);
});

test.serial('the storage reader agrees with the runtime API get_neurons_lite', async (t) => {
  const head = (await chain.api.rpc.chain.getHeader()).number.toNumber();
  for (const at of [blockBeforeEpoch, head]) {
    const fromStorage = await readSubnet(chain.api, NETUID, at);
    const fromApi = await readNeuronsLite(chain.api, NETUID, at);
    t.truthy(fromApi, 'the devchain exposes NeuronInfoRuntimeApi in metadata V15');
    t.deepEqual(
      fromStorage.neurons.map((n) => ({ ...n, blockAtRegistration: 0 })),
      fromApi,
    );
  }
  t.true(fromNonZero(await readSubnet(chain.api, NETUID)));
});

function fromNonZero(s: { neurons: { incentive: number }[] }): boolean {
  return s.neurons.some((n) => n.incentive > 0);
}
