'use client';
// Who is signed in: name, role and okrug scope (officers see only their okrugs), and sign-out.
import { UserRound } from 'lucide-react';
import type { OfficerRole } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { SignOutButton } from './sign-out-button';

export interface ScopeOkrug {
  id: string;
  short: string;
  name: string;
}

export function UserBox({
  name,
  role,
  okrugs,
}: {
  name: string;
  role: OfficerRole;
  okrugs: ScopeOkrug[] | null;
}) {
  const t = useT();
  const scope =
    okrugs === null
      ? t.shell.scopeAll
      : okrugs.length === 0
        ? t.shell.scopeNone
        : okrugs.map((o) => o.short).join(', ');
  const scopeTitle = okrugs && okrugs.length > 0 ? okrugs.map((o) => o.name).join('; ') : scope;
  return (
    <div className="flex min-w-0 items-center gap-3">
      <div className="flex min-w-0 items-center gap-2">
        <UserRound aria-hidden="true" className="size-5 shrink-0 text-slate-500" />
        <div className="min-w-0 leading-tight">
          <p className="truncate text-sm font-semibold text-slate-900" title={name} translate="no">
            {name}
          </p>
          <p className="truncate text-xs text-slate-600" title={scopeTitle}>
            <span className="sr-only">{t.shell.role}: </span>
            {t.roles[role]}
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, {t.shell.scope}: </span>
            {scope}
          </p>
        </div>
      </div>
      <SignOutButton />
    </div>
  );
}
