'use client';
// Workers matching the search: each name links to the worker's file.
import Link from 'next/link';
import { LapseKindBadge } from '@/components/ui/lapse-kind-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TableCaption, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { DateTime, RelativeTime } from '@/components/ui/time';
import type { WorkerListItem } from '@/lib/api/workers';
import { useText } from '@/lib/i18n/client';
import { labelOkrug, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { citizenshipLabel } from '@/components/shared/labels';
import { PersonName } from '@/components/shared/person-name';

/** Birth dates come as calendar days (yyyy-mm-dd); officers read dd.mm.yyyy. */
function formatBirthDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : day;
}

export function WorkerTable({ items, okrugs }: { items: WorkerListItem[]; okrugs: OkrugOption[] }) {
  const { t, lang } = useText();
  const p = t.pages.workers;
  return (
    <TableContainer>
      <Table>
        <TableCaption className="sr-only">{p.caption}</TableCaption>
        <THead>
          <tr>
            <Th>{p.columns.name}</Th>
            <Th>{p.columns.document}</Th>
            <Th>{p.columns.citizenship}</Th>
            <Th>{p.columns.status}</Th>
            <Th>{p.columns.since}</Th>
            <Th>{p.columns.okrug}</Th>
            <Th>{p.columns.openLapse}</Th>
            <Th>{p.columns.lastFix}</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((w) => {
            const okrug = okrugs.find((o) => o.id === w.okrug);
            return (
              <Tr key={w.id}>
                <Td className="min-w-48">
                  <Link href={`/workers/${w.id}`} className="block rounded hover:underline">
                    <PersonName
                      latin={w.fullNameLatin}
                      cyrillic={w.fullNameCyrillic}
                      primaryClassName="text-blue-800"
                    />
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="font-mono text-sm" title={p.document}>
                    {w.documentNumber}
                  </span>
                  <span className="block text-xs text-slate-600" title={p.birthDate}>
                    {formatBirthDate(w.birthDate)}
                  </span>
                </Td>
                <Td>{citizenshipLabel(t, w.citizenship)}</Td>
                <Td>
                  <StatusBadge status={w.status} />
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  <DateTime value={w.statusSince} />
                </Td>
                <Td>
                  {okrug ? (
                    <abbr title={labelOkrug(lang, w.okrug, okrugs)} className="no-underline">
                      {okrugShort(lang, okrug)}
                    </abbr>
                  ) : (
                    (w.okrug ?? t.common.dash)
                  )}
                </Td>
                <Td>{w.openLapseKind ? <LapseKindBadge kind={w.openLapseKind} /> : t.common.dash}</Td>
                <Td className="whitespace-nowrap">
                  {w.lastFixAt ? (
                    <RelativeTime value={w.lastFixAt} />
                  ) : (
                    <span className="text-slate-600">{p.noFix}</span>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </TableContainer>
  );
}
