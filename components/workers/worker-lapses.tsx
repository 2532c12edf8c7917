'use client';
// The worker's lapses: kind, when, how long, likely cause and the review, each linking to the queue.
import Link from 'next/link';
import { LapseKindBadge } from '@/components/ui/lapse-kind-badge';
import { Table, TableCaption, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { ReviewStateBadge } from '@/components/lapses/review-badge';
import type { LapseItem } from '@/lib/api/lapses';
import { formatDuration } from '@/lib/format/duration';
import { useText } from '@/lib/i18n/client';

export function WorkerLapses({ workerId, lapses }: { workerId: string; lapses: LapseItem[] }) {
  const { t, lang } = useText();
  const p = t.pages.worker;
  const c = t.pages.lapses.columns;
  return (
    <section
      aria-labelledby="worker-lapses-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="worker-lapses-title" className="mb-3 text-base font-semibold text-slate-900">
        {p.lapsesTitle}
      </h2>
      {lapses.length === 0 ? (
        <p className="text-sm text-slate-600">{p.lapsesEmpty}</p>
      ) : (
        <TableContainer className="border-0">
          <Table>
            <TableCaption className="sr-only">{p.lapsesCaption}</TableCaption>
            <THead>
              <tr>
                <Th>{c.kind}</Th>
                <Th>{c.started}</Th>
                <Th>{c.duration}</Th>
                <Th>{c.cause}</Th>
                <Th>{c.review}</Th>
              </tr>
            </THead>
            <TBody>
              {lapses.map((l) => (
                <Tr key={l.id}>
                  <Td>
                    <Link
                      href={`/lapses?state=all&worker=${workerId}&lapse=${l.id}`}
                      className="inline-block rounded"
                      aria-label={`${t.lapseKind[l.kind]}: ${p.lapseOpen}`}
                    >
                      <LapseKindBadge kind={l.kind} className="underline decoration-dotted" />
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    <DateTime value={l.startedAt} />
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {formatDuration(lang, l.durationSeconds)}
                    {l.endedAt ? null : (
                      <span className="block text-xs text-amber-800">{t.pages.lapses.ongoing}</span>
                    )}
                  </Td>
                  <Td className="min-w-56">
                    <span className="font-medium">{t.likelyCause[l.likelyCause]}</span>
                    <span className="mt-0.5 block text-xs text-slate-600">
                      {lang === 'ru' ? l.explanationRu : l.explanationEn}
                    </span>
                  </Td>
                  <Td>
                    <ReviewStateBadge lapse={l} />
                    {l.review ? (
                      <p className="mt-1 max-w-64 text-xs break-words text-slate-600" title={l.review.note}>
                        {l.review.note}
                      </p>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      )}
    </section>
  );
}
