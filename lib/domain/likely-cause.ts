// Likely cause of a lapse and a plain explanation an officer can read to the worker. Pure and
// deterministic: the same evidence always gives the same words. Rules, first match wins:
//  1. kind mock_location                                   -> mock_location
//  2. kind left_region                                     -> left_region
//  3. location_disabled event near the start               -> location_disabled
//  4. shutdown event near the start                        -> device_shutdown, or battery_depleted
//     when the last fix had battery <= threshold and was not charging
//  5. airplane_on event near the start                     -> signal_lost (airplane mode)
//  6. last fix battery <= threshold, not charging          -> battery_depleted
//  7. last fix within 150 m of a station                   -> underground
//  8. low_battery event near the start, not charging       -> battery_depleted
//  9. kind location_disabled / device_off without evidence -> location_disabled / device_shutdown
// 10. a last fix exists                                    -> signal_lost (neutral)
// 11. nothing at all                                       -> unknown
// "Near the start": from 30 min before the last fix (or the start if there is none) to 15 min after
// the later of the two; a toggle undone before the last fix (e.g. location switched back on) is ignored.
import type { DeviceEventType, LapseKind, LikelyCause } from './types';
import { formatBattery, formatClock, formatMeters } from './format-evidence';

export interface LapseEvidence {
  kind: LapseKind;
  startedAt: Date;
  lastFix: {
    time: Date;
    lat: number;
    lon: number;
    accuracy: number;
    battery?: number | null;
    charging?: boolean | null;
  } | null;
  events: { type: DeviceEventType; time: Date }[];
  nearestStation: { nameRu: string; nameEn: string; distanceM: number } | null;
  lowBatteryPercent: number;
  regionName?: { ru: string; en: string } | string;
  /** IANA zone for clock times in the text; Europe/Moscow by default. */
  timeZone?: string;
  /** When fixes came back, if they did: the text then says so instead of "no fixes since". */
  endedAt?: Date | null;
}

export interface LapseExplanation {
  cause: LikelyCause;
  explanationRu: string;
  explanationEn: string;
}

export const UNDERGROUND_RADIUS_M = 150;
const LOOKBACK_MS = 30 * 60_000;
const LOOKAHEAD_MS = 15 * 60_000;
const UNDO: Partial<Record<DeviceEventType, DeviceEventType>> = {
  location_disabled: 'location_enabled',
  shutdown: 'boot',
  airplane_on: 'airplane_off',
};

/** First event of the type in the window that was not undone before the signal stopped. */
function findDecisiveEvent(input: LapseEvidence, type: DeviceEventType): Date | null {
  const anchor = (input.lastFix?.time ?? input.startedAt).getTime();
  const from = anchor - LOOKBACK_MS;
  const to = Math.max(anchor, input.startedAt.getTime()) + LOOKAHEAD_MS;
  const undo = UNDO[type];
  const sorted = [...input.events].sort((a, b) => a.time.getTime() - b.time.getTime());
  for (const [i, e] of sorted.entries()) {
    const t = e.time.getTime();
    if (e.type !== type || t < from || t > to) continue;
    const undone = sorted.slice(i + 1).some((u) => u.type === undo && u.time.getTime() <= anchor);
    if (!undone) return e.time;
  }
  return null;
}

function explain(cause: LikelyCause, explanationRu: string, explanationEn: string): LapseExplanation {
  return { cause, explanationRu, explanationEn };
}

