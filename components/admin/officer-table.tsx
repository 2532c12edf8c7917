'use client';
// The accounts table: one row per officer with role, okrug scope, status, last sign-in and the
// actions an admin can take on it.
import { Ban, CheckCircle2, CircleSlash, KeyRound, LogOut, Pencil } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { OfficerAccount } from '@/lib/auth/officer-account';
import { formatDateTime } from '@/lib/format/date';
import type { Lang } from '@/lib/i18n/config';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import type { AdminStrings } from './admin-strings';

export type RowAction = 'edit' | 'disable' | 'enable' | 'revoke' | 'password';

export interface OfficerTableProps {
  officers: OfficerAccount[];
  currentOfficerId: string;
  okrugs: readonly OkrugOption[];
  lang: Lang;
  s: AdminStrings;
  busyId: string | null;
  onAction: (action: RowAction, officer: OfficerAccount) => void;
}

// Short forms in the cell (ЦАО, ЗАО), full names on hover and for screen readers.
function okrugLabels(officer: OfficerAccount, okrugs: readonly OkrugOption[], lang: Lang) {
  const known = officer.okrugs.map((id) => okrugs.find((o) => o.id === id));
  return {
    short: officer.okrugs.map((id, i) => (known[i] ? okrugShort(lang, known[i]) : id)).join(', '),
    full: officer.okrugs.map((id, i) => (known[i] ? okrugName(lang, known[i]) : id)).join('; '),
  };
}

export function OfficerTable({
  officers,
  currentOfficerId,
  okrugs,
  lang,
  s,
  busyId,
  onAction,
}: OfficerTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className="sr-only">{s.title}</caption>
        <thead className="bg-slate-50 text-xs font-semibold text-slate-700">
          <tr>
            {[
              s.columns.username,
              s.columns.name,
              s.columns.role,
              s.columns.okrugs,
              s.columns.status,
              s.columns.lastSignIn,
              s.columns.sessions,
              s.columns.actions,
            ].map((label) => (
              <th key={label} scope="col" className="border-b border-slate-200 px-3 py-2">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {officers.map((officer) => {
            const self = officer.id === currentOfficerId;
            const busy = busyId === officer.id;
            return (
              <tr key={officer.id} className="border-b border-slate-100 align-top last:border-b-0">
                <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                  {officer.username ? (
                    <span translate="no">{officer.username}</span>
                  ) : (
                    <span className="text-slate-600">{s.sso}</span>
                  )}
                  {self ? <span className="ml-1 text-xs font-normal text-slate-600">({s.you})</span> : null}
                </th>
                <td id={`officer-name-${officer.id}`} className="px-3 py-2 text-slate-800" translate="no">
                  {officer.name}
                </td>
                <td className="px-3 py-2 text-slate-800">{s.roles[officer.role]}</td>
                <td className="max-w-64 px-3 py-2 text-slate-800">
                  {officer.role !== 'officer' ? (
                    s.allOkrugs
                  ) : officer.okrugs.length === 0 ? (
                    <Badge tone="warning" icon={CircleSlash}>
                      {s.noOkrugs}
                    </Badge>
                  ) : (
                    <span title={okrugLabels(officer, okrugs, lang).full}>
                      <span aria-hidden="true">{okrugLabels(officer, okrugs, lang).short}</span>
                      <span className="sr-only">{okrugLabels(officer, okrugs, lang).full}</span>
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {officer.disabled ? (
                    <Badge tone="danger" icon={Ban}>
                      {s.disabled}
                    </Badge>
                  ) : (
                    <Badge tone="success" icon={CheckCircle2}>
                      {s.enabled}
                    </Badge>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-800">
                  {officer.lastSignInAt ? (
                    formatDateTime(officer.lastSignInAt)
                  ) : (
                    <span className="text-slate-600">{s.never}</span>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-800 tabular-nums">{officer.activeSessions}</td>
                <td className="px-3 py-2">
                  <div
                    className="flex flex-wrap gap-1.5"
                    aria-labelledby={`officer-name-${officer.id}`}
                    role="group"
                  >
                    <Button size="sm" onClick={() => onAction('edit', officer)} disabled={busy}>
                      <Pencil aria-hidden="true" className="size-3.5" />
                      {s.edit}
                    </Button>
                    {officer.disabled ? (
                      <Button
                        key="enable"
                        size="sm"
                        onClick={() => onAction('enable', officer)}
                        disabled={busy}
                      >
                        {s.enable}
                      </Button>
                    ) : (
                      <Button
                        key="disable"
                        size="sm"
                        variant="danger"
                        onClick={() => onAction('disable', officer)}
                        disabled={busy || self}
                      >
                        <Ban aria-hidden="true" className="size-3.5" />
                        {s.disable}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      onClick={() => onAction('revoke', officer)}
                      disabled={busy || officer.activeSessions === 0}
                    >
                      <LogOut aria-hidden="true" className="size-3.5" />
                      {s.revoke}
                    </Button>
                    <Button size="sm" onClick={() => onAction('password', officer)} disabled={busy}>
                      <KeyRound aria-hidden="true" className="size-3.5" />
                      {s.resetPassword}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
