// The account-management API as the admin page reads and writes it: response schemas (every answer
// is parsed, nothing is cast), one query factory for the list, and plain functions for the writes.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { OFFICER_ROLES } from '@/lib/domain/types';
import type { CreateOfficerInput, UpdateOfficerInput } from '@/lib/auth/officer-schemas';
import { apiFetch } from './fetch';
import type { Loader } from './queries';

export const officerAccountSchema = z.object({
  id: z.string(),
  username: z.string().nullable(),
  name: z.string(),
  role: z.enum(OFFICER_ROLES),
  okrugs: z.array(z.string()),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  activeSessions: z.number().int(),
  signInMethods: z.array(z.string()),
});
export type OfficerAccountDto = z.infer<typeof officerAccountSchema>;

export const officerListSchema = z.object({ items: z.array(officerAccountSchema) });
export type OfficerList = z.infer<typeof officerListSchema>;

const revokedSchema = z.object({ revoked: z.number().int() });
const BASE = '/api/v1/admin/officers';
const one = (id: string, action = '') => `${BASE}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const officerKeys = { list: () => ['admin', 'officers'] as const };

export function officersQuery(load?: Loader<OfficerList>) {
  return queryOptions({
    queryKey: officerKeys.list(),
    queryFn: load ?? (({ signal }) => apiFetch(BASE, officerListSchema, { signal })),
  });
}

// Writes: wrap in useMutation and invalidate ['admin', 'officers'].

export function createOfficer(body: CreateOfficerInput) {
  return apiFetch(BASE, officerAccountSchema, { method: 'POST', body });
}

export function updateOfficer(id: string, body: UpdateOfficerInput) {
  return apiFetch(one(id), officerAccountSchema, { method: 'PATCH', body });
}

export function setOfficerDisabled(id: string, disabled: boolean) {
  return apiFetch(one(id, disabled ? 'disable' : 'enable'), officerAccountSchema, { method: 'POST' });
}

export function revokeOfficerSessions(id: string) {
  return apiFetch(one(id, 'revoke-sessions'), revokedSchema, { method: 'POST' });
}

export function resetOfficerPassword(id: string, password: string) {
  return apiFetch(one(id, 'password'), z.null(), { method: 'POST', body: { password } });
}
