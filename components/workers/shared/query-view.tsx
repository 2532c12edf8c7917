'use client';
// One way to show a query's three states: a skeleton while it loads, an error with a retry, the data.
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';

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
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <ErrorState
        title={errorTitle}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        compact={compact}
      />
    );
  }
  return <>{skeleton}</>;
}
