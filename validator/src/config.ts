/**
 * Scoring and weight-setting options of the validator core (the daemon adds network, wallet and
 * server options around it). Defaults are what a local devchain demo wants.
 */
import { z } from 'zod';

/** A prize schedule, as in the `prize` field of `configs/competitions/<id>.json`. */
export const PrizeScheduleSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('table'), shares: z.array(z.number().nonnegative()).min(1) })
    .strict()
    .refine((s) => s.shares.some((x) => x > 0), { message: 'expected at least one positive share' }),
  z.object({ type: z.literal('power'), exponent: z.number().positive(), topK: z.number().int().min(1) }).strict(),
]);

export const ScoringConfigSchema = z
  .object({
    competitionId: z.string().min(1).default('mnist').describe('competition id mixed into the round seed'),
    roundLengthBlocks: z.number().int().min(1).default(5).describe('blocks per scoring round'),
    batchSize: z.number().int().min(1).max(4096).default(256).describe('held-out rows per round'),
    queryDeadlineMs: z.number().int().min(1).default(5000).describe('one deadline for all miners, ms'),
    emaAlpha: z.number().gt(0).max(1).default(0.1).describe('weight of the newest loss in the EMA'),
    availabilityAlpha: z.number().gt(0).max(1).default(0.1).describe('weight of the newest availability sample'),
    worstLoss: z.number().positive().optional().describe('loss of an unusable answer; default: the largest valid loss'),
    minAvailability: z.number().min(0).max(1).default(0.1).describe('availability EMA a miner needs to be ranked'),
    epsilon: z.number().min(0).lt(1).default(0.005).describe('relative margin a challenger needs to pass a better-ranked miner'),
    prize: PrizeScheduleSchema.default({ type: 'table', shares: [0.5, 0.3, 0.2] }).describe('prize schedule'),
    copyThreshold: z
      .number()
      .positive()
      .default(1e-4)
      .describe('mean absolute probability difference below which two answers are the same outright'),
    copyRhoFloor: z
      .number()
      .min(0)
      .max(1)
      .default(0.9)
      .describe(
        'lowest Spearman threshold on crowd deviations (the per-round threshold is median + copyMadK * MAD over all pairs, clamped to [floor, cap])',
      ),
    copyRhoCap: z
      .number()
      .min(0)
      .max(1)
      .default(0.95)
      .describe('highest Spearman threshold, so a majority of copies cannot raise the bar above themselves'),
    copyKappaFloor: z.number().min(0).max(1).default(0.9).describe('lowest error-consistency (kappa) threshold'),
    copyKappaCap: z.number().min(0).max(1).default(0.95).describe('highest error-consistency threshold'),
    copyMadK: z.number().min(0).default(4).describe('k in median + k * MAD when calibrating thresholds over all pairs of a round'),
    copyMinErrors: z.number().int().min(1).default(8).describe('items wrong by either miner (on crowd-right items) before kappa counts'),
    copyMixPartners: z.number().int().min(0).default(3).describe('closest partners of each miner tried as the two sources of a mix'),
    copyCrowdMergeRatio: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe('answers closer than this share of their loss (mean |ln p difference| on the label) vote once in the crowd'),
    copyHits: z
      .number()
      .int()
      .min(1)
      .default(3)
      .describe('rounds over threshold, out of the last copyWindow observed, before a pair counts (COPY_HITS)'),
    copyClusterHits: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'rounds over threshold, out of the last copyWindow, before a pair shares ONE prize slot while its direction is unknown; default copyHits (1: a copier shares from its first similar round, an honest pair hit by chance shares one slot for a window)',
      ),
    copyWindow: z.number().int().min(1).default(5).describe('observed rounds a pair is judged over (COPY_WINDOW)'),
    copyMinRounds: z
      .number()
      .int()
      .min(1)
      .default(5)
      .describe('flagged rounds before the latency sign test may name the copy (COPY_MIN_ROUNDS)'),
    copyDirectionMajority: z
      .number()
      .gt(0.5)
      .max(1)
      .default(0.8)
      .describe('share of flagged rounds the copy must be the later answer in (DIRECTION_MAJORITY)'),
    copyAmbiguityMs: z
      .number()
      .min(0)
      .default(0)
      .describe('latency difference, ms, below which a flagged round says nothing about direction (AMBIGUITY_MS)'),
    copyGateRounds: z
      .number()
      .int()
      .min(0)
      .default(12)
      .describe('rounds a resolved copy stays excluded after it was last resolved (COPY_GATE_ROUNDS)'),
    weightsIntervalBlocks: z.number().int().min(1).optional().describe('blocks between weight submissions; default: tempo'),
    weightsVersionKey: z.bigint().nonnegative().optional().describe("version key sent with weights; default: the subnet's"),
    retryDelayBlocks: z.number().int().min(1).default(2).describe('blocks to wait before retrying a failed submission'),
    stateMaxAgeMs: z.number().int().positive().default(86_400_000).describe('discard persisted state older than this, ms'),
    reportsKeep: z.number().int().min(1).default(100).describe('round reports kept on disk'),
    evidenceMaxBodyBytes: z
      .number()
      .int()
      .min(0)
      .default(1 << 20)
      .describe("largest request/response body kept in a round's responses sidecar, bytes (larger ones are listed as skipped)"),
    secretPeriods: z
      .boolean()
      .default(true)
      .describe(
        'seed each round from a per-period secret committed on chain (pallet Commitments) before the period and revealed after it; false: seed from the block hash, so every miner can compute the batch',
      ),
    periodRounds: z
      .number()
      .int()
      .min(1)
      .default(12)
      .describe('rounds per competition period (a period ends once this many are scored and the next commitment is included)'),
    publicScoreStep: z
      .number()
      .positive()
      .default(0.05)
      .describe('grid of the Ladder score in the public report; a shown score changes only on an improvement larger than this'),
    roundsNeedPermit: z
      .boolean()
      .default(true)
      .describe('skip rounds until registered with a validator permit (miners refuse callers without one)'),
    pollIntervalMs: z.number().int().min(1).default(1000).describe('pause between loop iterations, ms'),
    maxBackoffMs: z.number().int().min(1).default(30_000).describe('longest pause after repeated failures, ms'),
  })
  .strict();

export type ScoringConfig = z.infer<typeof ScoringConfigSchema>;

/** Parses (partial) options with defaults; throws a ZodError naming the bad fields. */
export function parseScoringConfig(input: unknown): ScoringConfig {
  return ScoringConfigSchema.parse(input ?? {});
}
