'use client';
// Every registration event, newest first: when, what happened in words, from → to, and who.
import { StatusBadge } from '@/components/ui/status-badge';
import { DateTime } from '@/components/ui/time';
import type { WorkerDetail } from '@/lib/api/workers';
import { useText } from '@/lib/i18n/client';
import { STATUS_STYLES } from '@/lib/ui/status';
import { fillNodes } from '@/components/shared/fill-nodes';
import { eventTypeLabel, isWorkerStatus } from '@/components/shared/labels';

/** An actor that is neither a known officer nor the system: a short, still recognisable id. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function RegistrationTimeline({ worker }: { worker: WorkerDetail }) {
  const { t, lang, fill } = useText();
  const p = t.pages.worker;
  const events = [...worker.events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  // A person's action names the officer (id on hover); the system and devices read as "system".
  const actorLabel = (e: (typeof events)[number]) =>
    e.actorName ? (
      <span title={e.actor}>{e.actorName}</span>
    ) : e.actor === 'system' || e.actor === 'device' ? (
      p.systemActor
    ) : (
      <span title={e.actor}>{shortId(e.actor)}</span>
    );
  return (
    <section
      aria-labelledby="worker-history-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="worker-history-title" className="mb-3 text-base font-semibold text-slate-900">
        {p.history}
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{p.historyEmpty}</p>
      ) : (
        <ol className="relative flex flex-col gap-4 border-l-2 border-slate-200 pl-5">
          {events.map((e) => {
            const lapse = e.lapseId ? worker.lapses.find((l) => l.id === e.lapseId) : undefined;
            const to = isWorkerStatus(e.toStatus) ? e.toStatus : null;
            const from = isWorkerStatus(e.fromStatus) ? e.fromStatus : null;
            const typeLabel = eventTypeLabel(t, e.type);
            return (
              <li key={e.id} className="relative">
                <span
                  aria-hidden="true"
                  className="absolute top-1 -left-[1.6rem] size-3 rounded-full border-2 border-white"
                  style={{ backgroundColor: to ? STATUS_STYLES[to].color : '#94a3b8' }}
                />
                <p className="text-xs text-slate-600 tabular-nums">
                  <DateTime value={e.at} />
                </p>
                <p className="font-medium text-slate-900">{typeLabel ?? e.cause}</p>
                <div className="mt-1 flex flex-wrap items-center gap-1.5 text-sm">
                  {fillNodes(p.eventTransition, {
                    from: from ? (
                      <StatusBadge status={from} />
                    ) : (
                      <span className="text-slate-600">{t.common.dash}</span>
                    ),
                    to: to ? <StatusBadge status={to} /> : e.toStatus,
                  })}
                </div>
                {lapse ? (
                  <p className="mt-1 text-sm text-slate-800">
                    {fill(p.lapseCause, {
                      kind: t.lapseKind[lapse.kind],
                      cause: t.likelyCause[lapse.likelyCause],
                    })}
                    . {lang === 'ru' ? lapse.explanationRu : lapse.explanationEn}
                    {e.type === 'cancelled' && lapse.cancellation
                      ? ` ${lang === 'ru' ? lapse.cancellation.explanationRu : lapse.cancellation.explanationEn}`
                      : null}
                  </p>
                ) : null}
                {e.note ? (
                  <p className="mt-1 text-sm text-slate-800">{fill(p.eventNote, { note: e.note })}</p>
                ) : null}
                <p className="mt-0.5 text-xs text-slate-600">
                  {fillNodes(p.eventBy, { actor: actorLabel(e) })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
