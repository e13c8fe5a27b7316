/** The `arena up` setup (`configs/up/*.json`): chain, subnet hyperparameters, validators and miners. */
import { z } from 'zod';

const Name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes, at most 32');

export const UpConfigSchema = z
  .object({
    dataDir: z.string().min(1).default('.arena/up').describe('chain, wallets, miners, validators and logs live here'),
    chain: z
      .object({
        port: z.number().int().min(0).max(65535).default(9944).describe('devchain JSON-RPC port (0 = any free port)'),
        blockTimeMs: z.number().int().min(100).max(60_000).default(1000).describe('block interval, ms'),
        emissionTaoPerBlock: z.number().positive().max(1000).default(1).describe('TAO emitted per block to the subnet'),
        stakeThresholdTao: z
          .number()
          .min(0)
          .default(0)
          .describe("the chain's StakeThreshold: stake a hotkey needs to set weights, and the floor below which miners refuse callers"),
      })
      .strict()
      .default({ port: 9944, blockTimeMs: 1000, emissionTaoPerBlock: 1, stakeThresholdTao: 0 }),
    subnet: z
      .object({
        netuid: z.number().int().min(1).max(1024).default(1),
        tempo: z.number().int().min(2).max(10_000).default(20).describe('blocks per epoch'),
        weightsSetRateLimit: z.number().int().min(0).default(5),
        commitReveal: z
          .boolean()
          .default(true)
          .describe('validators commit weights, then reveal them revealPeriodEpochs later (hides them from weight copiers)'),
        revealPeriodEpochs: z.number().int().min(1).max(100).default(1),
        yuma3: z.boolean().default(true),
        immunityPeriod: z.number().int().min(0).max(65535).default(5000),
        maxAllowedValidators: z.number().int().min(1).max(256).default(8),
        minAllowedWeights: z.number().int().min(0).max(256).default(1),
        burnTao: z.number().positive().default(1).describe('registration burn, TAO'),
      })
      .strict()
      .default({
        netuid: 1,
        tempo: 20,
        weightsSetRateLimit: 5,
        commitReveal: true,
        revealPeriodEpochs: 1,
        yuma3: true,
        immunityPeriod: 5000,
        maxAllowedValidators: 8,
        minAllowedWeights: 1,
        burnTao: 1,
      }),
    validators: z
      .array(z.object({ name: Name, stakeTao: z.number().positive() }).strict())
      .min(1)
      .max(16),
    miners: z
      .array(
        z
          .object({
            name: Name,
            model: z.string().min(1).describe('architecture: linear, mlp-small, mlp, cnn'),
            maxSteps: z.number().int().positive().optional().describe('stop training after this many steps (serving goes on)'),
            batchSize: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(64),
    ports: z
      .object({
        minerGrpcBase: z.number().int().min(0).max(65000).default(8091),
        metricsBase: z.number().int().min(0).max(65000).default(9200),
        dashboard: z.number().int().min(0).max(65535).default(8080),
      })
      .strict()
      .default({ minerGrpcBase: 8091, metricsBase: 9200, dashboard: 8080 }),
    validator: z
      .object({
        roundLengthBlocks: z.number().int().min(1).default(5),
        batchSize: z.number().int().min(1).max(2000).default(256),
        deadlineMs: z.number().int().min(100).default(5000),
        emaAlpha: z
          .number()
          .gt(0)
          .max(1)
          .default(0.3)
          .describe("weight of the newest loss in the validators' EMA (a short demo wants it high)"),
        periodRounds: z
          .number()
          .int()
          .min(1)
          .default(12)
          .describe('rounds per competition period: validators commit a new secret on chain, then reveal the last one'),
      })
      .strict()
      .default({ roundLengthBlocks: 5, batchSize: 256, deadlineMs: 5000, emaAlpha: 0.3, periodRounds: 12 }),
    fundTao: z.number().positive().default(1000).describe('TAO given to each coldkey at genesis'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const names = [...cfg.validators.map((v) => v.name), ...cfg.miners.map((m) => m.name)];
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) ctx.addIssue({ code: 'custom', path: ['miners'], message: `name ${dup} is used twice` });
    cfg.validators.forEach((v, i) => {
      if (v.stakeTao < cfg.chain.stakeThresholdTao) {
        const message = `validator ${v.name} stakes ${v.stakeTao} TAO, below chain.stakeThresholdTao ${cfg.chain.stakeThresholdTao}: it could not set weights`;
        ctx.addIssue({ code: 'custom', path: ['validators', i, 'stakeTao'], message });
      }
    });
  });

export type UpConfig = z.infer<typeof UpConfigSchema>;
