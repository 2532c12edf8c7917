'use client';
// Ends the server-side session, then leaves for the sign-in page with a full navigation so no
// cached page of the signed-in officer stays in the router.
import { useState } from 'react';
import { LogOut } from 'lucide-react';
import { useT } from '@/lib/i18n/client';
import { Button } from '@/components/ui/button';

async function endSession(): Promise<boolean> {
  const res = await fetch('/api/auth/sign-out', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  });
  return res.ok;
}

export function SignOutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const signOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      if (await endSession()) {
        window.location.assign('/sign-in');
        return;
      }
    } catch {
      // Network failure: fall through to the message below.
    }
    setFailed(true);
    setBusy(false);
  };

  return (
    <div className="flex items-center gap-2">
      {failed ? (
        <p role="alert" className="max-w-56 text-xs text-red-700">
          {t.shell.signOutFailed}
        </p>
      ) : null}
      <Button size="sm" variant="secondary" onClick={signOut} disabled={busy} aria-busy={busy}>
        <LogOut aria-hidden="true" className="size-4" />
        {busy ? t.shell.signingOut : t.shell.signOut}
      </Button>
    </div>
  );
}
