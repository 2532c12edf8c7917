'use client';
// A lapse kind with its own icon (signal lost, location off, phone off, mock location, left region).
import type { LapseKind } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { LAPSE_KIND_STYLES } from '@/lib/ui/status';
import { Badge } from './badge';

export function LapseKindBadge({ kind, className }: { kind: LapseKind; className?: string }) {
  const t = useT();
  return (
    <Badge
      icon={LAPSE_KIND_STYLES[kind].icon}
      tone="accent"
      className={className}
      title={t.lapseKindHint[kind]}
    >
      {t.lapseKind[kind]}
    </Badge>
  );
}
