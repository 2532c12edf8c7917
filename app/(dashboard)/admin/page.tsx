// Account administration (admin only): accounts, roles, okrugs, disabling, sessions, passwords.
import type { Metadata } from 'next';
import { adminStrings } from '@/components/admin/admin-strings';
import { OfficerAdmin } from '@/components/admin/officer-admin';
import { PrefetchBoundary } from '@/components/shared/prefetch-boundary';
import { officerListSchema, officersQuery } from '@/lib/api/officers';
import { getDb } from '@/lib/db/client';
import { getLang } from '@/lib/i18n/server';
import { listDistricts } from '@/lib/server/district-ids';
import { listOfficers } from '@/lib/server/officers';
import { requirePageRole } from '@/lib/ui/page-access';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminStrings(await getLang()).title };
}

export default async function AdminPage() {
  const officer = await requirePageRole(['admin']);
  const lang = await getLang();
  // The list as the API would answer it (same schema), so the browser's query hydrates from it.
  const load = async () => officerListSchema.parse({ items: await listOfficers(getDb()) });
  return (
    <div className="p-4 sm:p-6">
      <PrefetchBoundary queries={[officersQuery(load)]}>
        <OfficerAdmin currentOfficerId={officer.officerId} okrugs={listDistricts()} lang={lang} />
      </PrefetchBoundary>
    </div>
  );
}
