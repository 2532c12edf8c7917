'use client';
// The one way to show a registration status: colour + icon + words, with the meaning on hover.
import type { WorkerStatusValue } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { STATUS_STYLES } from '@/lib/ui/status';
import { Badge } from './badge';

export function StatusBadge({ status, className }: { status: WorkerStatusValue; className?: string }) {
  const t = useT();
  const style = STATUS_STYLES[status];
  return (
    <Badge icon={style.icon} colorClass={style.badgeClass} className={className} title={t.statusHint[status]}>
      {t.status[status]}
    </Badge>
  );
}
