'use client';
// Username + password form, and the single sign-on button when the server has a provider configured.
// Errors stay generic (never "no such user"), are announced to screen readers, and focus returns to
// the field to correct (react-hook-form focuses the first empty one; after a refused attempt, the
// password).
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { KeyRound, LogIn } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { withMessages } from '@/components/shared/form-errors';
import { signInWithPassword, startSingleSignOn, type SignInOutcome } from '@/lib/auth/client';
import type { SignInStrings } from './sign-in-strings';

export interface SignInFormProps {
  strings: Omit<SignInStrings, 'sso'>;
  next: string;
  /** The single sign-on button's label, or null when no provider is configured. */
  ssoLabel: string | null;
  initialError?: 'sso' | null;
}

const signInSchema = z.object({ username: z.string().trim().min(1), password: z.string().min(1) });
type SignInValues = z.infer<typeof signInSchema>;

function messageFor(outcome: SignInOutcome, s: SignInFormProps['strings']): string | null {
  if (outcome.ok) return null;
  switch (outcome.reason) {
    case 'invalid':
      return s.invalid;
    case 'locked':
      return outcome.retryAfterSeconds
        ? s.lockedFor.replace('{seconds}', String(outcome.retryAfterSeconds))
        : s.locked;
    case 'disabled':
      return s.disabled;
    case 'network':
      return s.network;
    default:
      return s.failed;
  }
}

export function SignInForm({ strings: s, next, ssoLabel, initialError = null }: SignInFormProps) {
  const [error, setError] = useState<string | null>(initialError === 'sso' ? s.ssoFailed : null);
  const [busy, setBusy] = useState(false);
  const form = useForm<SignInValues>({
    resolver: withMessages(zodResolver(signInSchema), () => s.required),
    defaultValues: { username: '', password: '' },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async ({ username, password }) => {
    setBusy(true);
    setError(null);
    const outcome = await signInWithPassword(username, password);
    if (outcome.ok) {
      // A full navigation, so the first dashboard render already carries the new session cookie.
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setError(messageFor(outcome, s));
    form.resetField('password');
    form.setFocus('password');
  });

  const singleSignOn = async () => {
    setBusy(true);
    setError(null);
    const url = await startSingleSignOn(next);
    if (url) {
      window.location.assign(url);
      return;
    }
    setBusy(false);
    setError(s.ssoFailed);
  };

  return (
    <div className="flex flex-col gap-5">
      <div aria-live="assertive" aria-atomic="true">
        {error ? (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
          >
            {error}
          </p>
        ) : null}
      </div>
      <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label={s.title}>
        <Field label={s.username} required error={errors.username?.message}>
          {(control) => (
            <Input
              {...control}
              {...form.register('username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
            />
          )}
        </Field>
        <Field label={s.password} required error={errors.password?.message}>
          {(control) => (
            <Input
              {...control}
              {...form.register('password')}
              type="password"
              autoComplete="current-password"
            />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={busy} aria-busy={busy} className="w-full">
          <LogIn aria-hidden="true" className="size-4" />
          {busy ? s.submitting : s.submit}
        </Button>
      </form>
      {ssoLabel ? (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-600" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            {s.or}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button variant="secondary" onClick={singleSignOn} disabled={busy} className="w-full">
            <KeyRound aria-hidden="true" className="size-4" />
            {ssoLabel}
          </Button>
        </>
      ) : null}
    </div>
  );
}
