/**
 * Sybil: one model served behind k hotkeys (one process, one gRPC port per hotkey). Each hotkey adds its
 * own small Gaussian noise (`noiseSigma` per output probability) so the k answers are not byte-identical.
 * Also the churn scenario's late answerer (k = 1, `lateFraction` of requests delayed by `lateMs`).
 */
import { loadModelFromDir, predictProbabilities, selectBackend } from '#training';
import { startFakeMiner } from './lib/fake-miner.ts';
import { disguise } from './lib/disguise.ts';
import { publishAxon, readArgs, setup, type AdversaryBase } from './lib/common.ts';

export interface SybilArgs extends AdversaryBase {
  modelDir: string;
  noiseSigma: number;
  /** Churn: answer this late (ms) ... */
  lateMs?: number;
  /** ... on this fraction of requests (0 = never). */
  lateFraction?: number;
}

async function main(): Promise<void> {
  const args = readArgs<SybilArgs>('sybil');
  const stops: (() => void)[] = [];
  const { log, client, keys } = await setup('sybil', args, () => stops.forEach((s) => s()));
  await selectBackend('wasm');
  const model = await loadModelFromDir(args.modelDir);
  for (const key of keys) {
    const m = await startFakeMiner({
      hotkey: key,
      modelName: 'sybil',
      delayMs: () => (Math.random() < (args.lateFraction ?? 0) ? (args.lateMs ?? 0) : 0),
      answer: async (req) => {
        const p = predictProbabilities(model, req.input.data as Float32Array, [...req.input.shape]);
        return disguise(Float32Array.from(p), 10, { noiseSigma: args.noiseSigma });
      },
    });
    stops.push(m.stop);
    await publishAxon(client, key, args.netuid, m.port);
    log.info({ port: m.port, hotkey: key.address }, 'sybil hotkey serving');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`sybil: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
