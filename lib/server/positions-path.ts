import 'server-only';
// How the position routes find the device and store its fixes. The dashboard uses the direct path
// (one query per token, one transaction per request); the ingest server swaps in batched token
// look-ups and group commit at start-up, so both processes run the very same route code.
import type { Db } from '@/lib/db/client';
import type { Fix } from '@/lib/domain/types';
import { type DeviceFinder, findDeviceByToken } from './device-auth';
import type { DeviceContext, IngestResult } from './engine-api';
import { type IngestOptions, ingestPositions } from './ingest';

export interface PositionsPath {
  findDevice: DeviceFinder;
  write: (db: Db, device: DeviceContext, fixes: Fix[], options: IngestOptions) => Promise<IngestResult>;
}

const direct: PositionsPath = {
  findDevice: findDeviceByToken,
  write: (db, device, fixes, options) => ingestPositions(db, device, fixes, new Date(), options),
};

let current: PositionsPath = direct;

export function setPositionsPath(path: PositionsPath | null): void {
  current = path ?? direct;
}

export function getPositionsPath(): PositionsPath {
  return current;
}
