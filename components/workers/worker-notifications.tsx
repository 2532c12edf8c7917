'use client';
// The worker file's messages to the worker: what the app told them (lapse, reminder, cancellation,
// reinstatement, review outcome, address change), when, and how far delivery got. The words are
// rendered from stored facts, in the officer's language, with the worker's own text on request.
import type { WorkerNotification } from '@/lib/api/notifications';
import { DateTime } from '@/components/ui/time';
import { fillNodes } from '@/components/shared/fill-nodes';
import { fill } from '@/lib/i18n';
import { useLang, useT } from '@/lib/i18n/client';

const STATE_STYLE: Record<WorkerNotification['state'], string> = {
  created: 'border-slate-300 bg-slate-50 text-slate-700',
  delivered: 'border-blue-300 bg-blue-50 text-blue-900',
  acknowledged: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  failed: 'border-red-300 bg-red-50 text-red-900',
};

function stateTime(n: WorkerNotification): string | null {
  if (n.state === 'acknowledged') return n.acknowledgedAt;
  if (n.state === 'delivered') return n.deliveredAt;
  if (n.state === 'failed') return n.failedAt;
  return null;
}

export function WorkerNotifications({ notifications }: { notifications: WorkerNotification[] }) {
  const t = useT();
  const m = t.notifications;
  const lang = useLang();
  return (
    <section
      aria-labelledby="worker-notifications-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="worker-notifications"
    >
      <h2 id="worker-notifications-title" className="text-base font-semibold text-slate-900">
        {m.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{m.intro}</p>
      {notifications.length === 0 ? (
        <p className="text-sm text-slate-600">{m.empty}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-100">
          {notifications.map((n) => {
            const mine = n.texts.find((x) => x.lang === lang) ?? n.texts[0];
            const local = n.texts.find((x) => x.lang === n.language && x.lang !== 'ru' && x.lang !== 'en');
            const when = stateTime(n);
            return (
              <li
                key={n.id}
                className="flex flex-col gap-1 py-2.5 text-sm"
                data-kind={n.kind}
                data-state={n.state}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-slate-900">{m.kinds[n.kind]}</span>
                  <span className="text-slate-600">
                    {fillNodes(m.created, { time: <DateTime value={n.createdAt} /> })}
                  </span>
                  <span
                    className={`rounded border px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[n.state]}`}
                  >
                    {m.states[n.state]}
                    {when ? (
                      <>
                        {' '}
                        <DateTime value={when} />
                      </>
                    ) : null}
                  </span>
                </div>
                {mine ? (
                  <p className="text-slate-800">
                    <span className="font-medium">{mine.title}.</span> {mine.body}
                  </p>
                ) : null}
                {n.failure ? <p className="text-red-800">{fill(m.failure, { error: n.failure })}</p> : null}
                {local ? (
                  <details className="text-slate-700">
                    <summary className="cursor-pointer text-blue-800">
                      {fill(m.workerLanguage, { lang: m.langs[local.lang] })}
                    </summary>
                    <p lang={local.lang} translate="no" className="mt-1">
                      <span className="font-medium">{local.title}.</span> {local.body}
                    </p>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