export function explainLapse(input: LapseEvidence): LapseExplanation {
  const tz = input.timeZone ?? 'Europe/Moscow';
  const ref = input.startedAt;
  const at = (d: Date) => formatClock(d, ref, tz);
  const fix = input.lastFix;
  const fixAt = fix ? at(fix.time) : null;
  const lowBattery =
    fix && fix.battery != null && fix.battery <= input.lowBatteryPercent && fix.charging !== true
      ? formatBattery(fix.battery)
      : null;

  if (input.kind === 'mock_location') {
    return explain(
      'mock_location',
      `В ${at(ref)} телефон передал отметку с признаком подмены местоположения: координаты, вероятно, поддельные.`,
      `At ${at(ref)} the phone sent a fix flagged as mocked: the location was probably faked.`,
    );
  }
  if (input.kind === 'left_region') return explainLeftRegion(input, at);

  const back = input.endedAt ? at(input.endedAt) : null;
  const afterRu = back ? `; отметки снова пошли в ${back}.` : ', после этого отметки не поступали.';
  const afterEn = back ? `; fixes came back at ${back}.` : '; no fixes arrived after that.';
  const disabledAt = findDecisiveEvent(input, 'location_disabled');
  if (disabledAt) {
    return explain(
      'location_disabled',
      `В ${at(disabledAt)} на телефоне отключили геолокацию${afterRu}`,
      `Location services were switched off on the phone at ${at(disabledAt)}${afterEn}`,
    );
  }
  const shutdownAt = findDecisiveEvent(input, 'shutdown');
  if (shutdownAt && lowBattery && fixAt) {
    return explain(
      'battery_depleted',
      `Заряд батареи ${lowBattery} при последней отметке в ${fixAt}, в ${at(shutdownAt)} телефон выключился: вероятно, разрядился.`,
      `Battery was ${lowBattery} at the last fix at ${fixAt} and the phone shut down at ${at(shutdownAt)}: the battery probably ran out.`,
    );
  }
  if (shutdownAt) {
    return explain(
      'device_shutdown',
      `В ${at(shutdownAt)} телефон выключили${afterRu}`,
      `The phone was switched off at ${at(shutdownAt)}${afterEn}`,
    );
  }
  const airplaneAt = findDecisiveEvent(input, 'airplane_on');
  if (airplaneAt) {
    return explain(
      'signal_lost',
      `В ${at(airplaneAt)} на телефоне включили режим полёта, поэтому отметки перестали поступать.`,
      `Airplane mode was switched on at ${at(airplaneAt)}, so fixes stopped arriving.`,
    );
  }
  if (lowBattery && fixAt) {
    return explain(
      'battery_depleted',
      `Заряд батареи ${lowBattery} при последней отметке в ${fixAt}, затем сигнал пропал: вероятно, телефон разрядился.`,
      `Battery was ${lowBattery} at the last fix at ${fixAt}, then silence: the battery probably ran out.`,
    );
  }
  const station = input.nearestStation;
  if (fix && station && station.distanceM <= UNDERGROUND_RADIUS_M) {
    const m = formatMeters(station.distanceM);
    return explain(
      'underground',
      `Последняя отметка в ${m} м от станции «${station.nameRu}»: вероятно, под землёй.`,
      `Last fix ${m} m from ${station.nameEn} station: probably underground.`,
    );
  }
  const lowEventAt = fix?.charging === true ? null : findDecisiveEvent(input, 'low_battery');
  if (lowEventAt) {
    return explain(
      'battery_depleted',
      `В ${at(lowEventAt)} телефон сообщил о низком заряде батареи, затем сигнал пропал: вероятно, телефон разрядился.`,
      `The phone reported a low battery at ${at(lowEventAt)}, then silence: the battery probably ran out.`,
    );
  }
  return explainWithoutEvidence(input, at, fixAt);
}

function explainLeftRegion(input: LapseEvidence, at: (d: Date) => string): LapseExplanation {
  const name = input.regionName;
  const ru = typeof name === 'string' ? name : name?.ru;
  const en = typeof name === 'string' ? name : name?.en;
  const when = at(input.lastFix?.time ?? input.startedAt);
  const accuracy = input.lastFix ? formatMeters(input.lastFix.accuracy) : null;
  return explain(
    'left_region',
    `Отметка в ${when} за пределами региона${ru ? ` (${ru})` : ''}` +
      `${accuracy ? `, точность ${accuracy} м` : ''}: вероятно, работник выехал из региона.`,
    `The fix at ${when} was outside the region${en ? ` (${en})` : ''}` +
      `${accuracy ? `, accuracy ${accuracy} m` : ''}: the worker probably left the region.`,
  );
}

function explainWithoutEvidence(
  input: LapseEvidence,
  at: (d: Date) => string,
  fixAt: string | null,
): LapseExplanation {
  const back = input.endedAt ? at(input.endedAt) : null;
  const from = fixAt ?? at(input.startedAt);
  const since = back
    ? `с ${from} до ${back} отметок не было`
    : fixAt
      ? `после последней отметки в ${fixAt} новых отметок нет`
      : `с ${from} отметок нет`;
  const sinceEn = back
    ? `no fix arrived from ${from} until ${back}`
    : fixAt
      ? `no fix has arrived since the last one at ${fixAt}`
      : `no fix has arrived since ${from}`;
  if (input.kind === 'location_disabled') {
    return explain(
      'location_disabled',
      `Телефон сообщил, что геолокация отключена; ${since}.`,
      `The phone reported that location services are off; ${sinceEn}.`,
    );
  }
  if (input.kind === 'device_off') {
    return explain(
      'device_shutdown',
      `Телефон, по-видимому, выключен: ${since}.`,
      `The phone appears to be switched off: ${sinceEn}.`,
    );
  }
  if (fixAt) {
    return explain(
      'signal_lost',
      `Последняя отметка в ${fixAt}, затем сигнал пропал; телефон не сообщал ни о выключении, ни об отключении геолокации: вероятно, потеряна связь.`,
      `Last fix at ${fixAt}, then silence; the phone reported neither a shutdown nor location being switched off: the connection was probably lost.`,
    );
  }
  return explain(
    'unknown',
    `От телефона не было ни одной отметки и ни одного события: причину установить нельзя.`,
    `The phone sent no fix and no event, so the cause cannot be determined.`,
  );
}
