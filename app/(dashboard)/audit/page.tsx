// /audit (auditor, admin): the append-only log of reads of personal data and of decisions.
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { AuditLog } from '@/components/audit/audit-log';
import { parseAuditFilters } from '@/components/audit/audit-filters';
import { TableSkeleton } from '@/components/ui/skeleton';
import { PageHeader } from '@/components/shared/page-header';
import { PrefetchBoundary } from '@/components/shared/prefetch-boundary';
import { toParamRecord, type RawSearchParams } from '@/lib/ui/url-state';
import { getServerQueries } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { requirePageRole } from '@/lib/ui/page-access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDictionary()).pages.audit.title };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageRole(['auditor', 'admin']);
  const [t, raw, queries] = await Promise.all([getDictionary(), searchParams, getServerQueries()]);
  const filters = parseAuditFilters(toParamRecord(raw));
  return (
    <div className="mx-auto flex w-full max-w-[110rem] flex-col gap-4 p-4 lg:p-6">
      <PageHeader title={t.pages.audit.title} intro={t.pages.audit.intro} />
      <Suspense fallback={<TableSkeleton rows={12} columns={6} label={t.pages.list.loading} />}>
        <PrefetchBoundary queries={[queries.audit(filters)]}>
          <AuditLog />
        </PrefetchBoundary>
      </Suspense>
    </div>
  );
}
