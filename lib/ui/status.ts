// The status language: one colour, icon and map shape per registration status and per lapse kind,
// used by badges, the map, the legend and charts alike. Colours follow the Okabe–Ito palette
// (distinguishable with the common colour-vision deficiencies); text colours meet WCAG AA (≥ 4.5:1)
// on their tinted backgrounds, and no status relies on colour alone (icon + label + shape).
import {
  BatteryWarning,
  CircleArrowOutUpRight,
  CircleCheck,
  CircleDashed,
  Hourglass,
  LocateOff,
  MapPinX,
  OctagonX,
  SquareArrowOutUpRight,
  WifiOff,
  TriangleAlert,
  type LucideIcon,
} from 'lucide-react';
import type { LapseKind, RegistrationStatus, WorkerStatusValue } from '@/lib/domain/types';

/** Shapes drawn on the map canvas for single workers, mirroring the badge icons. */
export type MarkShape = 'ring' | 'circle' | 'triangle' | 'square' | 'diamond' | 'dot';

export interface StatusStyle {
  /** Saturated colour for map marks, chart series and legend swatches. */
  color: string;
  /** Text colour on `bg` (AA contrast). */
  fg: string;
  /** Tinted background for badges. */
  bg: string;
  /** Tailwind classes for a badge (literal strings so Tailwind's scanner sees them). */
  badgeClass: string;
  icon: LucideIcon;
  shape: MarkShape;
}

export const STATUS_STYLES: Record<WorkerStatusValue, StatusStyle> = {
  pending: {
    color: '#0072B2',
    fg: '#005A8C',
    bg: '#EAF3FA',
    badgeClass: 'bg-[#EAF3FA] text-[#005A8C] ring-[#0072B2]/40',
    icon: Hourglass,
    shape: 'ring',
  },
  active: {
    color: '#009E73',
    fg: '#00664A',
    bg: '#E6F5EF',
    badgeClass: 'bg-[#E6F5EF] text-[#00664A] ring-[#009E73]/40',
    icon: CircleCheck,
    shape: 'circle',
  },
  interrupted: {
    color: '#E69F00',
    fg: '#7A4F00',
    bg: '#FDF3DC',
    badgeClass: 'bg-[#FDF3DC] text-[#7A4F00] ring-[#E69F00]/50',
    icon: TriangleAlert,
    shape: 'triangle',
  },
  cancelled: {
    color: '#D55E00',
    fg: '#A8321A',
    bg: '#FBEAE5',
    badgeClass: 'bg-[#FBEAE5] text-[#A8321A] ring-[#D55E00]/40',
    icon: OctagonX,
    shape: 'square',
  },
  ended: {
    color: '#7B8794',
    fg: '#475569',
    bg: '#F1F5F9',
    badgeClass: 'bg-[#F1F5F9] text-[#475569] ring-[#7B8794]/40',
    icon: CircleArrowOutUpRight,
    shape: 'diamond',
  },
  none: {
    color: '#A0AEC0',
    fg: '#475569',
    bg: '#FFFFFF',
    badgeClass: 'bg-white text-[#475569] ring-[#A0AEC0]/60',
    icon: CircleDashed,
    shape: 'dot',
  },
};

/** Registration statuses in lifecycle order, for legends, filters and stacked charts. */
export const STATUS_ORDER: readonly RegistrationStatus[] = [
  'pending',
  'active',
  'interrupted',
  'cancelled',
  'ended',
];

export interface LapseKindStyle {
  icon: LucideIcon;
  /** Colour of the lapse mark on the map (all lapse marks share the magenta outline of "open lapse"). */
  color: string;
}

/** Open lapses share one distinct map shape (a magenta-outlined pin-diamond); the icon tells the kind. */
export const OPEN_LAPSE_COLOR = '#CC79A7';
export const OPEN_LAPSE_FG = '#8A2E62';

export const LAPSE_KIND_STYLES: Record<LapseKind, LapseKindStyle> = {
  signal_lost: { icon: WifiOff, color: '#CC79A7' },
  location_disabled: { icon: LocateOff, color: '#CC79A7' },
  device_off: { icon: BatteryWarning, color: '#CC79A7' },
  mock_location: { icon: MapPinX, color: '#CC79A7' },
  left_region: { icon: SquareArrowOutUpRight, color: '#CC79A7' },
};

export function isRegistrationStatus(value: string): value is RegistrationStatus {
  return (STATUS_ORDER as readonly string[]).includes(value);
}
