/**
 * The validator's main loop: each iteration reads the chain, runs a round when a new one has
 * begun, reveals/sets weights when due, and persists. Errors are caught per iteration (logged with
 * the round, then an exponential back-off); `stop()` lets the current iteration finish, persists
 * and resolves. Signal wiring belongs to the CLI.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { ScoringConfig } from './config.ts';
import type { ChainSnapshot, ChainView, DataSource, MinerQuerier, WeightSetter } from './ports.ts';
import type { PeriodKeeper } from './period-keeper.ts';
import { PUBLIC_REPORTS_DIR, PublicLadder, writePublicReport, type PublicRoundReport } from './public-report.ts';
import { writeReport, type RoundReport } from './report.ts';
import { runRound } from './round.ts';
import { roundIdAt } from './seed.ts';
import { loadState, saveState, STATE_FILE, type ValidatorState } from './state.ts';
import { revealDue, submitIfDue } from './weights-step.ts';

/** Everything the loop talks to. */
export interface ValidatorDeps {
  chain: ChainView;
  querier: MinerQuerier;
  data: DataSource;
  weights: WeightSetter;
  /** Competition periods (commit before, reveal after); without it rounds are seeded by block hashes. */
  periods?: PeriodKeeper;
  /** Default: silent. */
  log?: Logger;
}

/** Where the loop keeps its files. */
export interface ValidatorLoopOptions {
  config: ScoringConfig;
  /** Data directory: `validator-state.json` and `reports/` live here. */
  dataDir: string;
  /** Called after each completed round (e.g. to update metrics). */
  onRound?: (report: RoundReport) => void;
}

/** Back-off after `failures` consecutive failed iterations, ms. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
}

export class ValidatorLoop {
  private readonly log: Logger;
  private state: ValidatorState | undefined;
  private latest: RoundReport | undefined;
  private stopping = false;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;
  private standing: string | undefined;
  private latestPublicReport: PublicRoundReport | undefined;
  private ladder: PublicLadder | undefined;

  constructor(
    private readonly deps: ValidatorDeps,
    private readonly opts: ValidatorLoopOptions,
  ) {
    this.log = (deps.log ?? pino({ level: 'silent' })).child({ component: 'validator' });
  }

  /** The latest round report (for the HTTP handler). */
  latestReport(): RoundReport | undefined {
    return this.latest;
  }

  /** The latest round's public form (ranks and Ladder scores only; what may be shown while the period runs). */
  latestPublic(): PublicRoundReport | undefined {
    return this.latestPublicReport;
  }

  /** The current state (undefined before the first iteration loaded it). */
  currentState(): ValidatorState | undefined {
    return this.state;
  }

  private get statePath(): string {
    return join(this.opts.dataDir, STATE_FILE);
  }

  /** One iteration: due reveals, the round if due, then weights. Throws on failure (the loop catches). */
  async iterate(): Promise<void> {
    const cfg = this.opts.config;
    const view = await this.deps.chain.snapshot();
    if (this.state === undefined) {
      await mkdir(this.opts.dataDir, { recursive: true });
      const loaded = await loadState(this.statePath, {
        netuid: view.netuid,
        hotkey: view.ownHotkey,
        maxAgeMs: cfg.stateMaxAgeMs,
        log: this.log,
      });
      this.state = loaded.state;
    }
    let state = this.state;
    // Due reveals go first: a reveal has a one-epoch window, and a round (queries, scoring) can take longer
    // than what is left of it on a short-tempo chain; the round can wait.
    const revealed = await revealDue(this.deps.weights, view, state, cfg, this.log);
    if (revealed !== state) {
      state = revealed;
      this.state = state;
      await saveState(this.statePath, state);
    }
    const standing = this.noteStanding(view);
    const roundDue = roundIdAt(view.block, cfg.roundLengthBlocks) > state.lastRoundId;
    // A round needs its period's commitment included on chain first (the keeper commits or rolls over here).
    const period = roundDue && (standing === 'ok' || !cfg.roundsNeedPermit) ? await this.deps.periods?.step(view.block) : undefined;
    if (roundDue && (standing === 'ok' || !cfg.roundsNeedPermit) && (this.deps.periods === undefined || period !== undefined)) {
      const result = await runRound(
        { ...this.deps, log: this.log, ...(period === undefined ? {} : { period: { index: period.index, secret: period.secret } }) },
        cfg,
        view,
        state,
      );
      state = result.state;
      this.state = state;
      await saveState(this.statePath, state);
      await this.deps.periods?.noteRound(result.report.roundId);
      this.latest = result.report;
      // Full reports (inputs, losses, evidence) stay private until their period is revealed; the public form goes out now.
      await writeReport(join(this.opts.dataDir, 'reports'), result.report, cfg.reportsKeep, result.sidecar);
      this.ladder ??= new PublicLadder(cfg.publicScoreStep);
      this.latestPublicReport = this.ladder.publish(result.report);
      await writePublicReport(join(this.opts.dataDir, PUBLIC_REPORTS_DIR), this.latestPublicReport, cfg.reportsKeep);
      this.opts.onRound?.(result.report);
    }
    state = await submitIfDue(this.deps.weights, view, state, cfg, this.log, (planned) => saveState(this.statePath, planned));
    if (state !== this.state) {
      this.state = state;
      await saveState(this.statePath, state);
    }
  }

  /** Where we stand on the subnet; logs each change once (not registered / no permit yet / permit). */
  private noteStanding(view: ChainSnapshot): 'ok' | 'not-registered' | 'no-permit' {
    const own = view.neurons.find((n) => n.uid === view.ownUid);
    const standing = view.ownUid === undefined || own === undefined ? 'not-registered' : own.validatorPermit ? 'ok' : 'no-permit';
    if (standing !== this.standing) {
      this.standing = standing;
      const fields = { netuid: view.netuid, hotkey: view.ownHotkey, uid: view.ownUid, block: view.block };
      if (standing === 'not-registered')
        this.log.warn(fields, 'validator hotkey is not registered on the subnet; waiting (register it with burned_register)');
      else if (standing === 'no-permit')
        this.log.warn(
          { ...fields, stake: own?.stake.toString() },
          'validator has no permit yet; permits are granted at the next epoch after staking; waiting',
        );
      else this.log.info(fields, 'validator registered with a permit');
    }
    return standing;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.iterate();
        this.failures = 0;
      } catch (err: unknown) {
        this.failures++;
        this.log.error({ err, round: this.state?.lastRoundId, failures: this.failures }, 'validator iteration failed');
      }
      if (this.stopping) break;
      const cfg = this.opts.config;
      await this.sleep(this.failures === 0 ? cfg.pollIntervalMs : backoffMs(this.failures, cfg.pollIntervalMs, cfg.maxBackoffMs));
    }
    await this.persistQuietly();
    this.log.info({ round: this.state?.lastRoundId }, 'validator stopped');
  }

  private async persistQuietly(): Promise<void> {
    if (this.state === undefined) return;
    try {
      await saveState(this.statePath, this.state);
    } catch (err: unknown) {
      this.log.error({ err, round: this.state.lastRoundId }, 'validator state could not be saved on stop');
    }
  }

  /** Starts the loop; the promise resolves when the loop has stopped (after `stop()`). */
  start(): Promise<void> {
    if (this.running !== undefined) throw new Error('expected a stopped ValidatorLoop, found it already started');
    this.stopping = false;
    this.running = this.loop();
    return this.running;
  }

  /** Finishes the current iteration, persists the state, and resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }
}
