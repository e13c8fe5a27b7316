// Entry of a serving worker thread: registers tsx so that predictor-worker.ts (TypeScript) can load
// (see worker-bootstrap.mjs for why the registration is unconditional).
import { register } from 'tsx/esm/api';

register();
await import('./predictor-worker.ts');
