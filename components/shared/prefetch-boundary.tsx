// Server side of a data-bound widget: run its queries for this request (as the signed-in officer,
// in-process through getServerQueries in lib/api/server-context.ts) and hand the results to the
// client components below.
// Wrap it in <Suspense> with a skeleton so each widget streams in on its own.
import 'server-only';
import type { ReactNode } from 'react';
import { dehydrate, HydrationBoundary, type FetchQueryOptions } from '@tanstack/react-query';
import { makeQueryClient } from '@/lib/ui/query-client';

export async function PrefetchBoundary({
  queries,
  children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query has its own data type
  queries: ReadonlyArray<FetchQueryOptions<any, any, any, any>>;
  children: ReactNode;
}) {
  const client = makeQueryClient();
  // prefetchQuery never throws: a failed query is simply not handed over and the browser retries it
  // and shows the error with a retry button.
  await Promise.all(queries.map((q) => client.prefetchQuery(q)));
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
