'use client';
// Audit entries: when, who (with role), what, which worker (as a filter link), why, and the detail.
import { Table, TableCaption, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { auditActionLabel } from '@/components/shared/labels';
import { PersonName } from '@/components/shared/person-name';
import type { AuditEntry } from '@/lib/api/audit';
import { OFFICER_ROLES } from '@/lib/domain/types';
import { useText } from '@/lib/i18n/client';
import { describeAuditDetail } from './audit-detail';

export function AuditTable({
  items,
  hrefForWorker,
  onWorker,
}: {
  items: AuditEntry[];
  hrefForWorker: (id: string) => string;
  /** Filters the log by that worker (the link's href does the same without JavaScript). */
  onWorker: (id: string) => void;
}) {
  const { t, lang, fill, plural } = useText();
  const p = t.pages.audit;
  const roleLabel = (role: string) => {
    const known = OFFICER_ROLES.find((r) => r === role);
    return known ? t.roles[known] : role;
  };
  return (
    <TableContainer>
      <Table>
        <TableCaption className="sr-only">{p.caption}</TableCaption>
        <THead>
          <tr>
            <Th>{p.columns.at}</Th>
            <Th>{p.columns.actor}</Th>
            <Th>{p.columns.action}</Th>
            <Th>{p.columns.worker}</Th>
            <Th>{p.columns.reason}</Th>
            <Th>{p.columns.detail}</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((e) => {
            const detail = describeAuditDetail(t, e.detail);
            return (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap tabular-nums">
                  <DateTime value={e.at} withSeconds />
                </Td>
                <Td className="min-w-36">
                  <span className="block font-medium break-words" translate="no">
                    {e.actorName}
                  </span>
                  <span className="block text-xs text-slate-600">{roleLabel(e.actorRole)}</span>
                </Td>
                <Td className="min-w-36">
                  <span className="block">{auditActionLabel(t, e.action)}</span>
                  <code className="text-xs text-slate-600">{e.action}</code>
                </Td>
                <Td>
                  {e.workerId ? (
                    <a
                      href={hrefForWorker(e.workerId)}
                      onClick={(event) => {
                        if (event.metaKey || event.ctrlKey || event.shiftKey || !e.workerId) return;
                        event.preventDefault();
                        onWorker(e.workerId);
                      }}
                      title={e.workerId}
                      translate="no"
                      aria-label={fill(p.filterWorker, {
                        id: (lang === 'ru' ? e.workerNameCyrillic : null) ?? e.workerName ?? e.workerId,
                      })}
                      className={
                        e.workerName
                          ? 'block text-sm text-blue-800 underline'
                          : 'font-mono text-xs whitespace-nowrap text-blue-800 underline'
                      }
                    >
                      {/* The same two-script name as everywhere else: the interface's script first. */}
                      {e.workerName ? (
                        <PersonName
                          latin={e.workerName}
                          cyrillic={e.workerNameCyrillic ?? null}
                          primaryClassName="font-normal text-blue-800"
                        />
                      ) : (
                        `${e.workerId.slice(0, 8)}…`
                      )}
                    </a>
                  ) : e.workerIds?.length ? (
                    <span className="text-xs whitespace-nowrap text-slate-700" title={e.workerIds.join(' ')}>
                      {plural(t.officerView.audit.workersShown, e.workerIds.length)}
                    </span>
                  ) : (
                    t.common.dash
                  )}
                </Td>
                <Td className="min-w-48 break-words">
                  {/* Typed by the officer: shown as written, in whatever language it was written in. */}
                  {e.reason ? (
                    <span translate="no">{e.reason}</span>
                  ) : (
                    <span className="text-slate-500">{t.common.dash}</span>
                  )}
                </Td>
                <Td className="max-w-sm">
                  <span className="line-clamp-3 text-xs break-words text-slate-700" title={detail}>
                    {detail || t.common.dash}
                  </span>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </TableContainer>
  );
}
