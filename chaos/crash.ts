/**
 * `npm run chaos -- crash`: SIGKILL loops against the parts that persist state, each restarted after the
 * kill and checked:
 * - devchain (a real `arena devchain` on a data dir, 200 ms blocks, bursts of signed transfers in flight,
 *   killed during block production/import): no lost or rewritten block, resumes at its last block, every
 *   parent link intact, every account's nonces used exactly once (no double-spent nonce);
 * - miner trainer (the real trainer thread, checkpoints on improvement): the best checkpoint survives and
 *   loads, trainer state never goes back past a reported checkpoint;
 * - validator state (the real saveState/loadState, a pending commit made before its reveal): restored
 *   every time, never older than the last save that returned, equal to what that round saved;
 * - validator daemon (a real `arena validator` on a commit-reveal devchain, killed between its commit and its
 *   reveal, with either in flight, and mid-round/save; chaos/crash-validator.ts): no commit lost, the restarted
 *   daemon reveals what was committed, no duplicate commit, EMA restored.
 */
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import * as tf from '@tensorflow/tfjs';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '#core';
import { bestCheckpointDir, loadServingModel, readTrainerState } from '#miner';
import { loadState, serialiseState } from '#validator';
import { ARENA, prng, rpc, sleep, spawnNode, type Proc } from './proc.ts';
import { HOTKEY, NETUID, stateForRound } from './workers/validator-state-model.ts';
import { validatorDaemonLoop } from './crash-validator.ts';

export interface CrashOptions {
  iterations: number;
  seed: number;
  only?: string[];
}
export interface LoopResult {
  component: string;
  kills: number;
  violations: string[];
  recoveryMs: { median: number; max: number };
  detail: Record<string, unknown>;
}

