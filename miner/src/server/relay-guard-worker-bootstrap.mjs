// Entry of the relay guard's worker thread: registers tsx so that relay-guard-worker.ts (TypeScript) can
// load, as predictor-worker-bootstrap.mjs does for the serving worker.
import { register } from 'tsx/esm/api';

register();
await import('./relay-guard-worker.ts');
