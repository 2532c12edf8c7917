'use client';
// The lapse queue as a table. The worker's name in each row is a link to the row's detail (so Tab,
// Enter, middle-click and no-JS all work); the parent handles j/k and the selection.
import type { MouseEvent, RefObject } from 'react';
import { OctagonX } from 'lucide-react';
import { LapseKindBadge } from '@/components/ui/lapse-kind-badge';
import { Table, TableCaption, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { citizenshipLabel } from '@/components/shared/labels';
import { PersonName } from '@/components/shared/person-name';
import type { LapseItem } from '@/lib/api/lapses';
import { formatDuration } from '@/lib/format/duration';
import { useText } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { labelOkrug, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import type { LapseSort } from './lapse-filters';
import { ReviewStateBadge } from './review-badge';
import { SortHeader, type SortDirection } from './sort-header';

export interface LapseTableProps {
  items: LapseItem[];
  okrugs: OkrugOption[];
  sort: LapseSort;
  onSort: (sort: LapseSort) => void;
  selectedId: string | undefined;
  hrefFor: (id: string) => string;
  onOpen: (id: string) => void;
  /** Row links by lapse id, so j/k can move the focus. */
  linkRefs: RefObject<Map<string, HTMLAnchorElement>>;
  /** Narrow layout while the detail panel is open: the cause goes under the kind, its explanation into a tooltip. */
  compact: boolean;
}

function directionOf(sort: LapseSort, column: 'startedAt' | 'duration'): SortDirection {
  if (sort === column) return 'asc';
  if (sort === `-${column}`) return 'desc';
  return null;
}

export function LapseTable({
  items,
  okrugs,
  sort,
  onSort,
  selectedId,
  hrefFor,
  onOpen,
  linkRefs,
  compact,
}: LapseTableProps) {
  const { t, lang, fill } = useText();
  const p = t.pages.lapses;
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(id);
  };
  return (
    <TableContainer>
      <Table>
        <TableCaption className="sr-only">{p.caption}</TableCaption>
        <THead>
          <tr>
            <Th>{p.columns.worker}</Th>
            <Th>{p.columns.kind}</Th>
            <SortHeader
              label={p.columns.started}
              direction={directionOf(sort, 'startedAt')}
              onSort={() => onSort(sort === '-startedAt' ? 'startedAt' : '-startedAt')}
            />
            <SortHeader
              label={p.columns.duration}
              direction={directionOf(sort, 'duration')}
              onSort={() => onSort(sort === '-duration' ? 'duration' : '-duration')}
            />
            {compact ? null : <Th>{p.columns.cause}</Th>}
            <Th>{p.columns.review}</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((lapse) => {
            const selected = lapse.id === selectedId;
            const okrug = okrugs.find((o) => o.id === lapse.okrug);
            const explanation = lang === 'ru' ? lapse.explanationRu : lapse.explanationEn;
            return (
              <Tr
                key={lapse.id}
                selected={selected}
                className={cn(selected && 'outline-2 -outline-offset-2 outline-blue-600')}
              >
                <Td className="min-w-44">
                  <a
                    href={hrefFor(lapse.id)}
                    ref={(el) => {
                      if (el) linkRefs.current.set(lapse.id, el);
                      else linkRefs.current.delete(lapse.id);
                    }}
                    onClick={(e) => open(e, lapse.id)}
                    aria-current={selected ? 'true' : undefined}
                    aria-label={fill(p.openDetail, {
                      name: lang === 'ru' ? (lapse.workerNameCyrillic ?? lapse.workerName) : lapse.workerName,
                    })}
                    className="block rounded hover:underline"
                  >
                    <PersonName
                      latin={lapse.workerName}
                      cyrillic={lapse.workerNameCyrillic}
                      primaryClassName="text-blue-800"
                    />
                  </a>
                  <span className="mt-0.5 block text-xs text-slate-600">
                    {citizenshipLabel(t, lapse.citizenship)}
                    {' · '}
                    <abbr title={labelOkrug(lang, lapse.okrug, okrugs)} className="no-underline">
                      {okrug ? okrugShort(lang, okrug) : (lapse.okrug ?? t.common.dash)}
                    </abbr>
                  </span>
                </Td>
                <Td>
                  <LapseKindBadge kind={lapse.kind} />
                  {compact && t.likelyCause[lapse.likelyCause] !== t.lapseKind[lapse.kind] ? (
                    <span className="mt-1 block text-xs text-slate-700" title={explanation}>
                      {t.likelyCause[lapse.likelyCause]}
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  <DateTime value={lapse.startedAt} />
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {formatDuration(lang, lapse.durationSeconds)}
                  {lapse.endedAt ? null : <span className="block text-xs text-amber-800">{p.ongoing}</span>}
                </Td>
                {compact ? null : (
                  <Td className="min-w-64">
                    <span className="font-medium">{t.likelyCause[lapse.likelyCause]}</span>
                    <span className="mt-0.5 block text-xs text-slate-600">{explanation}</span>
                  </Td>
                )}
                <Td>
                  <div className="flex flex-col items-start gap-1">
                    <ReviewStateBadge lapse={lapse} />
                    {lapse.causedCancellation ? (
                      <span className="inline-flex items-center gap-1 text-xs text-[#A8321A]">
                        <OctagonX aria-hidden="true" className="size-3.5" />
                        {p.causedCancellation}
                      </span>
                    ) : null}
                  </div>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </TableContainer>
  );
}
