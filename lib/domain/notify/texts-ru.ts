// Russian: every message the worker can receive. Russian is always sent alongside the worker's language.
import type { LapseKind, ReviewDecision } from '../types';
import { type CancelRule, type NoticeFacts, type NotifyPack, formatMoscow, minutes } from './types';

const WHAT: Record<LapseKind, string> = {
  signal_lost: 'от телефона перестали приходить данные о местоположении',
  location_disabled: 'на телефоне отключена геолокация',
  device_off: 'телефон был выключен',
  mock_location: 'телефон передаёт поддельное местоположение',
  left_region: 'телефон находится за пределами Москвы и Московской области',
};

const DO: Record<LapseKind, string> = {
  signal_lost: 'Откройте приложение, включите геолокацию и мобильный интернет.',
  location_disabled: 'Включите геолокацию и откройте приложение.',
  device_off: 'Включите телефон, зарядите его и откройте приложение.',
  mock_location: 'Отключите программы подмены местоположения и откройте приложение.',
  left_region: 'Вернитесь в регион или сообщите о смене адреса в приложении.',
};

const DECISION: Record<ReviewDecision, string> = {
  technical: 'признан технической неполадкой',
  excused: 'признан уважительным',
  violation: 'признан нарушением',
};

function rule(f: NoticeFacts): string {
  const r: CancelRule | 'unknown' = f.rule ?? 'unknown';
  const v = f.policyVersion ? ` (правила, версия ${f.policyVersion})` : '';
  if (r === 'working_days_elapsed')
    return `Данные о местоположении не поступали больше ${f.workingDays ?? 3} рабочих дней после последней отметки${v}.`;
  if (r === 'grace_elapsed')
    return `Данные не возобновились в течение ${minutes(f.graceSeconds)} мин. после перерыва${v}.`;
  if (r === 'immediate') {
    return f.trigger === 'device'
      ? `Телефон сообщил об отключении геолокации; по правилам это сразу отменяет регистрацию${v}.`
      : `Данные не поступали ${minutes(f.lapseAfterSeconds)} мин.; по правилам первый такой перерыв сразу отменяет регистрацию${v}.`;
  }
  return `Перерыв в передаче данных${v}.`;
}

const what = (f: NoticeFacts) => (f.lapseKind ? WHAT[f.lapseKind] : WHAT.signal_lost);
const todo = (f: NoticeFacts) => (f.lapseKind ? DO[f.lapseKind] : DO.signal_lost);

export const RU: NotifyPack = {
  lapse_opened: (f) => ({
    title: 'Данные о местоположении не поступают',
    body: `С ${formatMoscow(f.startedAt)} ${what(f)}. ${todo(f)}${f.deadline ? ` Если данные не возобновятся до ${formatMoscow(f.deadline)}, регистрация будет отменена.` : ''}`,
  }),
  reminder: (f) => ({
    title: 'Напоминание: подтвердите адрес',
    body: `Данные о местоположении не поступают с ${formatMoscow(f.lastFixAt)}. Откройте приложение, подтвердите адрес или сообщите о его смене — приходить в отделение не нужно.${f.deadline ? ` Иначе регистрация будет отменена ${formatMoscow(f.deadline)}.` : ''}`,
  }),
  cancelled: (f) => ({
    title: 'Регистрация отменена',
    body: `${rule(f)} Чтобы снова встать на учёт, заявите адрес в приложении. Если это была техническая неполадка, сообщите инспектору.`,
  }),
  reinstated: (f) => ({
    title: 'Регистрация восстановлена',
    body:
      f.by === 'late_data'
        ? 'Поздно пришедшие данные показали, что местоположение передавалось. Регистрация снова действует.'
        : `Перерыв ${f.decision ? DECISION[f.decision] : 'проверен'}; регистрация снова действует. Держите приложение открытым и геолокацию включённой.`,
  }),
  review_outcome: (f) => ({
    title: 'Перерыв проверен',
    body: `Перерыв с ${formatMoscow(f.startedAt)} ${f.decision ? DECISION[f.decision] : 'проверен'}.${f.decision === 'violation' ? ' Регистрация не восстанавливается.' : ''}`,
  }),
  address_changed: (f) => ({
    title: 'Новый адрес принят',
    body: `Адрес изменён, регистрация продолжает действовать.${f.late ? ` Смена заявлена позже срока (${formatMoscow(f.deadline)}); это отмечено.` : ''}`,
  }),
};
