'use client';
// A failed load: what happened in words, the server's own explanation when there is one, and a retry.
import type { ReactNode } from 'react';
import { CircleAlert, RefreshCw } from 'lucide-react';
import { ApiError } from '@/lib/api/fetch';
import { useT } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { Button } from './button';

export interface ErrorStateProps {
  title?: string;
  /** The error thrown by a query; a problem+json `detail` is shown as is (it is written for people). */
  error?: unknown;
  description?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  className?: string;
}

export function describeError(error: unknown, fallback: string, network: string): string {
  if (error instanceof ApiError) return error.problem.detail;
  if (error instanceof TypeError) return network;
  return fallback;
}

export function ErrorState({
  title,
  error,
  description,
  onRetry,
  retrying,
  compact,
  className,
}: ErrorStateProps) {
  const t = useT();
  const detail =
    description ??
    (error === undefined ? t.errors.body : describeError(error, t.errors.body, t.errors.network));
  return (
    <div
      role="alert"
      className={cn(
        'flex rounded-lg border border-red-200 bg-red-50 text-red-900',
        compact ? 'items-start gap-2 p-3 text-sm' : 'flex-col items-center gap-2 px-6 py-8 text-center',
        className,
      )}
    >
      <CircleAlert
        aria-hidden="true"
        className={cn('shrink-0 text-red-700', compact ? 'mt-0.5 size-4' : 'size-7')}
      />
      <div className={cn('min-w-0', compact ? 'flex-1' : '')}>
        <p className="font-semibold">{title ?? t.errors.loadFailed}</p>
        <div className="mt-1 text-sm text-red-800">{detail}</div>
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry} disabled={retrying} className={compact ? '' : 'mt-2'}>
          <RefreshCw aria-hidden="true" className={cn('size-4', retrying && 'animate-spin')} />
          {t.common.retry}
        </Button>
      ) : null}
    </div>
  );
}
