import 'server-only';
// The ingest server's positions path, shared by scripts/ingest-server.ts and the tests that check
// it: batched and cached token look-ups, uploads written by group commit, and a device the
// positions transaction refuses is dropped from the cache.
import type { Db } from '@/lib/db/client';
import { DeviceAuthError } from './device-auth';
import { createBatchedDeviceFinder } from './device-token-batch';
import { createCachedDeviceFinder } from './device-token-cache';
import { GroupCommitter, type GroupCommitOptions } from './group-commit';
import { setPositionsPath } from './positions-path';

export function installGroupCommitPath(
  db: Db,
  options: GroupCommitOptions & { tokenCacheMax?: number } = {},
): GroupCommitter {
  const committer = new GroupCommitter(db, options);
  const tokens = createCachedDeviceFinder(createBatchedDeviceFinder(), options.tokenCacheMax);
  setPositionsPath({
    findDevice: tokens.find,
    write: (_db, device, fixes, upload) =>
      committer.submit({ device, fixes, backlog: upload.backlog }).catch((error: unknown) => {
        if (error instanceof DeviceAuthError) tokens.forget(device.deviceId);
        throw error;
      }),
  });
  return committer;
}
