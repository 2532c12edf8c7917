// The dashboard frame: skip link, left navigation, top bar (search, time zone, language, user), main.
import type { ReactNode } from 'react';
import type { OfficerContext } from '@/lib/server/officer-context';
import type { Dictionary, Lang } from '@/lib/i18n';
import { canSee, homeFor } from '@/lib/ui/nav';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { SearchBox } from './search-box';
import { SideNav } from './side-nav';
import { SkipLink } from './skip-link';
import { TimeZoneNote } from './time-zone-note';
import { UserBox, type ScopeOkrug } from './user-box';

export interface AppShellProps {
  officer: OfficerContext;
  lang: Lang;
  t: Dictionary;
  okrugs: OkrugOption[];
  children: ReactNode;
}

function describeScope(lang: Lang, ids: string[] | null, okrugs: OkrugOption[]): ScopeOkrug[] | null {
  if (ids === null) return null;
  return ids.map((id) => {
    const okrug = okrugs.find((o) => o.id === id);
    return okrug
      ? { id, short: okrugShort(lang, okrug), name: okrugName(lang, okrug) }
      : { id, short: id, name: id };
  });
}

export function AppShell({ officer, lang, t, okrugs, children }: AppShellProps) {
  return (
    <div className="flex h-dvh overflow-hidden">
      <SkipLink label={t.nav.skipToContent} />
      <aside className="focus-light flex w-60 shrink-0 flex-col bg-slate-900 text-white">
        <div className="flex h-14 shrink-0 items-center border-b border-white/10 px-3">
          <Brand name={t.common.appName} href={homeFor(officer.role)} />
        </div>
        <SideNav role={officer.role} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex min-h-14 shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2">
          {canSee(officer.role, 'workers') ? (
            <SearchBox
              label={t.shell.searchLabel}
              placeholder={t.shell.searchPlaceholder}
              submit={t.shell.searchSubmit}
            />
          ) : null}
          <div className="ml-auto flex min-w-0 items-center gap-4">
            <TimeZoneNote label={t.time.zoneNote} />
            <LanguageSwitch />
            <UserBox
              name={officer.name}
              role={officer.role}
              okrugs={describeScope(lang, officer.okrugs, okrugs)}
            />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="relative min-h-0 flex-1 overflow-auto focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
