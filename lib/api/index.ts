// Officer API contract shared by route handlers (server) and the UI (browser). What exists:
// - common.ts       instant()/enumList()/idList query-param helpers, problemSchema, pageOf(),
//                   toSearchParams(), searchParamsObject(), REPORT_TIME_ZONE
// - enums.ts        zod enums for statuses, citizenships, lapse kinds, causes, decisions, roles
// - workers.ts      workersParamsSchema, workerListItemSchema, workersPageSchema, workerDetailSchema,
//                   traceParamsSchema, traceSchema
// - lapses.ts       lapsesParamsSchema, lapseItemSchema, lapsesPageSchema, lapseDetailSchema, reviewBodySchema
// - registrations.ts reinstateBodySchema, reinstateResultSchema
// - map.ts          clustersParamsSchema, clustersResponseSchema (GeoJSON), geoJsonSchema
// - stats.ts        summarySchema, lapseStatsParamsSchema, lapseStatsSchema
// - policy.ts       policySchema, policyUpdateSchema, POLICY_BOUNDS, simulateBodySchema, simulateResultSchema
// - audit.ts        auditParamsSchema, auditEntrySchema, auditPageSchema, AUDIT_ACTIONS
// - stream.ts       SSE payloads: statusEventSchema, lapseEventSchema (+ summary), STREAM_EVENTS
// - fetch.ts        apiFetch(path, schema, opts), ApiError (carries the problem+json); browser only
// - queries.ts      queryOptions factories: workersQuery, workerQuery, traceQuery, lapsesQuery,
//                   lapseQuery, summaryQuery, lapseStatsQuery, policyQuery, auditQuery, clustersQuery,
//                   regionQuery; queryKeys; CSV links (workersCsvUrl, lapsesCsvUrl, auditCsvUrl);
//                   writes: reviewLapse, reinstateRegistration, updatePolicy, simulatePolicy
// - server-context.ts (server only, import directly) getServerQueries(): the same factories with
//                   in-process loaders for server prefetch: `(await getServerQueries()).worker(id)`
// - device-schemas.ts (helper B) device API DTOs
export * from './common';
export * from './enums';
export * from './workers';
export * from './lapses';
export * from './registrations';
export * from './map';
export * from './stats';
export * from './policy';
export * from './audit';
export * from './stream';
export * from './fetch';
export * from './queries';
