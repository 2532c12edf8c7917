// The audit entry's detail record in the reader's language: known keys become words, known codes
// (page, decision, status) become their labels, ids are shortened and lists are counted, so the
// column reads "Страница: первая; Показано: 100" instead of raw JSON.
import { formatDateTime } from '@/lib/format/date';
import type { Dictionary } from '@/lib/i18n';
import type { AuditEntry } from '@/lib/api/audit';
import { statusLabel } from '@/components/shared/labels';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function has<T extends object>(record: T, key: PropertyKey): key is keyof T {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function keyLabel(t: Dictionary, key: string): string {
  const keys = t.pages.audit.detailKeys;
  return has(keys, key) ? keys[key] : key;
}

function codeLabel(t: Dictionary, key: string, value: string): string {
  const d = t.pages.audit.detailValues;
  if (key === 'page' && has(d.page, value)) return d.page[value];
  if ((key === 'decision' || key === 'reviewDecision') && has(t.reviewDecision, value)) {
    return t.reviewDecision[value];
  }
  if (key === 'from' || key === 'to' || key === 'status') {
    const label = statusLabel(t, value);
    if (label !== value) return label;
  }
  if (key === 'state' && has(t.lapseState, value)) return t.lapseState[value];
  if (key === 'method' && has(d.method, value)) return d.method[value];
  if (key === 'layer' && has(d.layer, value)) return d.layer[value];
  if (key === 'sort' && has(d.sort, value)) return d.sort[value];
  // The search record says how the query was read ({ kind: 'name', length: 9 }), never the query.
  if (key === 'kind' && has(d.searchKind, value)) return d.searchKind[value];
  if (key === 'kind' && has(t.lapseKind, value)) return t.lapseKind[value];
  if (key === 'role' && has(t.roles, value)) return t.roles[value];
  if ((key === 'cause' || key === 'likelyCause') && has(t.likelyCause, value)) return t.likelyCause[value];
  // A code under a key not listed above (a filter added later, say) still reads as words.
  if (has(t.lapseKind, value)) return t.lapseKind[value];
  if (has(t.likelyCause, value)) return t.likelyCause[value];
  return value;
}

function showValue(t: Dictionary, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) return formatDateTime(value);
    if (UUID.test(value)) return `${value.slice(0, 8)}…`;
    return codeLabel(t, key, value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t.pages.audit.detailValues.none;
    // Long id lists (lapses on a page) say how many; short code lists say which.
    if (value.length > 3 || value.some((v) => typeof v === 'string' && UUID.test(v))) {
      return String(value.length);
    }
    return value.map((v) => showValue(t, key, v) ?? '').join(', ');
  }
  if (typeof value === 'object') {
    const inner = describeRecord(t, Object.entries(value));
    return inner ? `(${inner})` : t.pages.audit.detailValues.none;
  }
  return null;
}

function describeRecord(t: Dictionary, entries: [string, unknown][]): string {
  return entries
    .map(([k, v]) => {
      const shown = showValue(t, k, v);
      return shown === null ? null : `${keyLabel(t, k)}: ${shown}`;
    })
    .filter((part): part is string => part !== null)
    .join('; ');
}

/** One line for the detail column; '' when there is nothing to say. */
export function describeAuditDetail(t: Dictionary, detail: AuditEntry['detail']): string {
  return detail ? describeRecord(t, Object.entries(detail)) : '';
}
