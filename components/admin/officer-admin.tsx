'use client';
// Account administration: the table (the app's TanStack Query client, prefetched on the server), a
// dialog to create or edit an account, a dialog for a new password, and confirmation before
// disabling an account or ending its sessions.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { QueryView } from '@/components/shared/query-view';
import {
  officersQuery,
  revokeOfficerSessions,
  setOfficerDisabled,
  type OfficerAccountDto,
} from '@/lib/api/officers';
import type { Lang } from '@/lib/i18n/config';
import { useT } from '@/lib/i18n/client';
import type { OkrugOption } from '@/lib/ui/okrug';
import { adminStrings, fillText } from './admin-strings';
import { officerServerErrors, useOfficerWrite } from './officer-messages';
import { OfficerFormDialog } from './officer-form';
import { OfficerTable, type RowAction } from './officer-table';
import { PasswordDialog } from './password-dialog';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit' | 'password'; officer: OfficerAccountDto }
  | { kind: 'confirm'; action: 'disable' | 'revoke'; officer: OfficerAccountDto };

type Notice = { tone: 'ok' | 'error'; text: string };

export interface OfficerAdminProps {
  currentOfficerId: string;
  okrugs: OkrugOption[];
  lang: Lang;
}

const nameOf = (o: OfficerAccountDto) => o.username ?? o.name;

export function OfficerAdmin({ currentOfficerId, okrugs, lang }: OfficerAdminProps) {
  const s = adminStrings(lang);
  const t = useT();
  const query = useQuery(officersQuery());
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const done = (text: string) => {
    setDialog(null);
    setNotice({ tone: 'ok', text });
  };
  const failed = (error: unknown) =>
    setNotice({ tone: 'error', text: `${s.failed} ${officerServerErrors(t, error, () => undefined, [])}` });

  const enable = useOfficerWrite((o: OfficerAccountDto) => setOfficerDisabled(o.id, false), {
    onSuccess: (o) => done(fillText(s.done.enabled, { username: nameOf(o) })),
    onError: failed,
  });
  const onAction = (action: RowAction, officer: OfficerAccountDto) => {
    setNotice(null);
    if (action === 'enable') enable.mutate(officer);
    else if (action === 'disable' || action === 'revoke') setDialog({ kind: 'confirm', action, officer });
    else setDialog({ kind: action, officer });
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{s.title}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{s.intro}</p>
        </div>
        <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
          <UserPlus aria-hidden="true" className="size-4" />
          {s.create}
        </Button>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {notice ? <NoticeLine notice={notice} /> : null}
      </div>
      <QueryView query={query} skeleton={<Skeleton className="h-64 w-full" />}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={s.empty} />
          ) : (
            <OfficerTable
              officers={data.items}
              currentOfficerId={currentOfficerId}
              okrugs={okrugs}
              lang={lang}
              s={s}
              busyId={enable.isPending ? (enable.variables?.id ?? null) : null}
              onAction={onAction}
            />
          )
        }
      </QueryView>
      <p className="text-xs text-slate-600">{s.zoneNote}</p>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <OfficerFormDialog
          officer={dialog.kind === 'edit' ? dialog.officer : null}
          okrugs={okrugs}
          lang={lang}
          s={s}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
      {dialog?.kind === 'password' ? (
        <PasswordDialog officer={dialog.officer} s={s} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'confirm' ? (
        <ConfirmDialog
          action={dialog.action}
          officer={dialog.officer}
          lang={lang}
          onClose={() => setDialog(null)}
          onDone={done}
          onFailed={(error) => {
            setDialog(null);
            failed(error);
          }}
        />
      ) : null}
    </div>
  );
}

function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <p
      role={notice.tone === 'error' ? 'alert' : 'status'}
      className={
        notice.tone === 'error'
          ? 'rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800'
          : 'rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900'
      }
    >
      {notice.text}
    </p>
  );
}

/** Disabling an account or ending its sessions: said in words, confirmed, then sent. */
function ConfirmDialog({
  action,
  officer,
  lang,
  onClose,
  onDone,
  onFailed,
}: {
  action: 'disable' | 'revoke';
  officer: OfficerAccountDto;
  lang: Lang;
  onClose: () => void;
  onDone: (notice: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const s = adminStrings(lang);
  const username = nameOf(officer);
  const disable = useOfficerWrite(() => setOfficerDisabled(officer.id, true), {
    onSuccess: () => onDone(fillText(s.done.disabled, { username })),
    onError: onFailed,
  });
  const revoke = useOfficerWrite(() => revokeOfficerSessions(officer.id), {
    onSuccess: (r) => onDone(fillText(s.done.revoked, { username, count: r.revoked })),
    onError: onFailed,
  });
  const pending = disable.isPending || revoke.isPending;
  const title = action === 'disable' ? s.disable : s.revoke;
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      size="sm"
      footer={
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{s.cancel}</Button>
          <Button
            variant="danger"
            disabled={pending}
            aria-busy={pending}
            onClick={() => (action === 'disable' ? disable.mutate(undefined) : revoke.mutate(undefined))}
          >
            {pending ? s.saving : title}
          </Button>
        </div>
      }
    >
      <p className="text-sm text-slate-800">
        {fillText(action === 'disable' ? s.confirmDisable : s.confirmRevoke, { username })}
      </p>
    </Dialog>
  );
}
