/**
 * Runs one scenario: start the world, wait until weights pay miners (warm-up), then record `epochs`
 * epochs, call the scenario's hooks, compute figures and targets, and stop every process (unless `keep`).
 */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCluster, CHAIN_START_MS, CHAIN_TIMING } from './cluster.ts';
import { meanOf, type EpochSample, type ScenarioFigures } from './figures.ts';
import { ensureModels, type ModelQuality } from './models.ts';
import { EpochWatcher, sampleOf } from './observe.ts';
import type { ScenarioControl, ScenarioDef, TargetResult } from './scenario.ts';
import type { Metagraph } from '#core';

/** Options of one run. */
export interface RunOptions {
  epochs: number;
  outDir: string;
  /** Leave the world running after the figures (until the returned `stop` is called). */
  keep?: boolean;
  /** Progress lines (stderr by default). */
  progress?: (line: string) => void;
}

/** A finished run. */
export interface ScenarioResult {
  figures: ScenarioFigures;
  targets: TargetResult[];
  honestExpectation: Record<string, number>;
  title: string;
  /** Stops a kept world (no-op otherwise). */
  stop: () => Promise<void>;
}

const epochMs = (): number => CHAIN_TIMING.blockTimeMs * (CHAIN_TIMING.tempo + 1);

/**
 * The run's own bounds: past any of them it fails with its own message. Between two progress lines it
 * waits for at most one of these (the chain's start, or one epoch).
 */
export const SIM_BOUNDS = {
  chainStartMs: CHAIN_START_MS,
  /** The longest wait for the next epoch (a stalled chain). */
  epochWaitMs: Math.max(60_000, epochMs() * 8),
  /** Warm-up epochs after which "no miner was paid" fails the run. */
  warmupMaxEpochs: 20,
} as const;

/** Runs `def`; throws when the world cannot start or stalls. */
export async function runScenario(def: ScenarioDef, opts: RunOptions): Promise<ScenarioResult> {
  const say = opts.progress ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = Date.now();
  const modelsFull = await ensureModels((q) => say(`sim: training the ${q} checkpoint once (cached under .arena/sim/models)`));
  const models = Object.fromEntries(Object.entries(modelsFull).map(([k, v]) => [k, v.dir])) as Record<ModelQuality, string>;
  mkdirSync(opts.outDir, { recursive: true });
  const cluster = await startCluster(def, opts.outDir, models);
  say(
    `sim: ${def.name}: chain ${cluster.endpoint} (arena dashboard --chain-endpoint ${cluster.endpoint}); logs ${join(opts.outDir, 'logs')}`,
  );
  const watcher = await EpochWatcher.open(cluster.endpoint);
  const stopAll = async (): Promise<void> => {
    await watcher.close().catch(() => undefined);
    await cluster.procs.stopAll(['devchain']);
  };
  const notes: string[] = [];
  try {
    const actorOf = new Map(def.neurons.map((n) => [cluster.hotkeyOf(n.name), n.actor]));
    const stateFiles = def.neurons
      .filter((n) => n.honest === true)
      .map((n) => join(opts.outDir, 'neurons', n.name, 'validator-state.json'));
    const timeout = SIM_BOUNDS.epochWaitMs;
    // Warm-up: every miner's axon is on chain, then every validator has set weights two full tempos later, and
    // miners are paid. One tempo gave each miner several rounds but not always the copyHits-of-copyWindow rounds
    // copy detection needs to put sybils in one slot at every validator: a smoke run measured the 3 sybils at
    // 37.5% in its first two epochs (30% after), missing the 32% target.
    let warmupEpochs = 0;
    let servedAt = Number.POSITIVE_INFINITY;
    const uidOf = (m: Metagraph, name: string): number => m.hotkeys.indexOf(cluster.hotkeyOf(name) as never);
    for (;;) {
      const m = await watcher.next(timeout);
      warmupEpochs++;
      const served = def.neurons.filter((n) => n.role === 'miner').every((n) => (m.axons[uidOf(m, n.name)]?.port ?? 0) > 0);
      if (served && servedAt === Number.POSITIVE_INFINITY) servedAt = m.block;
      const paid = m.incentive.reduce((a, b) => a + b, 0) > 0;
      const validatorsIn = def.neurons
        .filter((n) => n.role === 'validator')
        .every((n) => (m.lastUpdate[uidOf(m, n.name)] ?? 0) > servedAt + 2 * CHAIN_TIMING.tempo);
      say(
        `sim: ${def.name}: warm-up epoch ${warmupEpochs} block ${m.block}: miners served ${served}, paid ${paid}, validators in ${validatorsIn}`,
      );
      if (paid && validatorsIn) break;
      const dead = [...cluster.expected].filter((n) => !cluster.procs.isRunning(n));
      if (dead.length > 0)
        throw new Error(
          `sim: ${def.name}: ${dead.join(', ')} exited during warm-up; last lines of ${dead[0]}:\n${cluster.procs.tail(dead[0]!)}`,
        );
      if (warmupEpochs > SIM_BOUNDS.warmupMaxEpochs)
        throw new Error(`sim: ${def.name}: no miner was paid after ${warmupEpochs} epochs; see ${join(opts.outDir, 'logs')}`);
    }
    const warmupSec = (Date.now() - started) / 1000;
    say(`sim: ${def.name}: warm-up done after ${warmupEpochs} epochs (${warmupSec.toFixed(0)} s); measuring ${opts.epochs} epochs`);
    const control: ScenarioControl = {
      switchModel: (neuron, to) => {
        const link = cluster.modelLinks.get(neuron);
        if (!link) throw new Error(`sim: ${neuron} serves no model directory`);
        // A new symlink renamed over the old one: the miner's model-dir watcher sees one atomic change.
        const tmp = `${link}.next`;
        rmSync(tmp, { force: true });
        symlinkSync(models[to], tmp);
        renameSync(tmp, link);
      },
      stopNeuron: (n) => {
        cluster.expected.delete(n);
        return cluster.procs.stop(n);
      },
      startNeuron: (n) => {
        cluster.expected.add(n);
        cluster.startNeuron(n);
      },
      note: (t) => notes.push(t),
    };
    const samples: EpochSample[] = [];
    for (let e = 1; e <= opts.epochs; e++) {
      const m = await watcher.next(timeout);
      const s = sampleOf(def, m, actorOf, e, watcher.losses(stateFiles));
      samples.push(s);
      say(
        `sim: ${def.name}: epoch ${e}/${opts.epochs} block ${s.block} shares ${Object.entries(s.shares)
          .map(([a, v]) => `${a}=${(v * 100).toFixed(1)}%`)
          .join(' ')}`,
      );
      await def.onEpoch?.(e, { ...control, note: (t) => notes.push(`after epoch ${e}: ${t}`) });
    }
    const figures: ScenarioFigures = {
      scenario: def.name,
      endpoint: cluster.endpoint,
      epochs: samples,
      meanShare: meanOf(samples.map((s) => s.shares)),
      meanDividendPerStake: meanOf(samples.map((s) => s.dividendPerStake)),
      notes,
      wallTimeSec: (Date.now() - started) / 1000,
      warmupSec,
      parameters: { ...def.parameters, ...CHAIN_TIMING, epochs: opts.epochs },
    };
    const targets = def.targets(figures);
    const result = { figures, targets, honestExpectation: def.honestExpectation, title: def.title };
    writeFileSync(join(opts.outDir, 'figures.json'), `${JSON.stringify(result, null, 2)}\n`);
    if (opts.keep !== true) await stopAll();
    return { ...result, stop: opts.keep === true ? stopAll : async () => undefined };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
