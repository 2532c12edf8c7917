// TanStack Query options for every officer read, and plain functions for the writes. Keys start
// with the resource name so a mutation can invalidate, e.g., ['lapses'] or ['workers', id].
import { queryOptions } from '@tanstack/react-query';
import { toSearchParams } from './common';
import { apiFetch, type ApiContext } from './fetch';
import { auditPageSchema, type AuditFilters } from './audit';
import { clustersResponseSchema, geoJsonSchema, type ClustersFilters } from './map';
import {
  lapseDetailSchema,
  lapseItemSchema,
  lapsesPageSchema,
  type LapsesFilters,
  type ReviewBody,
} from './lapses';
import { policySchema, simulateResultSchema, type PolicyUpdate, type SimulateBody } from './policy';
import { reinstateResultSchema, type ReinstateBody } from './registrations';
import { lapseStatsSchema, summarySchema, type LapseStatsFilters } from './stats';
import {
  traceSchema,
  workerDetailSchema,
  workersPageSchema,
  type TraceFilters,
  type WorkersFilters,
} from './workers';

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

export function workersQuery(filters: WorkersFilters = {}, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.workers(filters),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/workers', workersPageSchema, { search: toSearchParams(filters), ctx, signal }),
  });
}

/** URL of the CSV export of the same filtered list (a plain link: the browser downloads it). */
export function workersCsvUrl(filters: WorkersFilters = {}): string {
  const search = toSearchParams({ ...filters, cursor: undefined, limit: undefined, format: 'csv' });
  return `/api/v1/workers?${search.toString()}`;
}

export function workerQuery(id: string, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.worker(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/workers/${encodeURIComponent(id)}`, workerDetailSchema, { ctx, signal }),
  });
}

/** The trace is fetched only when an officer has given a reason: call it from an explicit action. */
export function traceQuery(id: string, filters: TraceFilters, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.trace(id, filters),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/workers/${encodeURIComponent(id)}/trace`, traceSchema, {
        search: toSearchParams(filters),
        ctx,
        signal,
      }),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function lapsesQuery(filters: LapsesFilters = {}, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.lapses(filters),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/lapses', lapsesPageSchema, { search: toSearchParams(filters), ctx, signal }),
  });
}

export function lapsesCsvUrl(filters: LapsesFilters = {}): string {
  const search = toSearchParams({ ...filters, cursor: undefined, limit: undefined, format: 'csv' });
  return `/api/v1/lapses?${search.toString()}`;
}

export function lapseQuery(id: string, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.lapse(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/lapses/${encodeURIComponent(id)}`, lapseDetailSchema, { ctx, signal }),
  });
}

export function summaryQuery(ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.summary(),
    queryFn: ({ signal }) => apiFetch('/api/v1/stats/summary', summarySchema, { ctx, signal }),
    refetchInterval: 60_000,
  });
}

export function lapseStatsQuery(params: LapseStatsFilters = {}, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.lapseStats(params),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/stats/lapses', lapseStatsSchema, { search: toSearchParams(params), ctx, signal }),
  });
}

export function policyQuery(ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.policy(),
    queryFn: ({ signal }) => apiFetch('/api/v1/policy', policySchema, { ctx, signal }),
  });
}

export function auditQuery(filters: AuditFilters = {}, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/audit', auditPageSchema, { search: toSearchParams(filters), ctx, signal }),
  });
}

export function auditCsvUrl(filters: AuditFilters = {}): string {
  const search = toSearchParams({ ...filters, cursor: undefined, limit: undefined, format: 'csv' });
  return `/api/v1/audit?${search.toString()}`;
}

export function clustersQuery(params: ClustersFilters, ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.clusters(params),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/map/clusters', clustersResponseSchema, {
        search: toSearchParams(params),
        ctx,
        signal,
      }),
    // Keep the previous viewport's features on screen while the next answer arrives.
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
}

export function regionQuery(part: 'districts' | 'outline', ctx?: ApiContext) {
  return queryOptions({
    queryKey: queryKeys.region(part),
    queryFn: ({ signal }) => apiFetch(`/api/v1/region/${part}`, geoJsonSchema, { ctx, signal }),
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
