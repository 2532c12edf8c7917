// The lapse policy and its cancellations in words an officer can repeat to a worker, in Russian and
// English. Pure: built from the stored numbers each time it is read, so it follows the language.
import { formatDuration } from '@/lib/format/duration';
import type { Lang } from '@/lib/i18n/config';
import { readRuleFields } from './policy-presets';
import type { Policy } from './types';

/** '1 рабочий день', '3 рабочих дня', '5 рабочих дней' / '1 working day', '3 working days'. */
export function formatWorkingDays(lang: Lang, n: number): string {
  if (lang === 'en') return `${n} working day${n === 1 ? '' : 's'}`;
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} рабочий день`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} рабочих дня`;
  return `${n} рабочих дней`;
}

/** Russian genitive after 'больше': '1 рабочего дня', '3 рабочих дней'. */
export function formatWorkingDaysGenitive(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? `${n} рабочего дня` : `${n} рабочих дней`;
}

export function formatPresetName(lang: Lang, preset: Policy['preset']): string {
  if (preset === '121-FZ') {
    return lang === 'ru' ? 'правило 121-ФЗ (рабочие дни)' : 'the 121-FZ rule (working days)';
  }
  if (preset === 'custom') return lang === 'ru' ? 'особые настройки' : 'custom settings';
  return lang === 'ru' ? 'строгое правило' : 'the strict rule';
}

/** The rule as sentences: when a lapse is recorded, when it cancels, whether the worker is reminded. */
export function describePolicyRule(policy: Policy, lang: Lang): string[] {
  const f = readRuleFields(policy);
  const wait = formatDuration(lang, f.lapseAfterSeconds);
  const ru = lang === 'ru';
  const lines = [
    ru
      ? `Нарушение фиксируется, если от телефона нет геоданных ${wait}, либо сразу, когда телефон сообщает, что геолокацию или сам телефон выключили, или присылает подменённые координаты.`
      : `A lapse is recorded when no location data arrives for ${wait}, or at once when the phone reports that location or the phone itself was switched off, or sends a faked location.`,
  ];
  if (f.cancelUnit === 'working_days') {
    const days = formatWorkingDays(lang, f.cancelAfterWorkingDays);
    lines.push(
      ru
        ? `Регистрация аннулируется, если геоданных нет больше ${formatWorkingDaysGenitive(f.cancelAfterWorkingDays)} с последней отметки (выходные и праздничные дни по производственному календарю не считаются). Если отметки снова пошли раньше, регистрация сохраняется.`
        : `The registration is cancelled when no location data arrives for more than ${days} after the last fix (weekends and public holidays on the production calendar do not count). If fixes come back before then, the registration stays.`,
    );
  } else if (f.graceSeconds === 0) {
    lines.push(
      ru
        ? 'Регистрация аннулируется в момент фиксации нарушения: льготного срока нет.'
        : 'The registration is cancelled the moment a lapse is recorded: there is no grace period.',
    );
  } else {
    const grace = formatDuration(lang, f.graceSeconds);
    lines.push(
      ru
        ? `Если отметки не возобновятся в течение ${grace} после фиксации нарушения, регистрация аннулируется.`
        : `If fixes do not come back within ${grace} after the lapse is recorded, the registration is cancelled.`,
    );
  }
  if (f.reminderAfterSeconds !== null) {
    const after = formatDuration(lang, f.reminderAfterSeconds);
    lines.push(
      ru
        ? `Через ${after} без геоданных работнику напоминают открыть приложение и подтвердить адрес или сообщить о его смене; приходить в отделение не нужно.`
        : `After ${after} without location data the worker is reminded to open the app and confirm the address or report a new one; no office visit is needed.`,
    );
  }
  return lines;
}
