// Uzbek, in Latin script (the official alphabet of Uzbekistan).
import type { LapseKind, ReviewDecision } from '../types';
import { type CancelRule, type NoticeFacts, type NotifyPack, formatMoscow, minutes } from './types';

const WHAT: Record<LapseKind, string> = {
  signal_lost: "telefondan joylashuv ma'lumotlari kelmay qoldi",
  location_disabled: "telefonda geolokatsiya o'chirilgan",
  device_off: "telefon o'chirilgan edi",
  mock_location: 'telefon soxta joylashuvni yubormoqda',
  left_region: 'telefon Moskva va Moskva viloyatidan tashqarida',
};

const DO: Record<LapseKind, string> = {
  signal_lost: 'Ilovani oching, geolokatsiya va mobil internetni yoqing.',
  location_disabled: 'Geolokatsiyani yoqing va ilovani oching.',
  device_off: 'Telefonni yoqing, quvvatlang va ilovani oching.',
  mock_location: "Joylashuvni soxtalashtiruvchi dasturlarni o'chiring va ilovani oching.",
  left_region: "Mintaqaga qayting yoki ilovada manzil o'zgarganini xabar qiling.",
};

const DECISION: Record<ReviewDecision, string> = {
  technical: 'texnik nosozlik deb topildi',
  excused: 'uzrli deb topildi',
  violation: 'qoidabuzarlik deb topildi',
};

function rule(f: NoticeFacts): string {
  const r: CancelRule | 'unknown' = f.rule ?? 'unknown';
  const v = f.policyVersion ? ` (qoidalar, ${f.policyVersion}-versiya)` : '';
  if (r === 'working_days_elapsed')
    return `Oxirgi belgidan keyin ${f.workingDays ?? 3} ish kunidan ortiq joylashuv ma'lumotlari kelmadi${v}.`;
  if (r === 'grace_elapsed')
    return `Uzilishdan keyin ${minutes(f.graceSeconds)} daqiqa ichida ma'lumotlar tiklanmadi${v}.`;
  if (r === 'immediate') {
    return f.trigger === 'device'
      ? `Telefon geolokatsiya o'chirilganini xabar qildi; qoidaga ko'ra bu ro'yxatdan o'tishni darhol bekor qiladi${v}.`
      : `${minutes(f.lapseAfterSeconds)} daqiqa davomida ma'lumot kelmadi; qoidaga ko'ra birinchi shunday uzilish ro'yxatdan o'tishni darhol bekor qiladi${v}.`;
  }
  return `Ma'lumot uzatishda uzilish${v}.`;
}

const what = (f: NoticeFacts) => (f.lapseKind ? WHAT[f.lapseKind] : WHAT.signal_lost);
const todo = (f: NoticeFacts) => (f.lapseKind ? DO[f.lapseKind] : DO.signal_lost);

export const UZ: NotifyPack = {
  lapse_opened: (f) => ({
    title: "Joylashuv ma'lumotlari kelmayapti",
    body: `${formatMoscow(f.startedAt)} dan boshlab ${what(f)}. ${todo(f)}${f.deadline ? ` Agar ma'lumotlar ${formatMoscow(f.deadline)} gacha tiklanmasa, ro'yxatdan o'tish bekor qilinadi.` : ''}`,
  }),
  reminder: (f) => ({
    title: 'Eslatma: manzilingizni tasdiqlang',
    body: `Joylashuv ma'lumotlari ${formatMoscow(f.lastFixAt)} dan beri kelmayapti. Ilovani oching, manzilingizni tasdiqlang yoki o'zgarganini xabar qiling — bo'limga borish shart emas.${f.deadline ? ` Aks holda ro'yxatdan o'tish ${formatMoscow(f.deadline)} da bekor qilinadi.` : ''}`,
  }),
  cancelled: (f) => ({
    title: "Ro'yxatdan o'tish bekor qilindi",
    body: `${rule(f)} Qayta ro'yxatdan o'tish uchun ilovada manzilingizni ko'rsating. Agar bu texnik nosozlik bo'lsa, inspektorga xabar bering.`,
  }),
  reinstated: (f) => ({
    title: "Ro'yxatdan o'tish tiklandi",
    body:
      f.by === 'late_data'
        ? "Kechikib kelgan ma'lumotlar joylashuv uzatilganini ko'rsatdi. Ro'yxatdan o'tish yana amal qiladi."
        : `Uzilish ${f.decision ? DECISION[f.decision] : 'tekshirildi'}; ro'yxatdan o'tish yana amal qiladi. Ilovani ochiq va geolokatsiyani yoqilgan holda saqlang.`,
  }),
  review_outcome: (f) => ({
    title: 'Uzilish tekshirildi',
    body: `${formatMoscow(f.startedAt)} dagi uzilish ${f.decision ? DECISION[f.decision] : 'tekshirildi'}.${f.decision === 'violation' ? " Ro'yxatdan o'tish tiklanmaydi." : ''}`,
  }),
  address_changed: (f) => ({
    title: 'Yangi manzil qabul qilindi',
    body: `Manzil o'zgartirildi, ro'yxatdan o'tish amal qilishda davom etadi.${f.late ? ` O'zgarish muddatdan (${formatMoscow(f.deadline)}) kech bildirildi; bu qayd etildi.` : ''}`,
  }),
};
