export { formatNumber, formatPercent, formatCompact } from './number';
export {
  DISPLAY_TIME_ZONE,
  formatDateTime,
  formatDate,
  formatTime,
  toDate,
  toMoscowDay,
  type DateInput,
} from './date';
export { formatDuration, formatSpan } from './duration';
export { formatRelative } from './relative';
