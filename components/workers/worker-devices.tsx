'use client';
// The phones a worker enrolled: platform, model, app version, last contact; revoked ones marked.
import type { WorkerDetail } from '@/lib/api/workers';
import { DateTime } from '@/components/ui/time';
import { useT } from '@/lib/i18n/client';
import { fillNodes } from '@/components/shared/fill-nodes';

export function WorkerDevices({ devices }: { devices: WorkerDetail['devices'] }) {
  const t = useT();
  const p = t.pages.worker;
  if (devices.length === 0) return null;
  return (
    <section
      aria-labelledby="worker-devices-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="worker-devices-title" className="mb-2 text-base font-semibold text-slate-900">
        {p.devices}
      </h2>
      <ul className="flex flex-col gap-1.5 text-sm">
        {devices.map((d) => (
          <li key={d.id} className={d.revokedAt ? 'text-slate-500' : 'text-slate-900'}>
            {/* Platform, model and version are product names: the same in every language. */}
            <span className="font-medium" translate="no">
              {[d.platform, d.model, d.appVersion].filter(Boolean).join(' · ')}
            </span>
            {d.lastSeenAt ? (
              <span className="text-slate-600">
                {' '}
                — {fillNodes(p.deviceLastSeen, { time: <DateTime value={d.lastSeenAt} /> })}
              </span>
            ) : null}
            {d.revokedAt ? (
              <span> — {fillNodes(p.deviceRevoked, { time: <DateTime value={d.revokedAt} /> })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
