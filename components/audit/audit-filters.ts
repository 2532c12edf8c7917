// The audit page's URL parameters → API filters; pure, shared by the server prefetch and the client.
import type { AuditFilters } from '@/lib/api/audit';
import { compact, pickCursor, pickDay, pickText, pickUuid, type ParamRecord } from '@/lib/ui/url-state';

export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_FILTER_KEYS = ['actor', 'worker', 'action', 'from', 'to'] as const;
const ACTION = /^[a-z_.]+\*?$/;

export function parseAuditFilters(params: ParamRecord): AuditFilters {
  const action = pickText(params.action, 100);
  // Views of the log itself are hidden unless asked for (?auditReads=show) or filtered on by action,
  // so an auditor's own paging does not fill the first page.
  const showReads = params.auditReads === 'show' || Boolean(action?.startsWith('audit.'));
  return compact({
    actor: pickText(params.actor, 200),
    worker: pickUuid(params.worker),
    action: action && ACTION.test(action) ? action : undefined,
    auditReads: showReads ? undefined : 'hide',
    from: pickDay(params.from),
    to: pickDay(params.to),
    cursor: pickCursor(params.cursor),
    limit: AUDIT_PAGE_SIZE,
  });
}

export function hasAuditFilters(params: ParamRecord): boolean {
  return AUDIT_FILTER_KEYS.some((k) => Boolean(params[k]));
}
