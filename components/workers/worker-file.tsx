'use client';
// /workers/[id] body: identity, current status with its reason, a sketch of the declared address,
// the registration history, lapses and devices, and the movement trace behind a stated reason.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Eye } from 'lucide-react';
import { StatusBadge } from '@/components/ui/status-badge';
import { SkeletonText } from '@/components/ui/skeleton';
import { workerQuery } from '@/lib/api/queries';
import type { WorkerDetail } from '@/lib/api/workers';
import { useLang, useT } from '@/lib/i18n/client';
import type { OkrugOption } from '@/lib/ui/okrug';
import { PlaceMap, type PlaceMark } from './plot/place-map';
import { RegistrationTimeline } from './registration-timeline';
import { PersonName } from '@/components/shared/person-name';
import { QueryView } from '@/components/shared/query-view';
import { TraceButton } from './trace-dialog';
import { WorkerDevices } from './worker-devices';
import { WorkerIdentity } from './worker-identity';
import { WorkerLapses } from './worker-lapses';
import { WorkerNotifications } from './worker-notifications';
import { WorkerStatusCard } from './worker-status-card';

export function WorkerFile({ id, okrugs }: { id: string; okrugs: OkrugOption[] }) {
  const t = useT();
  const query = useQuery(workerQuery(id));
  return (
    <div className="flex flex-col gap-4">
      <Link href="/workers" className="inline-flex w-fit items-center gap-1 text-sm text-blue-800 underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t.pages.worker.back}
      </Link>
      <QueryView
        query={query}
        skeleton={
          <div aria-busy="true" className="grid gap-4 lg:grid-cols-2">
            <SkeletonText lines={8} />
            <SkeletonText lines={8} />
          </div>
        }
        errorTitle={t.pages.worker.loadFailed}
      >
        {(worker) => <WorkerFileBody worker={worker} okrugs={okrugs} />}
      </QueryView>
    </div>
  );
}

function WorkerFileBody({ worker, okrugs }: { worker: WorkerDetail; okrugs: OkrugOption[] }) {
  const t = useT();
  const p = t.pages.worker;
  const lang = useLang();
  const lapsePoints: PlaceMark[] = worker.lapses.flatMap((l) =>
    l.place
      ? [{ ...l.place, kind: 'lapse' as const, label: lang === 'ru' ? l.explanationRu : l.explanationEn }]
      : [],
  );
  const addressPoints: PlaceMark[] = worker.declaredAddress
    ? [
        {
          lat: worker.declaredAddress.lat,
          lon: worker.declaredAddress.lon,
          kind: 'address',
          label: worker.declaredAddress.text,
        },
      ]
    : [];
  const points = [...addressPoints, ...lapsePoints];
  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">
            <PersonName latin={worker.fullNameLatin} cyrillic={worker.fullNameCyrillic} className="gap-0.5" />
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <StatusBadge status={worker.status} />
            <span className="inline-flex items-center gap-1">
              <Eye aria-hidden="true" className="size-4" />
              {p.auditNote}
            </span>
          </div>
        </div>
        <TraceButton workerId={worker.id} places={points} />
      </header>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          <WorkerStatusCard worker={worker} okrugs={okrugs} />
          <section
            aria-labelledby="worker-map-title"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="worker-map-title" className="mb-3 text-base font-semibold text-slate-900">
              {p.map}
            </h2>
            {points.length === 0 ? (
              <p className="text-sm text-slate-600">{p.mapEmpty}</p>
            ) : (
              <PlaceMap places={points} caption={t.placeMap.placesCaption} />
            )}
          </section>
          <WorkerDevices devices={worker.devices} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <WorkerIdentity worker={worker} />
          <RegistrationTimeline worker={worker} />
        </div>
      </div>
      <WorkerLapses workerId={worker.id} lapses={worker.lapses} />
      <WorkerNotifications notifications={worker.notifications} />
    </>
  );
}