const TRAINER = fileURLToPath(new URL('./workers/trainer.ts', import.meta.url));
const VSTATE = fileURLToPath(new URL('./workers/validator-state.ts', import.meta.url));
const median = (xs: number[]): number => (xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

async function startChain(dataDir: string): Promise<{ proc: Proc; url: string; httpUrl: string; startMs: number }> {
  const t0 = Date.now();
  const proc = spawnNode('devchain', [
    ARENA,
    'devchain',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--block-time-ms',
    '200',
    '--log-level',
    'info',
  ]);
  const line = await proc.waitFor('devchain listening', 120_000);
  const url = String(line.url);
  return { proc, url, httpUrl: url.replace('ws://', 'http://'), startMs: Date.now() - t0 };
}

type Header = { number: string; parentHash: string };

/**
 * Checks parent links from block `from` to the head and returns the (signer, nonce) of every signed extrinsic in
 * blocks `recordFrom` and later (blocks re-checked for their links are not counted twice).
 */
async function scanChain(
  api: ApiPromise,
  from: number,
  to: number,
  recordFrom: number,
  violations: string[],
): Promise<Array<[string, number]>> {
  const out: Array<[string, number]> = [];
  let prevHash: string | undefined = from > 0 ? (await api.rpc.chain.getBlockHash(from - 1)).toHex() : undefined;
  for (let n = from; n <= to; n++) {
    const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
    const block = await api.rpc.chain.getBlock(hash);
    if (block.block.header.number.toNumber() !== n) violations.push(`block ${n}: header says ${block.block.header.number.toNumber()}`);
    if (prevHash !== undefined && block.block.header.parentHash.toHex() !== prevHash)
      violations.push(`block ${n}: parent ${block.block.header.parentHash.toHex()} is not block ${n - 1} (${prevHash})`);
    if (n >= recordFrom) for (const x of block.block.extrinsics) if (x.isSigned) out.push([x.signer.toString(), x.nonce.toNumber()]);
    prevHash = hash;
  }
  return out;
}

/** The devchain crash loop. */
export async function devchainLoop(o: CrashOptions, log: (l: Record<string, unknown>) => void): Promise<LoopResult> {
  await cryptoWaitReady();
  const rand = prng(o.seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-chaos-chain-'));
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const senders = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((u) => keyring.addFromUri(u));
  const dest = keyring.addFromUri('//Ferdie').address;
  const violations: string[] = [];
  const recovery: number[] = [];
  let last: { number: number; hash: string } | undefined;
  let checkedTo = 0;
  const nonces = new Map<string, number[]>();
  let submitted = 0;
  try {
    for (let i = 0; i <= o.iterations; i++) {
      const chain = await startChain(dataDir);
      recovery.push(chain.startMs);
      const provider = new WsProvider(chain.url, false);
      await provider.connect();
      const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
      try {
        const head = (await api.rpc.chain.getHeader()).number.toNumber();
        if (last !== undefined) {
          if (head < last.number)
            violations.push(`restart ${i}: head ${head} is behind the last block seen before the kill (${last.number})`);
          else {
            const h = (await api.rpc.chain.getBlockHash(last.number)).toHex();
            if (h !== last.hash) violations.push(`restart ${i}: block ${last.number} changed from ${last.hash} to ${h}`);
          }
        }
        for (const [who, n] of await scanChain(api, Math.max(1, checkedTo - 3), head, Math.max(1, checkedTo), violations)) {
          const list = nonces.get(who) ?? [];
          list.push(n);
          nonces.set(who, list);
        }
        checkedTo = head + 1;
        if (i === o.iterations) break;
        // A burst of transfers from four accounts, then a kill at a random point while blocks import them.
        const burst: Promise<unknown>[] = [];
        for (const s of senders) {
          const next = (await api.rpc.system.accountNextIndex(s.address)).toNumber();
          for (let k = 0; k < 10; k++) {
            const tx = await api.tx.balances.transferKeepAlive(dest, 1_000_000n).signAsync(s, { nonce: next + k, era: 0 });
            burst.push(
              api.rpc.author.submitExtrinsic(tx).then(
                () => {
                  submitted++;
                },
                () => undefined,
              ),
            );
          }
        }
        const killAt = Date.now() + Math.floor(rand() * 1500);
        while (Date.now() < killAt) {
          const h = await rpc<Header>(chain.httpUrl, 'chain_getHeader', [], 5_000).catch(() => undefined);
          if (h) {
            const n = Number.parseInt(h.number, 16);
            const hash = await rpc<string>(chain.httpUrl, 'chain_getBlockHash', [n], 5_000).catch(() => undefined);
            if (hash !== undefined && (last === undefined || n >= last.number)) last = { number: n, hash };
          }
          await sleep(Math.floor(rand() * 60));
        }
        await chain.proc.kill('SIGKILL');
        log({ component: 'devchain', kill: i + 1, lastBlock: last?.number });
      } finally {
        await api.disconnect().catch(() => undefined);
        await chain.proc.kill('SIGKILL');
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const [who, list] of nonces) {
    const sorted = [...list].sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; k++) {
      if (sorted[k] !== k) {
        violations.push(
          `${who}: nonces in blocks are not exactly 0..${sorted.length - 1} (double-spent or skipped at ${k}: ${sorted.slice(Math.max(0, k - 2), k + 3).join(',')})`,
        );
        break;
      }
    }
  }
  return {
    component: 'devchain',
    kills: o.iterations,
    violations,
    recoveryMs: { median: median(recovery.slice(1)), max: Math.max(0, ...recovery.slice(1)) },
    detail: {
      blocks: checkedTo - 1,
      transfersSubmitted: submitted,
      transfersIncluded: [...nonces.values()].reduce((s, l) => s + l.length, 0),
    },
  };
}

/** The miner-trainer crash loop. */
export async function trainerLoop(o: CrashOptions, log: (l: Record<string, unknown>) => void): Promise<LoopResult> {
  const rand = prng(o.seed + 1);
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-chaos-trainer-'));
  const violations: string[] = [];
  const recovery: number[] = [];
  let ackedBest = -1;
  let lastStateStep = -1;
  let checkpoints = 0;
  try {
    for (let i = 0; i <= o.iterations; i++) {
      if (i > 0) {
        // After the kill, before the restart: what is on disk.
        const state = await readTrainerState(dataDir).catch((err: unknown) => {
          violations.push(`kill ${i}: trainer state unreadable: ${String(err)}`);
          return undefined;
        });
        if (ackedBest >= 0) {
          if (!existsSync(bestCheckpointDir(dataDir)))
            violations.push(`kill ${i}: checkpoints/best is missing after checkpoint ${ackedBest} was reported`);
          else {
            const target = Number(readlinkSync(bestCheckpointDir(dataDir)));
            if (!(target >= ackedBest))
              violations.push(`kill ${i}: checkpoints/best points at ${target}, older than the reported ${ackedBest}`);
            try {
              await tf.setBackend('cpu');
              await tf.ready();
              const predictor = await loadServingModel(bestCheckpointDir(dataDir));
              const outp = await predictor.predict(new Float32Array(784), [1, 784]);
              if (outp.shape.join(',') !== '1,10') violations.push(`kill ${i}: best checkpoint answers shape ${outp.shape.join(',')}`);
            } catch (err: unknown) {
              violations.push(`kill ${i}: best checkpoint does not load: ${String(err)}`);
            }
          }
          if (state !== undefined && state.bestStep < ackedBest)
            violations.push(`kill ${i}: trainer state bestStep ${state.bestStep} < reported ${ackedBest}`);
        }
        if (state !== undefined) {
          if (state.step < lastStateStep) violations.push(`kill ${i}: trainer state went back from step ${lastStateStep} to ${state.step}`);
          lastStateStep = state.step;
        }
        if (i === o.iterations) break;
      }
      const t0 = Date.now();
      const p = spawnNode('trainer', ['--import', 'tsx', TRAINER, dataDir]);
      try {
        await p.waitFor('progress', 180_000);
        recovery.push(Date.now() - t0);
        await sleep(Math.floor(rand() * 2500));
        for (const l of p.lines)
          if (l.msg === 'checkpoint' && typeof l.step === 'number') {
            ackedBest = Math.max(ackedBest, l.step);
            checkpoints++;
          }
        await p.kill('SIGKILL');
        for (const l of p.lines) if (l.msg === 'checkpoint' && typeof l.step === 'number') ackedBest = Math.max(ackedBest, l.step);
        log({ component: 'miner-trainer', kill: i + 1, bestReported: ackedBest });
      } finally {
        await p.kill('SIGKILL');
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    component: 'miner-trainer',
    kills: o.iterations,
    violations,
    recoveryMs: { median: median(recovery.slice(1)), max: Math.max(0, ...recovery.slice(1)) },
    detail: { bestStepReported: ackedBest, lastStateStep, checkpointLines: checkpoints },
  };
}

/** The validator-state crash loop. */
export async function validatorLoop(o: CrashOptions, log: (l: Record<string, unknown>) => void): Promise<LoopResult> {
  const rand = prng(o.seed + 2);
  const dir = mkdtempSync(join(tmpdir(), 'arena-chaos-vstate-'));
  const path = join(dir, 'validator-state.json');
  const violations: string[] = [];
  const recovery: number[] = [];
  let acked = -1;
  let saves = 0;
  try {
    for (let i = 0; i <= o.iterations; i++) {
      if (i > 0) {
        const { state, outcome } = await loadState(path, { netuid: NETUID, hotkey: HOTKEY, maxAgeMs: 3_600_000, log: silentLogger() });
        if (acked >= 0 && outcome !== 'restored') violations.push(`kill ${i}: state ${outcome} after round ${acked} was saved`);
        if (outcome === 'restored') {
          if (state.lastRoundId < acked)
            violations.push(`kill ${i}: restored round ${state.lastRoundId}, older than the saved ${acked} (lost EMA/pending commit)`);
          if (state.lastRoundId > acked + 1)
            violations.push(`kill ${i}: restored round ${state.lastRoundId}, beyond the one in flight (${acked + 1})`);
          if (serialiseState(state, 0) !== serialiseState(stateForRound(state.lastRoundId), 0))
            violations.push(`kill ${i}: restored state for round ${state.lastRoundId} differs from what was saved`);
          if (state.pendingCommits.length !== 1)
            violations.push(`kill ${i}: ${state.pendingCommits.length} pending commits restored, expected 1`);
        }
        if (i === o.iterations) break;
      }
      const t0 = Date.now();
      const p = spawnNode('validator-state', ['--import', 'tsx', VSTATE, path]);
      try {
        await p.waitFor('saved', 120_000);
        recovery.push(Date.now() - t0);
        await sleep(Math.floor(rand() * 1500));
        await p.kill('SIGKILL');
        for (const l of p.lines)
          if (l.msg === 'saved' && typeof l.round === 'number') {
            acked = Math.max(acked, l.round);
            saves++;
          }
        log({ component: 'validator-state', kill: i + 1, lastSavedRound: acked });
      } finally {
        await p.kill('SIGKILL');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    component: 'validator-state',
    kills: o.iterations,
    violations,
    recoveryMs: { median: median(recovery.slice(1)), max: Math.max(0, ...recovery.slice(1)) },
    detail: { saves, lastSavedRound: acked },
  };
}

/** Runs the selected loops one after the other (they compete for the same 2 cores otherwise). */
export async function runCrash(o: CrashOptions, log: (l: Record<string, unknown>) => void): Promise<LoopResult[]> {
  const loops: Array<[string, (o: CrashOptions, log: (l: Record<string, unknown>) => void) => Promise<LoopResult>]> = [
    ['devchain', devchainLoop],
    ['miner', trainerLoop],
    ['validator', validatorLoop],
    ['validator-daemon', validatorDaemonLoop],
  ];
  const out: LoopResult[] = [];
  for (const [name, loop] of loops) if (!o.only || o.only.includes(name)) out.push(await loop(o, log));
  return out;
}
