'use client';
// Account administration: the table, a dialog to create or edit an account, a dialog for a new
// password, and confirmation before disabling an account or ending its sessions.
import { useState } from 'react';
import { UserPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/field';
import type { OfficerAccount } from '@/lib/auth/officer-account';
import type { Lang } from '@/lib/i18n/config';
import type { OkrugOption } from '@/lib/ui/okrug';
import { adminStrings, fillText } from './admin-strings';
import { officerApi, type ApiResult } from './officer-api';
import { OfficerForm, type OfficerFormValues } from './officer-form';
import { OfficerTable, type RowAction } from './officer-table';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; officer: OfficerAccount }
  | { kind: 'password'; officer: OfficerAccount }
  | { kind: 'confirm'; action: 'disable' | 'revoke'; officer: OfficerAccount };

const EMPTY_FORM: OfficerFormValues = { username: '', name: '', password: '', role: 'officer', okrugs: [] };

export interface OfficerAdminProps {
  initialOfficers: OfficerAccount[];
  currentOfficerId: string;
  okrugs: OkrugOption[];
  lang: Lang;
}

export function OfficerAdmin({ initialOfficers, currentOfficerId, okrugs, lang }: OfficerAdminProps) {
  const s = adminStrings(lang);
  const [officers, setOfficers] = useState(initialOfficers);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [form, setForm] = useState<OfficerFormValues>(EMPTY_FORM);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const nameOf = (o: OfficerAccount) => o.username ?? o.name;
  const failure = (result: { message: string }) => result.message || s.network;

  const reload = async () => {
    const result = await officerApi.list();
    if (result.ok) setOfficers(result.data.items);
  };

  const open = (next: DialogState) => {
    setErrors({});
    setDialogError(null);
    setPassword('');
    if (next.kind === 'create') setForm(EMPTY_FORM);
    if (next.kind === 'edit')
      setForm({
        ...EMPTY_FORM,
        name: next.officer.name,
        role: next.officer.role,
        okrugs: next.officer.okrugs,
      });
    setDialog(next);
  };

  // Runs a dialog's request; on success closes it, announces `done` and reloads the table.
  const submitDialog = async <T,>(request: () => Promise<ApiResult<T>>, done: (data: T) => string) => {
    setSaving(true);
    const result = await request();
    setSaving(false);
    if (!result.ok) {
      setErrors(result.fields);
      setDialogError(failure(result));
      return;
    }
    setDialog(null);
    setNotice({ tone: 'ok', text: done(result.data) });
    await reload();
  };

  const runRowAction = async <T,>(
    officer: OfficerAccount,
    request: () => Promise<ApiResult<T>>,
    done: (data: T) => string,
  ) => {
    setBusyId(officer.id);
    const result = await request();
    setBusyId(null);
    setNotice(
      result.ok
        ? { tone: 'ok', text: done(result.data) }
        : { tone: 'error', text: `${s.failed} ${failure(result)}` },
    );
    await reload();
  };

  const onAction = (action: RowAction, officer: OfficerAccount) => {
    if (action === 'edit') open({ kind: 'edit', officer });
    else if (action === 'password') open({ kind: 'password', officer });
    else if (action === 'disable' || action === 'revoke') open({ kind: 'confirm', action, officer });
    else
      void runRowAction(
        officer,
        () => officerApi.setDisabled(officer.id, false),
        () => fillText(s.done.enabled, { username: nameOf(officer) }),
      );
  };

  const save = () => {
    if (dialog?.kind === 'create') {
      void submitDialog(
        () => officerApi.create({ ...form, username: form.username.trim() }),
        (o) => fillText(s.done.created, { username: nameOf(o) }),
      );
    } else if (dialog?.kind === 'edit') {
      const id = dialog.officer.id;
      void submitDialog(
        () => officerApi.update(id, { name: form.name, role: form.role, okrugs: form.okrugs }),
        () => s.done.updated,
      );
    } else if (dialog?.kind === 'password') {
      const o = dialog.officer;
      void submitDialog(
        () => officerApi.setPassword(o.id, password),
        () => fillText(s.done.password, { username: nameOf(o) }),
      );
    } else if (dialog?.kind === 'confirm') {
      const o = dialog.officer;
      if (dialog.action === 'disable') {
        void submitDialog(
          () => officerApi.setDisabled(o.id, true),
          () => fillText(s.done.disabled, { username: nameOf(o) }),
        );
      } else {
        void submitDialog(
          () => officerApi.revokeSessions(o.id),
          (r) => fillText(s.done.revoked, { username: nameOf(o), count: r.revoked }),
        );
      }
    }
  };

  const title =
    dialog?.kind === 'create'
      ? s.form.createTitle
      : dialog?.kind === 'edit'
        ? fillText(s.form.editTitle, { username: nameOf(dialog.officer) })
        : dialog?.kind === 'password'
          ? fillText(s.form.passwordTitle, { username: nameOf(dialog.officer) })
          : dialog?.kind === 'confirm'
            ? dialog.action === 'disable'
              ? s.disable
              : s.revoke
            : '';

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{s.title}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{s.intro}</p>
        </div>
        <Button variant="primary" onClick={() => open({ kind: 'create' })}>
          <UserPlus aria-hidden="true" className="size-4" />
          {s.create}
        </Button>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {notice ? (
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
        ) : null}
      </div>
      {officers.length === 0 ? (
        <EmptyState title={s.empty} />
      ) : (
        <OfficerTable
          officers={officers}
          currentOfficerId={currentOfficerId}
          okrugs={okrugs}
          lang={lang}
          s={s}
          busyId={busyId}
          onAction={onAction}
        />
      )}
      <p className="text-xs text-slate-600">{s.zoneNote}</p>
      <Dialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        title={title}
        size={dialog?.kind === 'create' || dialog?.kind === 'edit' ? 'lg' : 'sm'}
        footer={
          <div className="flex justify-end gap-2">
            <Button onClick={() => setDialog(null)}>{s.cancel}</Button>
            <Button
              type="submit"
              form="officer-dialog-form"
              variant={dialog?.kind === 'confirm' ? 'danger' : 'primary'}
              disabled={saving}
              aria-busy={saving}
            >
              {saving ? s.saving : dialog?.kind === 'confirm' ? title : s.save}
            </Button>
          </div>
        }
      >
        {dialogError ? (
          <p
            role="alert"
            className="mb-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {dialogError}
          </p>
        ) : null}
        {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
          <OfficerForm
            id="officer-dialog-form"
            mode={dialog.kind}
            values={form}
            onChange={setForm}
            onSubmit={save}
            errors={errors}
            okrugs={okrugs}
            lang={lang}
            s={s}
          />
        ) : null}
        {dialog?.kind === 'password' ? (
          <form
            id="officer-dialog-form"
            noValidate
            onSubmit={(e) => (e.preventDefault(), save())}
            className="flex flex-col gap-2"
          >
            <Field label={s.form.password} hint={s.form.passwordHint} error={errors.password} required>
              {(control) => (
                <Input
                  {...control}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            <p className="text-xs text-slate-600">{s.form.passwordNote}</p>
          </form>
        ) : null}
        {dialog?.kind === 'confirm' ? (
          <form id="officer-dialog-form" onSubmit={(e) => (e.preventDefault(), save())}>
            <p className="text-sm text-slate-800">
              {fillText(dialog.action === 'disable' ? s.confirmDisable : s.confirmRevoke, {
                username: nameOf(dialog.officer),
              })}
            </p>
          </form>
        ) : null}
      </Dialog>
    </div>
  );
}
