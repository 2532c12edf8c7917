// Tajik, in Cyrillic script (the official alphabet of Tajikistan).
import type { LapseKind, ReviewDecision } from '../types';
import { type CancelRule, type NoticeFacts, type NotifyPack, formatMoscow, minutes } from './types';

const WHAT: Record<LapseKind, string> = {
  signal_lost: 'аз телефон маълумот дар бораи ҷойгиршавӣ намеояд',
  location_disabled: 'дар телефон геолокатсия хомӯш аст',
  device_off: 'телефон хомӯш буд',
  mock_location: 'телефон ҷойгиршавии қалбакӣ мефиристад',
  left_region: 'телефон берун аз Маскав ва вилояти Маскав аст',
};

const DO: Record<LapseKind, string> = {
  signal_lost: 'Барномаро кушоед, геолокатсия ва интернети мобилиро фаъол кунед.',
  location_disabled: 'Геолокатсияро фаъол кунед ва барномаро кушоед.',
  device_off: 'Телефонро фаъол кунед, заряд кунед ва барномаро кушоед.',
  mock_location: 'Барномаҳои ивазкунандаи ҷойгиршавиро хомӯш кунед ва барномаро кушоед.',
  left_region: 'Ба минтақа баргардед ё дар барнома дар бораи иваз шудани суроға хабар диҳед.',
};

const DECISION: Record<ReviewDecision, string> = {
  technical: 'ҳамчун носозии техникӣ эътироф шуд',
  excused: 'ҳамчун узрнок эътироф шуд',
  violation: 'ҳамчун вайронкунӣ эътироф шуд',
};

function rule(f: NoticeFacts): string {
  const r: CancelRule | 'unknown' = f.rule ?? 'unknown';
  const v = f.policyVersion ? ` (қоидаҳо, версияи ${f.policyVersion})` : '';
  if (r === 'working_days_elapsed')
    return `Пас аз охирин қайд зиёда аз ${f.workingDays ?? 3} рӯзи корӣ маълумот дар бораи ҷойгиршавӣ наомад${v}.`;
  if (r === 'grace_elapsed')
    return `Дар давоми ${minutes(f.graceSeconds)} дақиқа пас аз қатъшавӣ маълумот барқарор нашуд${v}.`;
  if (r === 'immediate') {
    return f.trigger === 'device'
      ? `Телефон дар бораи хомӯш шудани геолокатсия хабар дод; тибқи қоидаҳо ин бақайдгириро фавран бекор мекунад${v}.`
      : `${minutes(f.lapseAfterSeconds)} дақиқа маълумот наомад; тибқи қоидаҳо аввалин чунин қатъшавӣ бақайдгириро фавран бекор мекунад${v}.`;
  }
  return `Қатъшавӣ дар интиқоли маълумот${v}.`;
}

const what = (f: NoticeFacts) => (f.lapseKind ? WHAT[f.lapseKind] : WHAT.signal_lost);
const todo = (f: NoticeFacts) => (f.lapseKind ? DO[f.lapseKind] : DO.signal_lost);

export const TG: NotifyPack = {
  lapse_opened: (f) => ({
    title: 'Маълумот дар бораи ҷойгиршавӣ намеояд',
    body: `Аз ${formatMoscow(f.startedAt)} ${what(f)}. ${todo(f)}${f.deadline ? ` Агар маълумот то ${formatMoscow(f.deadline)} барқарор нашавад, бақайдгирӣ бекор карда мешавад.` : ''}`,
  }),
  reminder: (f) => ({
    title: 'Ёдрас: суроғаи худро тасдиқ кунед',
    body: `Маълумот дар бораи ҷойгиршавӣ аз ${formatMoscow(f.lastFixAt)} намеояд. Барномаро кушоед, суроғаи худро тасдиқ кунед ё дар бораи иваз шудани он хабар диҳед — ба идора рафтан лозим нест.${f.deadline ? ` Дар акси ҳол бақайдгирӣ ${formatMoscow(f.deadline)} бекор карда мешавад.` : ''}`,
  }),
  cancelled: (f) => ({
    title: 'Бақайдгирӣ бекор карда шуд',
    body: `${rule(f)} Барои аз нав ба қайд гирифтан, суроғаро дар барнома нишон диҳед. Агар ин носозии техникӣ бошад, ба нозир хабар диҳед.`,
  }),
  reinstated: (f) => ({
    title: 'Бақайдгирӣ барқарор карда шуд',
    body:
      f.by === 'late_data'
        ? 'Маълумоте, ки дертар омад, нишон дод, ки ҷойгиршавӣ интиқол дода мешуд. Бақайдгирӣ боз эътибор дорад.'
        : `Қатъшавӣ ${f.decision ? DECISION[f.decision] : 'санҷида шуд'}; бақайдгирӣ боз эътибор дорад. Барномаро кушода ва геолокатсияро фаъол нигоҳ доред.`,
  }),
  review_outcome: (f) => ({
    title: 'Қатъшавӣ санҷида шуд',
    body: `Қатъшавӣ аз ${formatMoscow(f.startedAt)} ${f.decision ? DECISION[f.decision] : 'санҷида шуд'}.${f.decision === 'violation' ? ' Бақайдгирӣ барқарор карда намешавад.' : ''}`,
  }),
  address_changed: (f) => ({
    title: 'Суроғаи нав қабул шуд',
    body: `Суроға иваз карда шуд, бақайдгирӣ эътибор дорад.${f.late ? ` Иваз пас аз мӯҳлат (${formatMoscow(f.deadline)}) хабар дода шуд; ин қайд карда шуд.` : ''}`,
  }),
};
