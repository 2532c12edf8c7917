'use client';
// Errors outside the dashboard shell (sign-in and other top-level pages).
import { RouteError } from '@/components/ui/route-error';

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="min-h-dvh bg-slate-50">
      <RouteError error={error} retry={retry} />
    </main>
  );
}
