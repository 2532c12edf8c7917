'use client';
// Cursor pagination (the API pages with opaque cursors): Previous / Next, as links when the page
// lives in the URL or as buttons when the caller keeps the cursor stack itself.
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useText } from '@/lib/i18n/client';
import { Button, LinkButton } from './button';

export interface PaginationProps {
  /** 1-based page number, shown when known. */
  page?: number;
  previousHref?: string | null;
  nextHref?: string | null;
  onPrevious?: (() => void) | null;
  onNext?: (() => void) | null;
  /** e.g. "50 of 1 234" — what is on screen. */
  summary?: string;
  busy?: boolean;
}

export function Pagination({
  page,
  previousHref,
  nextHref,
  onPrevious,
  onNext,
  summary,
  busy,
}: PaginationProps) {
  const { t, fill } = useText();
  const previous = (
    <>
      <ChevronLeft aria-hidden="true" className="size-4" />
      {t.pagination.previous}
    </>
  );
  const next = (
    <>
      {t.pagination.next}
      <ChevronRight aria-hidden="true" className="size-4" />
    </>
  );
  return (
    <nav
      aria-label={t.pagination.label}
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
    >
      <p className="text-slate-600" aria-live="polite">
        {page ? fill(t.pagination.page, { page }) : null}
        {page && summary ? ' · ' : null}
        {summary}
      </p>
      <div className="flex gap-2">
        {previousHref ? (
          <LinkButton href={previousHref} size="sm" rel="prev">
            {previous}
          </LinkButton>
        ) : (
          <Button size="sm" onClick={onPrevious ?? undefined} disabled={!onPrevious || busy}>
            {previous}
          </Button>
        )}
        {nextHref ? (
          <LinkButton href={nextHref} size="sm" rel="next">
            {next}
          </LinkButton>
        ) : (
          <Button size="sm" onClick={onNext ?? undefined} disabled={!onNext || busy}>
            {next}
          </Button>
        )}
      </div>
    </nav>
  );
}
