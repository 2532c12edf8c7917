// Every kind in every language renders real words from the facts, with no missing key and nothing
// left unfilled; each language writes in its own script.
import { describe, expect, it } from 'vitest';
import { LAPSE_KINDS, REVIEW_DECISIONS } from '../types';
import { NOTIFY_PACKS, renderForWorker, renderNotice } from './render';
import { NOTIFY_KINDS, NOTIFY_LANGS, type NoticeFacts, chooseNotifyLang, formatMoscow } from './types';

const FULL: NoticeFacts = {
  lapseKind: 'location_disabled',
  startedAt: '2025-06-11T07:00:00Z',
  deadline: '2025-06-18T21:00:00Z',
  lastFixAt: '2025-06-11T07:00:00Z',
  rule: 'working_days_elapsed',
  policyVersion: 7,
  lapseAfterSeconds: 900,
  graceSeconds: 600,
  workingDays: 3,
  decision: 'technical',
  by: 'review',
  late: true,
};

const SCRIPT: Record<string, RegExp> = {
  ru: /[а-яё]/i,
  tg: /[ҷҳӣӯқғ]/i,
  ky: /[өүң]/i,
  uz: /^[\x20-\x7e\u2014\u2018\u2019o'ʻ]+$/,
  en: /^[\x20-\x7e\u2014]+$/,
};

describe('notification texts', () => {
  for (const lang of NOTIFY_LANGS) {
    it(`has every kind in ${lang}`, () => {
      expect(Object.keys(NOTIFY_PACKS[lang]).sort()).toEqual([...NOTIFY_KINDS].sort());
    });
    for (const kind of NOTIFY_KINDS) {
      it(`${lang}/${kind}: words from the facts, none missing, in the language's script`, () => {
        for (const facts of [FULL, {}]) {
          const { title, body } = renderNotice(kind, facts, lang);
          expect(title.length).toBeGreaterThan(5);
          expect(body.length).toBeGreaterThan(20);
          expect(`${title} ${body}`).not.toMatch(/undefined|null|NaN|\$\{|\[object/);
          expect(`${title} ${body}`).toMatch(SCRIPT[lang]!);
        }
      });
    }
  }

  it('writes times in Moscow time and the rule numbers of the policy version', () => {
    const ru = renderNotice('cancelled', FULL, 'ru').body;
    expect(ru).toContain('больше 3 рабочих дней');
    expect(ru).toContain('версия 7');
    expect(renderNotice('lapse_opened', FULL, 'ru').body).toContain('11.06.2025 10:00');
    expect(renderNotice('lapse_opened', FULL, 'uz').body).toContain('19.06.2025 00:00');
    expect(formatMoscow('2025-06-18T21:00:00Z')).toBe('19.06.2025 00:00');
  });

  it('names every lapse kind, cancel rule and decision differently', () => {
    for (const lang of NOTIFY_LANGS) {
      const opened = LAPSE_KINDS.map((k) => renderNotice('lapse_opened', { lapseKind: k }, lang).body);
      expect(new Set(opened).size).toBe(LAPSE_KINDS.length);
      const rules = (['immediate', 'grace_elapsed', 'working_days_elapsed'] as const).map(
        (rule) => renderNotice('cancelled', { rule }, lang).body,
      );
      expect(new Set(rules).size).toBe(3);
      const device = renderNotice('cancelled', { rule: 'immediate', trigger: 'device' }, lang).body;
      expect(rules).not.toContain(device);
      const outcomes = REVIEW_DECISIONS.map(
        (d) => renderNotice('review_outcome', { decision: d }, lang).body,
      );
      expect(new Set(outcomes).size).toBe(REVIEW_DECISIONS.length);
    }
  });

  it('chooses the language by stored preference, then citizenship', () => {
    expect(chooseNotifyLang('UZ')).toBe('uz');
    expect(chooseNotifyLang('TJ')).toBe('tg');
    expect(chooseNotifyLang('KG')).toBe('ky');
    expect(chooseNotifyLang('AM')).toBe('ru');
    expect(chooseNotifyLang('AM', 'uz')).toBe('uz');
    expect(chooseNotifyLang('UZ', 'xx')).toBe('uz');
  });

  it('always sends Russian, plus the worker language when different', () => {
    expect(renderForWorker('reminder', FULL, 'ru').map((t) => t.lang)).toEqual(['ru']);
    expect(renderForWorker('reminder', FULL, 'tg').map((t) => t.lang)).toEqual(['ru', 'tg']);
  });
});
