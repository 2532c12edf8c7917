// TanStack Query options for every officer read, and plain functions for the writes. Keys start
// with the resource name so a mutation can invalidate, e.g., ['lapses'] or ['workers', id]. One
// factory per resource serves both sides: the browser calls the API, the server prefetch passes a
// loader that reads in-process (server-context.ts).
import { queryOptions } from '@tanstack/react-query';
import { toSearchParams } from './common';
import { apiFetch } from './fetch';
import { auditPageSchema, type AuditFilters, type AuditPage } from './audit';
import { clustersResponseSchema, geoJsonSchema, type ClustersFilters } from './map';
import {
  lapseDetailSchema,
  lapseItemSchema,
  lapsesPageSchema,
  type LapseDetail,
  type LapsesFilters,
  type LapsesPage,
  type ReviewBody,
} from './lapses';
import {
  policySchema,
  simulateResultSchema,
  type PolicyDto,
  type PolicyUpdate,
  type SimulateBody,
} from './policy';
import { reinstateResultSchema, type ReinstateBody } from './registrations';
import {
  lapseStatsSchema,
  summarySchema,
  type LapseStats,
  type LapseStatsFilters,
  type Summary,
} from './stats';
import {
  traceSchema,
  workerDetailSchema,
  workersPageSchema,
  type TraceFilters,
  type WorkerDetail,
  type WorkersFilters,
  type WorkersPage,
} from './workers';

/**
 * Where a query's data comes from on the server: a server-only function that reads the database
 * in-process as the signed-in officer (see server-context.ts). In the browser it is left out and the
 * query calls the API. Same key either way, so the server's answer hydrates the browser's query.
 */
export type Loader<T> = () => Promise<T>;

