'use client';
// Username + password form, and the single sign-on button when the server has a provider configured.
// Errors stay generic (never "no such user"), are announced to screen readers, and focus returns to
// the field to correct.
import { useRef, useState, type FormEvent } from 'react';
import { KeyRound, LogIn } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { signInWithPassword, startSingleSignOn, type SignInOutcome } from '@/lib/auth/client';
import type { SignInStrings } from './sign-in-strings';

export interface SignInFormProps {
  strings: Omit<SignInStrings, 'sso'>;
  next: string;
  /** The single sign-on button's label, or null when no provider is configured. */
  ssoLabel: string | null;
  initialError?: 'sso' | null;
}

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
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(initialError === 'sso' ? s.ssoFailed : null);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = { username: !username.trim(), password: !password };
    setMissing(empty);
    if (empty.username || empty.password) {
      (empty.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
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
    setPassword('');
    passwordRef.current?.focus();
  };

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
        <Field label={s.username} required error={missing.username ? s.required : undefined}>
          {(control) => (
            <Input
              {...control}
              ref={usernameRef}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={s.password} required error={missing.password ? s.required : undefined}>
          {(control) => (
            <Input
              {...control}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
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
