// Entry of the trainer's worker thread: registers tsx so that worker.ts (TypeScript) can load.
// A worker does not reliably inherit the parent's `--import tsx` hooks (ava's workers did not), so
// register unconditionally; a second registration is harmless.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
