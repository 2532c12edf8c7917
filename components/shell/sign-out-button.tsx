'use client';
// Ends the server-side session, drops every cached answer (they hold personal data) and goes to
// the sign-in page.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
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
  const router = useRouter();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const signOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      if (await endSession()) {
        queryClient.clear();
        router.replace('/sign-in');
        router.refresh();
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
