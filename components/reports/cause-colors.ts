// Chart colours of the likely causes, from the same Okabe–Ito palette as the statuses (distinct for
// the common colour-vision deficiencies). Charts also name every series and offer a table.
import type { LikelyCause } from '@/lib/domain/types';
import { OPEN_LAPSE_COLOR } from '@/lib/ui/status';

export const CAUSE_COLORS: Record<LikelyCause, string> = {
  battery_depleted: '#E69F00',
  device_shutdown: '#3F3F46',
  location_disabled: '#0072B2',
  underground: '#56B4E9',
  signal_lost: OPEN_LAPSE_COLOR,
  mock_location: '#D55E00',
  left_region: '#009E73',
  unknown: '#7B8794',
};

/** Bars of single-series charts (counts per group) use the lapse colour; cancellations the status red. */
export const LAPSE_BAR_COLOR = OPEN_LAPSE_COLOR;
