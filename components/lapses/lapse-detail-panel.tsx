'use client';
// The selected lapse beside the queue: evidence, likely cause, the review form and, for supervisors,
// the reinstatement of a registration the lapse cancelled.
import { useState, type RefObject } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ExternalLink, X } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { SkeletonText } from '@/components/ui/skeleton';
import { PersonName } from '@/components/shared/person-name';
import { QueryView } from '@/components/shared/query-view';
import { citizenshipLabel } from '@/components/shared/labels';
import type { LapseDetail } from '@/lib/api/lapses';
import { lapseQuery } from '@/lib/api/queries';
import type { OfficerRole } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { LapseEvidence } from './lapse-evidence';
import { ReinstateAction } from './reinstate-action';
import { LapseReviewSection } from './lapse-review-section';

export interface LapseDetailPanelProps {
  id: string;
  role: OfficerRole;
  onClose: () => void;
  reviewFocusRef: RefObject<HTMLElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function LapseDetailPanel({ id, role, onClose, reviewFocusRef, headingRef }: LapseDetailPanelProps) {
  const t = useT();
  const query = useQuery(lapseQuery(id));
  return (
    <aside
      aria-labelledby="lapse-panel-title"
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white xl:sticky xl:top-4 xl:max-h-[calc(100dvh-7rem)]"
    >
      <div className="flex items-start gap-2 border-b border-slate-200 px-4 py-3">
        <h2
          id="lapse-panel-title"
          ref={headingRef}
          tabIndex={-1}
          className="min-w-0 flex-1 text-base font-semibold"
        >
          {query.data ? (
            <PersonName latin={query.data.workerName} cyrillic={query.data.workerNameCyrillic} />
          ) : (
            t.pages.lapse.panelTitle
          )}
        </h2>
        <IconButton label={t.pages.lapse.close} size="sm" onClick={onClose}>
          <X aria-hidden="true" className="size-4" />
        </IconButton>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3" aria-busy={query.isPending}>
        <QueryView
          query={query}
          skeleton={<SkeletonText lines={10} />}
          errorTitle={t.pages.lapse.loadFailed}
          compact
        >
          {(lapse) => <PanelBody key={lapse.id} lapse={lapse} role={role} reviewFocusRef={reviewFocusRef} />}
        </QueryView>
      </div>
    </aside>
  );
}

function PanelBody({
  lapse,
  role,
  reviewFocusRef,
}: {
  lapse: LapseDetail;
  role: OfficerRole;
  reviewFocusRef: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const p = t.pages.lapse;
  const [reinstated, setReinstated] = useState(false);
  return (
    <div className="flex flex-col gap-5">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <span>{citizenshipLabel(t, lapse.citizenship)}</span>
        <Link
          href={`/workers/${lapse.workerId}`}
          className="inline-flex items-center gap-1 text-blue-800 underline"
        >
          {p.openWorker}
          <ExternalLink aria-hidden="true" className="size-3.5" />
        </Link>
      </p>

      <LapseEvidence lapse={lapse} />

      <LapseReviewSection lapse={lapse} role={role} reviewFocusRef={reviewFocusRef} />

      {reinstated ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900"
        >
          {p.reinstate.done}
        </p>
      ) : null}
      {role === 'supervisor' && lapse.registration.reinstatable && !reinstated ? (
        <ReinstateAction registrationId={lapse.registration.id} onDone={() => setReinstated(true)} />
      ) : null}
    </div>
  );
}
