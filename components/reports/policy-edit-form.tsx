'use client';
// Supervisor: a new policy version. Only changed fields are sent; a dialog lists every change
// (old → new) and asks for confirmation, because the rule applies to everyone at once.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { apiFieldErrors, type FieldErrors } from '@/components/shared/form-errors';
import { POLICY_BOUNDS, policyUpdateSchema, type PolicyDto, type PolicyUpdate } from '@/lib/api/policy';
import { updatePolicy } from '@/lib/api/queries';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import {
  formatPolicyValue,
  POLICY_FIELDS,
  policyFieldLabel,
  policyFieldUnit,
  type PolicyField,
} from './policy-fields';

type Draft = Record<PolicyField, string>;

function draftOf(policy: PolicyDto): Draft {
  return {
    lapseAfterSeconds: String(policy.lapseAfterSeconds),
    graceSeconds: String(policy.graceSeconds),
    heartbeatSeconds: String(policy.heartbeatSeconds),
    lowBatteryPercent: String(policy.lowBatteryPercent),
    minAccuracyMeters: String(policy.minAccuracyMeters),
    retentionDays: String(policy.retentionDays),
  };
}

export function PolicyEditForm({ policy }: { policy: PolicyDto }) {
  const { t, lang, fill } = useText();
  const p = t.pages.policy;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<PolicyUpdate | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [preset, setPreset] = useState<'' | 'strict' | '121-FZ'>('');

  const mutation = useMutation({
    mutationFn: updatePolicy,
    onSuccess: async (saved) => {
      setPending(null);
      setSavedVersion(saved.version);
      setDraft(draftOf(saved));
      setNote('');
      setPreset('');
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
    },
    onError: (error) => {
      setPending(null);
      const { fields, message } = apiFieldErrors(error, t.errors.network);
      setErrors(fields);
      setFormError(message);
    },
  });

  const changes = POLICY_FIELDS.filter((f) => draft[f].trim() !== '' && Number(draft[f]) !== policy[f]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSavedVersion(null);
    const fieldErrors: FieldErrors = {};
    const body: Record<string, number | string> = {};
    for (const f of POLICY_FIELDS) {
      const [min, max] = POLICY_BOUNDS[f];
      const value = Number(draft[f]);
      if (draft[f].trim() === '' || !Number.isInteger(value) || value < min || value > max) {
        fieldErrors[f] = fill(p.rangeError, { min: formatNumber(lang, min), max: formatNumber(lang, max) });
      } else if (value !== policy[f]) body[f] = value;
    }
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length > 0) return;
    if (preset) body.preset = preset;
    if (Object.keys(body).length === 0) {
      setFormError(p.noChanges);
      return;
    }
    if (note.trim()) body.note = note.trim();
    const parsed = policyUpdateSchema.safeParse(body);
    if (parsed.success) setPending(parsed.data);
  };

  const presetLabel = preset === 'strict' ? p.presetStrict : preset === '121-FZ' ? p.presetFz : null;
  const changeText = [
    ...(presetLabel ? [fill(p.presetChange, { preset: presetLabel })] : []),
    ...changes.map(
      (f) =>
        `${policyFieldLabel(t, f)}: ${formatPolicyValue(t, lang, f, policy[f])} → ${formatPolicyValue(t, lang, f, Number(draft[f]))}`,
    ),
  ].join('; ');

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{p.editIntro}</p>
      <Field label={p.preset} hint={p.presetHint}>
        {(control) => (
          <Select
            {...control}
            value={preset}
            onChange={(e) => {
              const v = e.target.value;
              setPreset(v === 'strict' || v === '121-FZ' ? v : '');
            }}
          >
            <option value="">{p.presetKeep}</option>
            <option value="strict">{p.presetStrict}</option>
            <option value="121-FZ">{p.presetFz}</option>
          </Select>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {POLICY_FIELDS.map((f) => {
          const [min, max] = POLICY_BOUNDS[f];
          return (
            <Field
              key={f}
              label={`${policyFieldLabel(t, f)}, ${policyFieldUnit(t, f)}`}
              error={errors[f]}
              required
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  value={draft[f]}
                  onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.value }))}
                />
              )}
            </Field>
          );
        })}
      </div>
      <Field label={p.note} hint={p.noteHint} error={errors.note}>
        {(control) => (
          <Textarea
            {...control}
            value={note}
            rows={2}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      {formError ? (
        <p role="alert" className="text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      {savedVersion !== null ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {fill(p.saved, { version: savedVersion })}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="primary">
          {p.save}
        </Button>
      </div>
      <Dialog
        open={pending !== null}
        onClose={() => setPending(null)}
        title={p.confirmTitle}
        size="md"
        footer={
          <>
            <Button onClick={() => setPending(null)}>{t.common.cancel}</Button>
            <Button
              variant="danger"
              disabled={mutation.isPending}
              onClick={() => (pending ? mutation.mutate(pending) : undefined)}
            >
              {p.save}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-800">{fill(p.confirmBody, { changes: changeText })}</p>
      </Dialog>
    </form>
  );
}
