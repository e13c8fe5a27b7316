/**
 * Runs the validator's competition periods: before a period's first round its commitment must be on
 * chain (included, block known); after `periodRounds` rounds the next period's commitment is sent, and
 * once it is included the finished period is revealed (`<data-dir>/reveals/period-<n>.json`). Secrets,
 * salts and the pending period survive restarts in `<data-dir>/period-secret.json` (mode 0600), written
 * before anything is sent, so a crash never loses a committed secret. A refused commitment (rate or space
 * limit, not registered) is retried after `retryDelayBlocks`; meanwhile the current period goes on.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { errorMessage } from '#core';
import { newPeriod, type PeriodReveal, type PeriodSecret, revealFileName, revealOf } from './period.ts';
import { roundIdAt } from './seed.ts';
import { writeFileAtomic } from './state.ts';

/** Writes a period commitment on chain and waits for its inclusion. */
export interface PeriodCommitter {
  commit(commitmentHex: string): Promise<{ ok: true; block: number; blockHash: string } | { ok: false; message: string }>;
}

/** Options of `PeriodKeeper`. */
export interface PeriodKeeperOptions {
  dataDir: string;
  netuid: number;
  validatorHotkey: string;
  competitionId: string;
  /** sha256 of the held-out data description, hex (see `heldOutDataHash`). */
  dataHash: string;
  periodRounds: number;
  roundLengthBlocks: number;
  retryDelayBlocks: number;
}

export const PERIOD_FILE = 'period-secret.json';
export const REVEALS_DIR = 'reveals';

interface PeriodFile {
  version: 1;
  netuid: number;
  hotkey: string;
  current: PeriodSecret | null;
  next: PeriodSecret | null;
  /** Round ranges of revealed periods (what may be published in full). */
  revealed: Array<{ period: number; firstRound: number | null; lastRound: number | null }>;
}

export class PeriodKeeper {
  #file: PeriodFile | undefined;
  #retryAt = 0;

  constructor(
    private readonly committer: PeriodCommitter,
    private readonly opts: PeriodKeeperOptions,
    private readonly log: Logger,
  ) {}

  get #path(): string {
    return join(this.opts.dataDir, PERIOD_FILE);
  }

  async #load(): Promise<PeriodFile> {
    if (this.#file !== undefined) return this.#file;
    const fresh: PeriodFile = {
      version: 1,
      netuid: this.opts.netuid,
      hotkey: this.opts.validatorHotkey,
      current: null,
      next: null,
      revealed: [],
    };
    const text = await readFile(this.#path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    let file = fresh;
    if (text !== undefined) {
      let parsed: PeriodFile;
      try {
        parsed = JSON.parse(text) as PeriodFile;
      } catch (err: unknown) {
        // Never start over silently: the file holds committed secrets a reveal needs.
        throw new Error(
          `period file ${this.#path} is unreadable (${errorMessage(err)}); it holds the committed period secrets: restore it, or move it aside to start a new period (the current one then stays unrevealed)`,
        );
      }
      if (parsed.version === 1 && parsed.netuid === this.opts.netuid && parsed.hotkey === this.opts.validatorHotkey) file = parsed;
      else this.log.warn({ path: this.#path }, 'period file is for another netuid or hotkey; starting a new period');
    }
    this.#file = file;
    if (file.current !== null)
      this.log.info(
        { period: file.current.index, commitBlock: file.current.commitBlock, firstRound: file.current.firstRound },
        'competition period restored',
      );
    return file;
  }

  async #save(): Promise<void> {
    await mkdir(this.opts.dataDir, { recursive: true });
    await writeFileAtomic(this.#path, `${JSON.stringify(this.#file)}\n`);
  }

  /** The period rounds may be scored in at `block`, after committing or rolling over as due; undefined: wait. */
  async step(block: number): Promise<PeriodSecret | undefined> {
    const f = await this.#load();
    const cur = f.current;
    const roundsDone = cur?.firstRound === undefined ? 0 : cur.lastRound! - cur.firstRound + 1;
    if ((cur === null || roundsDone >= this.opts.periodRounds) && block >= this.#retryAt) await this.#commitNext(f, block);
    const c = f.current;
    if (c === null || c.commitBlock === undefined) return undefined;
    // The round's first block (its seed block in the old scheme) must come after the commitment's block.
    return roundIdAt(block, this.opts.roundLengthBlocks) > roundIdAt(c.commitBlock, this.opts.roundLengthBlocks) ? c : undefined;
  }

  async #commitNext(f: PeriodFile, block: number): Promise<void> {
    if (f.next === null) {
      const index = Math.max(f.current?.index ?? 0, ...f.revealed.map((r) => r.period)) + 1;
      f.next = newPeriod(index, {
        netuid: this.opts.netuid,
        validatorHotkey: this.opts.validatorHotkey,
        competitionId: this.opts.competitionId,
        dataHash: this.opts.dataHash,
      });
      await this.#save();
    }
    const next = f.next;
    const r = await this.committer.commit(next.commitment);
    if (!r.ok) {
      this.#retryAt = block + this.opts.retryDelayBlocks;
      this.log.warn(
        { period: next.index, err: r.message, retryAtBlock: this.#retryAt },
        'period commitment refused; the current period goes on, retrying',
      );
      return;
    }
    next.commitBlock = r.block;
    next.commitBlockHash = r.blockHash;
    const done = f.current;
    f.current = next;
    f.next = null;
    if (done !== null) await this.#reveal(f, done);
    await this.#save();
    this.log.info({ period: next.index, commitBlock: r.block, commitment: next.commitment }, 'competition period committed on chain');
  }

  async #reveal(f: PeriodFile, p: PeriodSecret): Promise<void> {
    const reveal = revealOf(p, {
      netuid: this.opts.netuid,
      validatorHotkey: this.opts.validatorHotkey,
      competitionId: this.opts.competitionId,
      roundLengthBlocks: this.opts.roundLengthBlocks,
    });
    const dir = join(this.opts.dataDir, REVEALS_DIR);
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, revealFileName(p.index)), `${JSON.stringify(reveal, null, 2)}\n`);
    f.revealed.push({ period: p.index, firstRound: reveal.firstRound, lastRound: reveal.lastRound });
    this.log.info({ period: p.index, firstRound: reveal.firstRound, lastRound: reveal.lastRound }, 'competition period revealed');
  }

  /** Records that `roundId` was scored in the current period. */
  async noteRound(roundId: number): Promise<void> {
    const f = await this.#load();
    if (f.current === null) return;
    f.current.firstRound ??= roundId;
    f.current.lastRound = roundId;
    await this.#save();
  }

  /** The revealed period that holds `roundId`, if any (its full report may then be published). */
  revealedPeriodOf(roundId: number): number | undefined {
    return this.#file?.revealed.find(
      (r) => r.firstRound !== null && r.lastRound !== null && roundId >= r.firstRound && roundId <= r.lastRound,
    )?.period;
  }

  /** Indices of revealed periods, newest first. */
  revealedPeriods(): number[] {
    return (this.#file?.revealed ?? []).map((r) => r.period).sort((a, b) => b - a);
  }

  /** The reveal file of `period`, when revealed. */
  async readReveal(period: number): Promise<PeriodReveal | undefined> {
    const text = await readFile(join(this.opts.dataDir, REVEALS_DIR, revealFileName(period)), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as PeriodReveal);
  }

  /** The current period's index (undefined before the first commitment). */
  currentPeriod(): number | undefined {
    return this.#file?.current?.index;
  }
}
