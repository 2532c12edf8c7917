// Officers' reviews of older lapses in the seeded history: who reviewed, when, what they decided
// and the note they wrote. Decisions follow the likely cause the way a careful officer would.
import type { LikelyCause, ReviewDecision } from '@/lib/domain/types';
import type { LapseRow } from './history';
import { createRng, type Rng } from './rng';

export interface Reviewer {
  username: string;
  role: string;
  okrugs: string[];
}

type Mix = [ReviewDecision, number][];

const DECISIONS: Record<LikelyCause, Mix> = {
  battery_depleted: [
    ['technical', 0.85],
    ['excused', 0.15],
  ],
  underground: [
    ['technical', 0.9],
    ['excused', 0.1],
  ],
  signal_lost: [
    ['technical', 0.7],
    ['excused', 0.2],
    ['violation', 0.1],
  ],
  device_shutdown: [
    ['excused', 0.45],
    ['violation', 0.35],
    ['technical', 0.2],
  ],
  location_disabled: [
    ['violation', 0.45],
    ['excused', 0.35],
    ['technical', 0.2],
  ],
  mock_location: [
    ['violation', 0.95],
    ['technical', 0.05],
  ],
  left_region: [
    ['excused', 0.7],
    ['technical', 0.2],
    ['violation', 0.1],
  ],
  unknown: [
    ['technical', 0.5],
    ['excused', 0.3],
    ['violation', 0.2],
  ],
};

// Technical findings name the evidence for the likely cause; other decisions read the same for any.
const TECHNICAL_NOTES: Partial<Record<LikelyCause, string[]>> = {
  battery_depleted: [
    'Телефон разрядился, заряд в последней точке ниже порога. Техническая причина.',
    'Разряд батареи вечером, после зарядки трекинг восстановился. Нарушения нет.',
  ],
  underground: [
    'Последняя точка у станции метро, батарея в норме: сигнал пропал под землёй. Нарушения нет.',
    'Поездка в метро, точки до и после на маршруте работника. Техническая причина.',
  ],
  signal_lost: [
    'Потеря сигнала на объекте (подвал, перекрытия). Подтверждено работодателем по телефону.',
    'Разрыв короткий, до и после точки у дома. Признаков уклонения нет.',
  ],
  device_shutdown: ['Телефон перезагрузился после обновления системы, трекинг восстановился сам.'],
  location_disabled: ['Геолокацию отключило приложение энергосбережения. Настройки исправлены.'],
};
const NOTES: Record<ReviewDecision, string[]> = {
  technical: ['Сбой приложения после обновления, трекинг восстановился сам. Техническая причина.'],
  excused: [
    'Работник объяснил: телефон выключил в больнице по просьбе персонала. Справка предъявлена.',
    'Выезд к родственникам согласован, после возвращения адрес задекларирован заново.',
    'Геолокацию отключил по незнанию, после разъяснения включена. Впервые, без последствий.',
    'Телефон отдавал в ремонт, квитанция сервиса предъявлена. Уважительная причина.',
    'Разряд ночью, зарядное устройство сломано. Работник купил новое, нарушение не вменяется.',
  ],
  violation: [
    'Геолокация отключена намеренно в рабочее время, объяснений не дал. Нарушение.',
    'Повторное выключение телефона без объяснения причин. Нарушение правил.',
    'На вызов не явился, объяснений по разрыву не представил. Зафиксировано нарушение.',
  ],
};
const MOCK_VIOLATION = 'Подмена координат (mock location) подтверждена. Передано для принятия мер.';

function pickNote(rng: Rng, cause: LikelyCause, decision: ReviewDecision): string {
  if (decision === 'violation' && cause === 'mock_location') return MOCK_VIOLATION;
  if (decision === 'technical') return rng.pick(TECHNICAL_NOTES[cause] ?? NOTES.technical);
  return rng.pick(NOTES[decision]);
}

function pickMix(rng: Rng, mix: Mix): ReviewDecision {
  let r = rng.next();
  for (const [decision, p] of mix) {
    r -= p;
    if (r < 0) return decision;
  }
  return mix[0]?.[0] ?? 'technical';
}

/** A review for a lapse detected well before `now`, or null when it is still waiting for one. */
export function reviewLapse(
  seed: number,
  lapse: LapseRow,
  now: number,
  reviewers: Reviewer[],
): LapseRow['review'] {
  if (lapse.voidedAt !== null || reviewers.length === 0) return null;
  const age = now - lapse.detectedAt;
  const rng = createRng(seed, 'review', lapse.id);
  const share = age > 48 * 3_600_000 ? 0.35 : age > 6 * 3_600_000 ? 0.15 : 0;
  if (!rng.chance(share)) return null;
  const local = reviewers.filter(
    (r) => r.role === 'officer' && lapse.okrug && r.okrugs.includes(lapse.okrug),
  );
  const seniors = reviewers.filter((r) => r.role === 'supervisor');
  const pool = local.length ? local : seniors;
  if (!pool.length) return null;
  const decision = pickMix(rng, DECISIONS[lapse.likelyCause]);
  const at = Math.min(now - 10 * 60_000, lapse.detectedAt + rng.range(1, 40) * 3_600_000);
  return { decision, note: pickNote(rng, lapse.likelyCause, decision), by: rng.pick(pool).username, at };
}
