// One QueryClient recipe for the browser (one per tab) and the server (one per request, for prefetch).
import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/fetch';

/** Client errors (4xx) will not fix themselves: retry only network failures and 5xx, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero so data prefetched on the server is not fetched again right after hydration.
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      dehydrate: {
        // Also send queries still pending, so a prefetch can stream instead of blocking the page.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}
