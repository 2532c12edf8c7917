// Every dashboard page requires a signed-in officer (else /sign-in?next=… via requireOfficer) and
// sits in the shell: navigation filtered by role, search, language, user and okrug scope.
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { getDictionary, getLang } from '@/lib/i18n/server';
import { currentOfficer } from '@/lib/ui/current-officer';
import { getRegionInfo } from '@/lib/ui/region-info';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const officer = await currentOfficer();
  const [lang, t] = await Promise.all([getLang(), getDictionary()]);
  const { okrugs } = getRegionInfo();
  return (
    <AppShell officer={officer} lang={lang} t={t} okrugs={okrugs}>
      {children}
    </AppShell>
  );
}
