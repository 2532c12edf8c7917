'use client';
// The decision on a lapse: the recorded review (with "change" for supervisors) or the review form.
import { useState, type RefObject } from 'react';
import { DateTime } from '@/components/ui/time';
import type { LapseDetail } from '@/lib/api/lapses';
import type { OfficerRole } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { DecisionBadge } from './review-badge';
import { ReviewForm } from './review-form';

export function LapseReviewSection({
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
  const [revising, setRevising] = useState(false);
  const [saved, setSaved] = useState(false);
  const canRevise = role === 'supervisor';
  const showForm = !lapse.voidedAt && (!lapse.review || revising);
  return (
    <section
      aria-labelledby="lapse-review-title"
      className="flex flex-col gap-3 border-t border-slate-200 pt-4"
    >
      <h3
        id="lapse-review-title"
        tabIndex={-1}
        ref={(el) => {
          // `r` lands on the form when there is one, else on the revise button, else here.
          if (!showForm && !(lapse.review && canRevise)) reviewFocusRef.current = el;
        }}
        className="text-sm font-semibold text-slate-900"
      >
        {p.review}
      </h3>
      {lapse.voidedAt ? <p className="text-slate-700">{p.voidedNote}</p> : null}
      {saved ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900"
        >
          {p.saved}
        </p>
      ) : null}
      {lapse.review ? (
        <div className="rounded-md border border-slate-200 p-3">
          <DecisionBadge decision={lapse.review.decision} />
          <p className="mt-2 break-words whitespace-pre-line text-slate-900">{lapse.review.note}</p>
          <p className="mt-1 text-xs text-slate-600">
            <span title={lapse.review.by}>{lapse.review.byName ?? lapse.review.by}</span>,{' '}
            <DateTime value={lapse.review.at} />
          </p>
          {!canRevise ? <p className="mt-2 text-xs text-slate-600">{p.reviewLocked}</p> : null}
          {canRevise && !revising ? (
            <button
              type="button"
              ref={(el) => {
                reviewFocusRef.current = el;
              }}
              className="mt-2 text-sm text-blue-800 underline"
              onClick={() => {
                setRevising(true);
                setSaved(false);
                requestAnimationFrame(() => reviewFocusRef.current?.focus());
              }}
            >
              {p.revise}
            </button>
          ) : null}
        </div>
      ) : null}
      {showForm ? (
        <>
          {lapse.review ? <p className="text-xs text-slate-600">{p.reviseHint}</p> : null}
          <ReviewForm
            lapse={lapse}
            focusRef={reviewFocusRef}
            onDone={() => {
              setSaved(true);
              setRevising(false);
            }}
          />
        </>
      ) : null}
    </section>
  );
}
