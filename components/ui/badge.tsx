// A small label with an optional icon. Tones are neutral UI tones; statuses use <StatusBadge>.
import type { ComponentProps, ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { cn } from '@/lib/ui/cn';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
  info: 'bg-blue-50 text-blue-800 ring-blue-200',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  danger: 'bg-red-50 text-red-800 ring-red-200',
  accent: 'bg-fuchsia-50 text-fuchsia-900 ring-fuchsia-200',
};

export interface BadgeProps extends Omit<ComponentProps<'span'>, 'children'> {
  tone?: BadgeTone;
  icon?: LucideIcon;
  children: ReactNode;
  /** Tailwind colour classes replacing the tone (status badges). */
  colorClass?: string;
}

export function Badge({
  tone = 'neutral',
  icon: Icon,
  colorClass,
  className,
  children,
  ...rest
}: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        colorClass ?? TONES[tone],
        className,
      )}
      {...rest}
    >
      {Icon ? <Icon aria-hidden="true" className="size-3.5 shrink-0" strokeWidth={2.25} /> : null}
      <span className="min-w-0 break-words">{children}</span>
    </span>
  );
}
