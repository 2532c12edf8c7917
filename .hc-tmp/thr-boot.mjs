import { register } from 'tsx/esm/api';
register();
await import('./thr-worker.ts');
