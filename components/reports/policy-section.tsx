'use client';
// The policy part of the reports page: the current rules, the simulator, and for supervisors the
// form for a new version.
import { useQuery } from '@tanstack/react-query';
import { SkeletonText } from '@/components/ui/skeleton';
import { QueryView } from '@/components/shared/query-view';
import { policyQuery } from '@/lib/api/queries';
import type { OfficerRole } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { PolicyEditForm } from './policy-edit-form';
import { PolicySimulator } from './policy-simulator';
import { PolicyView } from './policy-view';

export function PolicySection({ role }: { role: OfficerRole }) {
  const t = useT();
  const query = useQuery(policyQuery());
  const card = 'rounded-lg border border-slate-200 bg-white p-4';
  return (
    <QueryView query={query} skeleton={<SkeletonText lines={6} />} errorTitle={t.pages.policy.loadFailed}>
      {(policy) => (
        <div className="flex flex-col gap-4">
          {/* The simulator replays positions in the caller's okrugs: officers and supervisors only. */}
          {role === 'auditor' ? null : (
            <section aria-labelledby="simulate-title" className={card}>
              <h2 id="simulate-title" className="mb-2 text-base font-semibold text-slate-900">
                {t.pages.simulate.title}
              </h2>
              <PolicySimulator policy={policy} />
            </section>
          )}
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <section aria-labelledby="policy-title" className={card}>
              <h2 id="policy-title" className="mb-2 text-base font-semibold text-slate-900">
                {t.pages.policy.current}
              </h2>
              <PolicyView policy={policy} />
            </section>
            {role === 'supervisor' ? (
              <section aria-labelledby="policy-edit-title" className={card}>
                <h2 id="policy-edit-title" className="mb-2 text-base font-semibold text-slate-900">
                  {t.pages.policy.editTitle}
                </h2>
                <PolicyEditForm key={policy.version} policy={policy} />
              </section>
            ) : null}
          </div>
        </div>
      )}
    </QueryView>
  );
}
