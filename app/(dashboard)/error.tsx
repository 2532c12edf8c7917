'use client';
// Errors inside the dashboard keep the shell (navigation, top bar) and offer a retry.
import { RouteError } from '@/components/ui/route-error';

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} />;
}
