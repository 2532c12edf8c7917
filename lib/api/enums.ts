// The domain vocabularies as zod enums, for DTOs and query strings.
import { z } from 'zod';
import {
  CITIZENSHIPS,
  LAPSE_KINDS,
  LIKELY_CAUSES,
  OFFICER_ROLES,
  REGISTRATION_STATUSES,
  REVIEW_DECISIONS,
} from '@/lib/domain/types';

export const WORKER_STATUSES = ['none', ...REGISTRATION_STATUSES] as const;
export const workerStatusSchema = z.enum(WORKER_STATUSES);
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export const citizenshipSchema = z.enum(CITIZENSHIPS);
export const lapseKindSchema = z.enum(LAPSE_KINDS);
export const likelyCauseSchema = z.enum(LIKELY_CAUSES);
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export const officerRoleSchema = z.enum(OFFICER_ROLES);
