import { describe, expect, it } from 'vitest';
import { type LapseEvidence, explainLapse } from './likely-cause';
import type { LikelyCause } from './types';

// 18:42 Moscow time (UTC+3) on 24 Nov 2026.
const FIX_AT = new Date('2026-11-24T15:42:00Z');
const min = (m: number) => new Date(FIX_AT.getTime() + m * 60_000);
const fix = (over: Partial<NonNullable<LapseEvidence['lastFix']>> = {}) => ({
  time: FIX_AT,
  lat: 55.7443,
  lon: 37.5654,
  accuracy: 12,
  battery: 64,
  charging: false,
  ...over,
});
const base: LapseEvidence = {
  kind: 'signal_lost',
  startedAt: FIX_AT,
  lastFix: fix(),
  events: [],
  nearestStation: null,
  lowBatteryPercent: 5,
};
const kiyevskaya = { nameRu: 'Киевская', nameEn: 'Kiyevskaya', distanceM: 40.2 };

interface Case {
  name: string;
  input: Partial<LapseEvidence>;
  cause: LikelyCause;
  ru: string;
  en: string;
}

const cases: Case[] = [
  {
    name: 'location_disabled event after the last fix',
    input: { events: [{ type: 'location_disabled', time: min(3) }] },
    cause: 'location_disabled',
    ru: 'В 18:45 на телефоне отключили геолокацию, после этого отметки не поступали.',
    en: 'Location services were switched off on the phone at 18:45; no fixes arrived after that.',
  },
  {
    name: 'location_disabled wins over a nearby station and low battery',
    input: {
      kind: 'location_disabled',
      startedAt: min(1),
      lastFix: fix({ battery: 2 }),
      nearestStation: kiyevskaya,
      events: [{ type: 'location_disabled', time: min(1) }],
    },
    cause: 'location_disabled',
    ru: 'В 18:43 на телефоне отключили геолокацию, после этого отметки не поступали.',
    en: 'Location services were switched off on the phone at 18:43; no fixes arrived after that.',
  },
  {
    name: 'location switched off and back on before the last fix is not the cause',
    input: {
      events: [
        { type: 'location_disabled', time: min(-20) },
        { type: 'location_enabled', time: min(-10) },
      ],
    },
    cause: 'signal_lost',
    ru: 'Последняя отметка в 18:42, затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.',
    en: 'Last fix at 18:42, then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.',
  },
  {
    name: 'location_disabled long before the window is ignored',
    input: { events: [{ type: 'location_disabled', time: min(-45) }] },
    cause: 'signal_lost',
    ru: 'Последняя отметка в 18:42, затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.',
    en: 'Last fix at 18:42, then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.',
  },
  {
    name: 'shutdown event with a healthy battery',
    input: { kind: 'device_off', startedAt: min(5), events: [{ type: 'shutdown', time: min(5) }] },
    cause: 'device_shutdown',
    ru: 'В 18:47 телефон выключили, после этого отметки не поступали.',
    en: 'The phone was switched off at 18:47; no fixes arrived after that.',
  },
  {
    name: 'shutdown event with battery at the threshold, not charging',
    input: {
      kind: 'device_off',
      startedAt: min(5),
      lastFix: fix({ battery: 5 }),
      events: [{ type: 'shutdown', time: min(5) }],
    },
    cause: 'battery_depleted',
    ru: 'Заряд батареи 5 % при последней отметке в 18:42, в 18:47 телефон выключился: вероятно, разрядился.',
    en: 'Battery was 5 % at the last fix at 18:42 and the phone shut down at 18:47: the battery probably ran out.',
  },
  {
    name: 'shutdown with low battery while charging is a plain shutdown',
    input: {
      kind: 'device_off',
      startedAt: min(5),
      lastFix: fix({ battery: 3, charging: true }),
      events: [{ type: 'shutdown', time: min(5) }],
    },
    cause: 'device_shutdown',
    ru: 'В 18:47 телефон выключили, после этого отметки не поступали.',
    en: 'The phone was switched off at 18:47; no fixes arrived after that.',
  },
  {
    name: 'silence after a last fix at 3 % battery',
    input: { kind: 'device_off', lastFix: fix({ battery: 3 }), nearestStation: kiyevskaya },
    cause: 'battery_depleted',
    ru: 'Заряд батареи 3 % при последней отметке в 18:42, затем сигнал пропал: вероятно, телефон разрядился.',
    en: 'Battery was 3 % at the last fix at 18:42, then silence: the battery probably ran out.',
  },
  {
    name: 'battery just over the threshold is not depleted',
    input: { lastFix: fix({ battery: 6 }) },
    cause: 'signal_lost',
    ru: 'Последняя отметка в 18:42, затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.',
    en: 'Last fix at 18:42, then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.',
  },
  {
    name: 'last fix 40 m from a station',
    input: { nearestStation: kiyevskaya },
    cause: 'underground',
    ru: 'Последняя отметка в 40 м от станции «Киевская»: вероятно, под землёй.',
    en: 'Last fix 40 m from Kiyevskaya station: probably underground.',
  },
  {
    name: 'station farther than 150 m does not count',
    input: { nearestStation: { ...kiyevskaya, distanceM: 151 } },
    cause: 'signal_lost',
    ru: 'Последняя отметка в 18:42, затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.',
    en: 'Last fix at 18:42, then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.',
  },
  {
    name: 'low_battery event, then silence',
    input: { events: [{ type: 'low_battery', time: min(-8) }], lastFix: fix({ battery: 9 }) },
    cause: 'battery_depleted',
    ru: 'В 18:34 телефон сообщил о низком заряде батареи, затем сигнал пропал: вероятно, телефон разрядился.',
    en: 'The phone reported a low battery at 18:34, then silence: the battery probably ran out.',
  },
  {
    name: 'low_battery event while the last fix was charging',
    input: { events: [{ type: 'low_battery', time: min(-8) }], lastFix: fix({ battery: 9, charging: true }) },
    cause: 'signal_lost',
    ru: 'Последняя отметка в 18:42, затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.',
    en: 'Last fix at 18:42, then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.',
  },
  {
    name: 'airplane mode switched on',
    input: { events: [{ type: 'airplane_on', time: min(2) }], nearestStation: kiyevskaya },
    cause: 'signal_lost',
    ru: 'В 18:44 на телефоне включили режим полёта, поэтому отметки перестали поступать.',
    en: 'Airplane mode was switched on at 18:44, so fixes stopped arriving.',
  },
  {
    name: 'airplane mode on and off before the last fix is not the cause',
    input: {
      events: [
        { type: 'airplane_on', time: min(-15) },
        { type: 'airplane_off', time: min(-5) },
      ],
      nearestStation: kiyevskaya,
    },
    cause: 'underground',
    ru: 'Последняя отметка в 40 м от станции «Киевская»: вероятно, под землёй.',
    en: 'Last fix 40 m from Kiyevskaya station: probably underground.',
  },
  {
    name: 'mock location',
    input: { kind: 'mock_location', events: [{ type: 'location_disabled', time: min(1) }] },
    cause: 'mock_location',
    ru: 'В 18:42 телефон передал отметку с признаком подмены местоположения: координаты, вероятно, поддельные.',
    en: 'At 18:42 the phone sent a fix flagged as mocked: the location was probably faked.',
  },
  {
    name: 'left the region, with region name',
    input: {
      kind: 'left_region',
      lastFix: fix({ lat: 54.1931, lon: 37.6173, accuracy: 25 }),
      regionName: { ru: 'Москва и Московская область', en: 'Moscow and Moscow Oblast' },
    },
    cause: 'left_region',
    ru: 'Отметка в 18:42 за пределами региона (Москва и Московская область), точность 25 м: вероятно, работник выехал из региона.',
    en: 'The fix at 18:42 was outside the region (Moscow and Moscow Oblast), accuracy 25 m: the worker probably left the region.',
  },
  {
    name: 'location_disabled kind without a matching event',
    input: { kind: 'location_disabled', startedAt: min(2), lastFix: null },
    cause: 'location_disabled',
    ru: 'Телефон сообщил, что геолокация отключена; с 18:44 отметок нет.',
    en: 'The phone reported that location services are off; no fix has arrived since 18:44.',
  },
  {
    name: 'device_off kind without evidence',
    input: { kind: 'device_off' },
    cause: 'device_shutdown',
    ru: 'Телефон, по-видимому, выключен: после последней отметки в 18:42 новых отметок нет.',
    en: 'The phone appears to be switched off: no fix has arrived since the last one at 18:42.',
  },
  {
    name: 'no fix and no event at all',
    input: { lastFix: null, nearestStation: kiyevskaya },
    cause: 'unknown',
    ru: 'От телефона не было ни одной отметки и ни одного события: причину установить нельзя.',
    en: 'The phone sent no fix and no event, so the cause cannot be determined.',
  },
  {
    name: 'last fix on the previous day shows the date',
    input: { startedAt: new Date('2026-11-24T21:30:00Z') },
    cause: 'signal_lost',
    ru: 'Последняя отметка в 18:42 (24.11), затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.',
    en: 'Last fix at 18:42 (24.11), then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.',
  },
];

describe('explainLapse', () => {
  it.each(cases)('$name -> $cause', ({ input, cause, ru, en }) => {
    expect(explainLapse({ ...base, ...input })).toEqual({ cause, explanationRu: ru, explanationEn: en });
  });

  it('ignores the order in which events arrive', () => {
    const events = [
      { type: 'location_enabled' as const, time: min(-10) },
      { type: 'location_disabled' as const, time: min(-20) },
    ];
    expect(explainLapse({ ...base, events }).cause).toBe('signal_lost');
  });

  it('is deterministic', () => {
    const input = { ...base, nearestStation: kiyevskaya };
    expect(explainLapse(input)).toEqual(explainLapse(input));
  });
});
