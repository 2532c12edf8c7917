// Officer reads of lapses with their audit entries, shared by the route handlers and the pages'
// server prefetch (lib/api/server-context.ts).
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { LapseDetail, LapsesParams } from '@/lib/api/lapses';
import { recordAudit } from '../audit';
import type { OfficerContext } from '../officer-context';
import { getLapseDetail } from '../queries/lapse-detail';
import { listLapses } from '../queries/lapses';

export function describeLapseFilters(params: LapsesParams) {
  return {
    state: params.state,
    kind: params.kind,
    cause: params.cause,
    citizenship: params.citizenship,
    okrug: params.okrug,
    worker: params.worker,
    from: params.from?.toISOString(),
    to: params.to?.toISOString(),
    sort: params.sort,
  };
}

/** A page of the lapse queue; items carry worker names, so the entry names lapses and workers. */
export async function readLapsePage(db: Db, officer: OfficerContext, params: LapsesParams) {
  const page = await listLapses(db, officer, params);
  await recordAudit(db, {
    officer,
    action: 'lapse.list',
    targetType: 'lapse',
    workerId: params.worker,
    workerIds: page.items.map((l) => l.workerId),
    detail: {
      filters: describeLapseFilters(params),
      count: page.items.length,
      lapseIds: page.items.map((l) => l.id),
      page: params.cursor ? 'next' : 'first',
    },
  });
  return page;
}

/** One lapse with its evidence, or null when there is none in the officer's okrugs. */
export async function readLapseFile(
  db: Db,
  officer: OfficerContext,
  id: string,
): Promise<LapseDetail | null> {
  const detail = await getLapseDetail(db, officer, id);
  if (detail) {
    await recordAudit(db, {
      officer,
      action: 'lapse.read',
      workerId: detail.workerId,
      targetType: 'lapse',
      targetId: id,
    });
  }
  return detail;
}
