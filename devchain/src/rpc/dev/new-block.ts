/** dev_newBlock({ count }): produce blocks now; returns the hash of the last one. */
import { z } from 'zod';
import { parseParams, type Handler } from '../shared.ts';

const Params = z
  .tuple([
    z
      .object({ count: z.number().int().min(1).max(10_000).default(1) })
      .strict()
      .nullish(),
  ])
  .or(z.tuple([]));

export const dev_newBlock: Handler = async (ctx, params) => {
  const [opts] = parseParams(Params, params) as [{ count: number } | null | undefined];
  const last = await ctx.producer.produce(opts?.count ?? 1);
  return last.hashHex;
};