export const queryKeys = {
  workers: (filters: WorkersFilters) => ['workers', 'list', filters] as const,
  worker: (id: string) => ['workers', id] as const,
  trace: (id: string, filters: TraceFilters) => ['workers', id, 'trace', filters] as const,
  lapses: (filters: LapsesFilters) => ['lapses', 'list', filters] as const,
  lapse: (id: string) => ['lapses', id] as const,
  summary: () => ['stats', 'summary'] as const,
  lapseStats: (params: LapseStatsFilters) => ['stats', 'lapses', params] as const,
  policy: () => ['policy'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  clusters: (params: ClustersFilters) => ['map', 'clusters', params] as const,
  region: (part: 'districts' | 'outline') => ['region', part] as const,
};

export function workersQuery(filters: WorkersFilters = {}, load?: Loader<WorkersPage>) {
  return queryOptions({
    queryKey: queryKeys.workers(filters),
    queryFn:
      load ??
      (({ signal }) =>
        apiFetch('/api/v1/workers', workersPageSchema, { search: toSearchParams(filters), signal })),
  });
}

/** URL of the CSV export of the same filtered list (a plain link: the browser downloads it). */
export function workersCsvUrl(filters: WorkersFilters = {}): string {
  const search = toSearchParams({ ...filters, cursor: undefined, limit: undefined, format: 'csv' });
  return `/api/v1/workers?${search.toString()}`;
}

export function workerQuery(id: string, load?: Loader<WorkerDetail>) {
  return queryOptions({
    queryKey: queryKeys.worker(id),
    queryFn:
      load ??
      (({ signal }) => apiFetch(`/api/v1/workers/${encodeURIComponent(id)}`, workerDetailSchema, { signal })),
  });
}

/** The trace is fetched only when an officer has given a reason: call it from an explicit action. */
export function traceQuery(id: string, filters: TraceFilters) {
  return queryOptions({
    queryKey: queryKeys.trace(id, filters),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/workers/${encodeURIComponent(id)}/trace`, traceSchema, {
        search: toSearchParams(filters),
        signal,
      }),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function lapsesQuery(filters: LapsesFilters = {}, load?: Loader<LapsesPage>) {
  return queryOptions({
    queryKey: queryKeys.lapses(filters),
    queryFn:
      load ??
      (({ signal }) =>
        apiFetch('/api/v1/lapses', lapsesPageSchema, { search: toSearchParams(filters), signal })),
  });
}

export function lapsesCsvUrl(filters: LapsesFilters = {}): string {
  const search = toSearchParams({ ...filters, cursor: undefined, limit: undefined, format: 'csv' });
  return `/api/v1/lapses?${search.toString()}`;
}

export function lapseQuery(id: string, load?: Loader<LapseDetail>) {
  return queryOptions({
    queryKey: queryKeys.lapse(id),
    queryFn:
      load ??
      (({ signal }) => apiFetch(`/api/v1/lapses/${encodeURIComponent(id)}`, lapseDetailSchema, { signal })),
  });
}

export function summaryQuery(load?: Loader<Summary>) {
  return queryOptions({
    queryKey: queryKeys.summary(),
    queryFn: load ?? (({ signal }) => apiFetch('/api/v1/stats/summary', summarySchema, { signal })),
    refetchInterval: 60_000,
  });
}

export function lapseStatsQuery(params: LapseStatsFilters = {}, load?: Loader<LapseStats>) {
  return queryOptions({
    queryKey: queryKeys.lapseStats(params),
    queryFn:
      load ??
      (({ signal }) =>
        apiFetch('/api/v1/stats/lapses', lapseStatsSchema, { search: toSearchParams(params), signal })),
  });
}

export function policyQuery(load?: Loader<PolicyDto>) {
  return queryOptions({
    queryKey: queryKeys.policy(),
    queryFn: load ?? (({ signal }) => apiFetch('/api/v1/policy', policySchema, { signal })),
  });
}

export function auditQuery(filters: AuditFilters = {}, load?: Loader<AuditPage>) {
  return queryOptions({
    queryKey: queryKeys.audit(filters),
    queryFn:
      load ??
      (({ signal }) =>
        apiFetch('/api/v1/audit', auditPageSchema, { search: toSearchParams(filters), signal })),
  });
}

export function auditCsvUrl(filters: AuditFilters = {}): string {
  const search = toSearchParams({ ...filters, cursor: undefined, limit: undefined, format: 'csv' });
  return `/api/v1/audit?${search.toString()}`;
}

export function clustersQuery(params: ClustersFilters) {
  return queryOptions({
    queryKey: queryKeys.clusters(params),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/map/clusters', clustersResponseSchema, {
        search: toSearchParams(params),
        signal,
      }),
    // Keep the previous viewport's features on screen while the next answer arrives.
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
}

export function regionQuery(part: 'districts' | 'outline') {
  return queryOptions({
    queryKey: queryKeys.region(part),
    queryFn: ({ signal }) => apiFetch(`/api/v1/region/${part}`, geoJsonSchema, { signal }),
    staleTime: Infinity,
  });
}

// Writes: wrap in useMutation and invalidate the keys named in each comment.

/** Invalidate ['lapses'], ['workers'], ['stats']. */
export function reviewLapse(id: string, body: ReviewBody) {
  return apiFetch(`/api/v1/lapses/${encodeURIComponent(id)}/review`, lapseItemSchema, {
    method: 'POST',
    body,
  });
}

/** Invalidate ['lapses'], ['workers'], ['stats'], ['map']. */
export function reinstateRegistration(id: string, body: ReinstateBody) {
  return apiFetch(`/api/v1/registrations/${encodeURIComponent(id)}/reinstate`, reinstateResultSchema, {
    method: 'POST',
    body,
  });
}

/** Invalidate ['policy']. */
export function updatePolicy(body: PolicyUpdate) {
  return apiFetch('/api/v1/policy', policySchema, { method: 'PUT', body });
}

export function simulatePolicy(body: SimulateBody) {
  return apiFetch('/api/v1/policy/simulate', simulateResultSchema, { method: 'POST', body });
}
