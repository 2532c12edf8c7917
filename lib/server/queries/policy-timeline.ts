// The policy version in force at any moment, from the stored versions (each applies from its
// creation until the next), so the simulator can replay a period under the rules that governed it.
import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { policyVersions } from '@/lib/db/schema';
import type { Policy } from '@/lib/domain/types';
import { toPolicy } from '../policy';

export async function readPolicyTimeline(db: Db, fallback: Policy): Promise<(t: Date) => Policy> {
  const rows = await db
    .select()
    .from(policyVersions)
    .orderBy(asc(policyVersions.createdAt), asc(policyVersions.id));
  const versions = rows.map((r) => ({ from: r.createdAt.getTime(), policy: toPolicy(r) }));
  if (versions.length === 0) return () => fallback;
  return (t: Date) => {
    const ms = t.getTime();
    let found = versions[0]!.policy;
    for (const v of versions) {
      if (v.from > ms) break;
      found = v.policy;
    }
    return found;
  };
}
