'use client';
// A lapse's review state in words and an icon: decision, "not reviewed", or voided.
import { BadgeCheck, CircleDashed, Ban, ShieldAlert, Wrench } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { LapseItem } from '@/lib/api/lapses';
import type { ReviewDecision } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';

export const DECISION_STYLE: Record<ReviewDecision, { tone: BadgeTone; icon: typeof Wrench }> = {
  technical: { tone: 'info', icon: Wrench },
  violation: { tone: 'danger', icon: ShieldAlert },
  excused: { tone: 'success', icon: BadgeCheck },
};

export function DecisionBadge({ decision }: { decision: ReviewDecision }) {
  const t = useT();
  const style = DECISION_STYLE[decision];
  return (
    <Badge tone={style.tone} icon={style.icon}>
      {t.reviewDecision[decision]}
    </Badge>
  );
}

export function ReviewStateBadge({ lapse }: { lapse: Pick<LapseItem, 'voidedAt' | 'review'> }) {
  const t = useT();
  if (lapse.voidedAt) {
    return (
      <Badge tone="neutral" icon={Ban} title={t.pages.lapse.voidedNote}>
        {t.pages.lapses.voided}
      </Badge>
    );
  }
  if (lapse.review) return <DecisionBadge decision={lapse.review.decision} />;
  return (
    <Badge tone="warning" icon={CircleDashed}>
      {t.pages.lapses.notReviewed}
    </Badge>
  );
}
