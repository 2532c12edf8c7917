// Who is calling the officer API. `okrugs` null means every okrug (supervisor, auditor, admin).
import 'server-only';
import type { OfficerRole } from '@/lib/domain/types';

export interface OfficerContext {
  officerId: string;
  username: string;
  name: string;
  role: OfficerRole;
  okrugs: string[] | null;
}
