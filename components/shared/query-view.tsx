'use client';
// One way to show a query's three states: a skeleton while it loads, an error with a retry, the data.
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';
import { ApiError } from '@/lib/api/fetch';
import type { Dictionary } from '@/lib/i18n';
import { useT } from '@/lib/i18n/client';

/** Common failures in the interface language; anything else shows the server's own explanation. */
export function describeLoadError(t: Dictionary, error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 401) return t.errors.signInAgain;
  if (error.status === 403) return t.errors.forbidden;
  if (error.status === 404) return t.pages.list.notFound;
  return undefined;
}

export function QueryView<T>({
  query,
  skeleton,
  errorTitle,
  compact,
  children,
}: {
  query: UseQueryResult<T>;
  skeleton: ReactNode;
  errorTitle?: string;
  compact?: boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <ErrorState
        title={errorTitle}
        error={query.error}
        description={describeLoadError(t, query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        compact={compact}
      />
    );
  }
  return <>{skeleton}</>;
}
