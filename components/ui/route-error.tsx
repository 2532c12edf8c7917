'use client';
// The body of error.tsx files: what happened, the digest to quote to an administrator, and a retry
// that re-fetches the failed segment.
import { useEffect } from 'react';
import { CircleAlert, RefreshCw } from 'lucide-react';
import { useText } from '@/lib/i18n/client';
import { Button, LinkButton } from './button';

export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t, fill } = useText();
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  useEffect(() => {
    // The digest matches the server log line; the message itself may carry data, so it is not logged.
    if (digest) console.error(`Page error, digest ${digest}`);
  }, [digest]);

  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-3 px-6 py-16 text-center">
      <CircleAlert aria-hidden="true" className="size-10 text-red-700" />
      <h1 className="text-xl font-semibold text-slate-900">{t.errors.title}</h1>
      <p className="text-sm text-slate-700">{t.errors.body}</p>
      {digest ? (
        <p className="font-mono text-xs text-slate-600">{fill(t.errors.code, { code: digest })}</p>
      ) : null}
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button variant="primary" onClick={retry}>
          <RefreshCw aria-hidden="true" className="size-4" />
          {t.common.retry}
        </Button>
        <LinkButton href="/">{t.errors.backHome}</LinkButton>
      </div>
    </div>
  );
}
