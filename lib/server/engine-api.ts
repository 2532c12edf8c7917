// Signatures of the lapse engine that route handlers call (implemented in ingest.ts, sweep.ts,
// registration-service.ts). Kept in one place so the device API and the engine agree.
import 'server-only';
export interface DeviceContext {
  deviceId: string;
  workerId: string;
}

export interface Rejection {
  index: number;
  reason: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}
