// Why a registration was cancelled: the rule, in words, with the numbers of the policy version in
// force, built from stored cause codes and facts when read (so it follows the language and stays
// true after the lapse ends). Pure.
import { formatDuration } from '@/lib/format/duration';
import type { Lang } from '@/lib/i18n/config';
import { formatClock } from './format-evidence';
import type { CancelRule, LapseTrigger } from './lifecycle';
import { formatPresetName, formatWorkingDaysGenitive } from './policy-words';
import type { LapseKind, Policy } from './types';

export interface CancellationFacts {
  /** Null on rows written before the rule was stored: inferred from the policy. */
  rule: CancelRule | null;
  trigger: LapseTrigger | null;
  kind: LapseKind;
  startedAt: Date;
  lastFixTime: Date | null;
  cancelledAt: Date | null;
  endedAt: Date | null;
  /** The policy version in force when the lapse opened; null when it is not known. */
  policy: Pick<
    Policy,
    'version' | 'lapseAfterSeconds' | 'graceSeconds' | 'cancelAfterWorkingDays' | 'preset' | 'cancelUnit'
  > | null;
  timeZone?: string;
}

function inferTrigger(f: CancellationFacts): LapseTrigger {
  if (f.trigger) return f.trigger;
  if (f.kind === 'location_disabled') return 'device';
  return f.kind === 'mock_location' || f.kind === 'left_region' ? 'fix' : 'silence';
}

function inferRule(f: CancellationFacts): CancelRule {
  if (f.rule) return f.rule;
  if (f.policy?.cancelUnit === 'working_days') return 'working_days_elapsed';
  return f.policy && f.policy.graceSeconds > 0 ? 'grace_elapsed' : 'immediate';
}

function describeTrigger(f: CancellationFacts, lang: Lang, at: (d: Date) => string): string {
  const ru = lang === 'ru';
  const trigger = inferTrigger(f);
  const wait = formatDuration(lang, f.policy?.lapseAfterSeconds ?? 900);
  if (trigger === 'device') {
    const what =
      f.kind === 'location_disabled'
        ? ru
          ? 'что геолокацию отключили'
          : 'that location was switched off'
        : ru
          ? 'о выключении'
          : 'that it was being switched off';
    return ru
      ? `в ${at(f.startedAt)} телефон сам сообщил, ${what}; такое нарушение фиксируется сразу, без ожидания ${wait}`
      : `at ${at(f.startedAt)} the phone itself reported ${what}; such a lapse is recorded at once, without waiting ${wait}`;
  }
  if (trigger === 'fix') {
    return ru
      ? `в ${at(f.startedAt)} телефон прислал отметку с признаком подмены координат`
      : `at ${at(f.startedAt)} the phone sent a fix flagged as a faked location`;
  }
  const from = f.lastFixTime ?? f.startedAt;
  return ru
    ? `после последней отметки в ${at(from)} геоданных не было ${wait}`
    : `no location data arrived for ${wait} after the last fix at ${at(from)}`;
}

function describeRule(f: CancellationFacts, lang: Lang, at: (d: Date) => string): string {
  const ru = lang === 'ru';
  const rule = inferRule(f);
  if (rule === 'immediate') {
    return ru
      ? 'льготного срока нет, поэтому первое же нарушение аннулирует регистрацию сразу'
      : 'there is no grace period, so the first lapse cancels the registration at once';
  }
  if (rule === 'grace_elapsed') {
    const grace = formatDuration(lang, f.policy?.graceSeconds ?? 0);
    return ru
      ? `отметки не возобновились в течение льготного срока ${grace}`
      : `fixes did not come back within the grace period of ${grace}`;
  }
  const n = f.policy?.cancelAfterWorkingDays ?? 3;
  const when = f.cancelledAt ? at(f.cancelledAt) : null;
  return ru
    ? `геоданных не было больше ${formatWorkingDaysGenitive(n)} с последней отметки (выходные и праздники не считаются)${when ? `; срок истёк в ${when}` : ''}`
    : `no location data arrived for more than ${n} working day${n === 1 ? '' : 's'} after the last fix (weekends and public holidays do not count)${when ? `; the deadline passed at ${when}` : ''}`;
}

export function explainCancellation(f: CancellationFacts, lang: Lang): string {
  const tz = f.timeZone ?? 'Europe/Moscow';
  const ref = f.startedAt;
  const at = (d: Date) => formatClock(d, ref, tz);
  const ru = lang === 'ru';
  const version = f.policy
    ? ru
      ? `по версии политики ${f.policy.version} (${formatPresetName(lang, f.policy.preset ?? 'strict')})`
      : `under policy version ${f.policy.version} (${formatPresetName(lang, f.policy.preset ?? 'strict')})`
    : ru
      ? 'по действовавшей тогда политике'
      : 'under the policy then in force';
  const head = ru ? `Регистрация аннулирована ${version}: ` : `Cancelled ${version}: `;
  // Under a working-day rule a silence is judged from the last fix alone, so the 15-minute wait
  // that recorded the lapse is not part of the reason.
  const lastFix = f.lastFixTime ?? f.startedAt;
  const trigger =
    inferRule(f) === 'working_days_elapsed' && inferTrigger(f) === 'silence'
      ? ru
        ? `последняя отметка пришла в ${at(lastFix)}`
        : `the last fix arrived at ${at(lastFix)}`
      : describeTrigger(f, lang, at);
  const body = `${trigger}; ${describeRule(f, lang, at)}.`;
  let tail = '';
  if (f.endedAt && (!f.cancelledAt || f.endedAt >= f.cancelledAt)) {
    tail = ru
      ? ` Геоданные снова пошли в ${at(f.endedAt)}, уже после аннулирования: оно остаётся в силе, пока его не рассмотрит сотрудник.`
      : ` Location data came back at ${at(f.endedAt)}, after the cancellation: it stands until an officer reviews it.`;
  } else if (!f.endedAt) {
    tail = ru ? ' С тех пор геоданных нет.' : ' No location data has arrived since.';
  }
  return head + body + tail;
}
