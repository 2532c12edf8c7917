// Kyrgyz, in Cyrillic script (the official alphabet of Kyrgyzstan).
import type { LapseKind, ReviewDecision } from '../types';
import { type CancelRule, type NoticeFacts, type NotifyPack, formatMoscow, minutes } from './types';

const WHAT: Record<LapseKind, string> = {
  signal_lost: 'телефондон жайгашкан жер тууралуу маалымат келбей калды',
  location_disabled: 'телефондо геолокация өчүрүлгөн',
  device_off: 'телефон өчүк болгон',
  mock_location: 'телефон жасалма жайгашкан жерди жөнөтүүдө',
  left_region: 'телефон Москва жана Москва облусунан тышкары жерде',
};

const DO: Record<LapseKind, string> = {
  signal_lost: 'Тиркемени ачып, геолокацияны жана мобилдик интернетти күйгүзүңүз.',
  location_disabled: 'Геолокацияны күйгүзүп, тиркемени ачыңыз.',
  device_off: 'Телефонду күйгүзүп, кубаттап, тиркемени ачыңыз.',
  mock_location: 'Жайгашкан жерди алмаштыруучу программаларды өчүрүп, тиркемени ачыңыз.',
  left_region: 'Аймакка кайтыңыз же тиркемеде дарегиңиз өзгөргөнүн билдириңиз.',
};

const DECISION: Record<ReviewDecision, string> = {
  technical: 'техникалык бузулуу деп табылды',
  excused: 'жүйөлүү деп табылды',
  violation: 'эреже бузуу деп табылды',
};

function rule(f: NoticeFacts): string {
  const r: CancelRule | 'unknown' = f.rule ?? 'unknown';
  const v = f.policyVersion ? ` (эрежелер, ${f.policyVersion}-версия)` : '';
  if (r === 'working_days_elapsed')
    return `Акыркы белгиден кийин ${f.workingDays ?? 3} жумуш күнүнөн ашык жайгашкан жер тууралуу маалымат келген жок${v}.`;
  if (r === 'grace_elapsed')
    return `Үзгүлтүктөн кийин ${minutes(f.graceSeconds)} мүнөттүн ичинде маалымат калыбына келген жок${v}.`;
  if (r === 'immediate') {
    return f.trigger === 'device'
      ? `Телефон геолокация өчүрүлгөнүн билдирди; эреже боюнча бул каттоону дароо жокко чыгарат${v}.`
      : `${minutes(f.lapseAfterSeconds)} мүнөт маалымат келген жок; эреже боюнча биринчи ушундай үзгүлтүк каттоону дароо жокко чыгарат${v}.`;
  }
  return `Маалымат берүүдө үзгүлтүк${v}.`;
}

const what = (f: NoticeFacts) => (f.lapseKind ? WHAT[f.lapseKind] : WHAT.signal_lost);
const todo = (f: NoticeFacts) => (f.lapseKind ? DO[f.lapseKind] : DO.signal_lost);

export const KY: NotifyPack = {
  lapse_opened: (f) => ({
    title: 'Жайгашкан жер тууралуу маалымат келбей жатат',
    body: `${formatMoscow(f.startedAt)} баштап ${what(f)}. ${todo(f)}${f.deadline ? ` Эгер маалымат ${formatMoscow(f.deadline)} чейин калыбына келбесе, каттоо жокко чыгарылат.` : ''}`,
  }),
  reminder: (f) => ({
    title: 'Эскертүү: дарегиңизди ырастаңыз',
    body: `Жайгашкан жер тууралуу маалымат ${formatMoscow(f.lastFixAt)} бери келбей жатат. Тиркемени ачып, дарегиңизди ырастаңыз же анын өзгөргөнүн билдириңиз — бөлүмгө баруунун кереги жок.${f.deadline ? ` Антпесе каттоо ${formatMoscow(f.deadline)} жокко чыгарылат.` : ''}`,
  }),
  cancelled: (f) => ({
    title: 'Каттоо жокко чыгарылды',
    body: `${rule(f)} Кайра каттоого туруу үчүн тиркемеде дарегиңизди көрсөтүңүз. Эгер бул техникалык бузулуу болсо, инспекторго билдириңиз.`,
  }),
  reinstated: (f) => ({
    title: 'Каттоо калыбына келтирилди',
    body:
      f.by === 'late_data'
        ? 'Кечигип келген маалымат жайгашкан жер берилип турганын көрсөттү. Каттоо кайра күчүндө.'
        : `Үзгүлтүк ${f.decision ? DECISION[f.decision] : 'текшерилди'}; каттоо кайра күчүндө. Тиркемени ачык жана геолокацияны күйүк кармаңыз.`,
  }),
  review_outcome: (f) => ({
    title: 'Үзгүлтүк текшерилди',
    body: `${formatMoscow(f.startedAt)} башталган үзгүлтүк ${f.decision ? DECISION[f.decision] : 'текшерилди'}.${f.decision === 'violation' ? ' Каттоо калыбына келтирилбейт.' : ''}`,
  }),
  address_changed: (f) => ({
    title: 'Жаңы дарек кабыл алынды',
    body: `Дарек өзгөртүлдү, каттоо күчүндө калат.${f.late ? ` Өзгөрүү мөөнөттөн (${formatMoscow(f.deadline)}) кеч билдирилди; бул белгиленди.` : ''}`,
  }),
};
