'use client';
// What the system knows about a lapse: when, where the phone last was, battery, device events,
// the nearest station, and the likely cause in a sentence an officer can read to the worker.
import { BatteryCharging, BatteryLow, Lightbulb, TrainFront } from 'lucide-react';
import { LapseKindBadge } from '@/components/ui/lapse-kind-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { DateTime } from '@/components/ui/time';
import { DescriptionList, Item } from '@/components/shared/description-list';
import type { LapseDetail } from '@/lib/api/lapses';
import { formatDuration } from '@/lib/format/duration';
import { formatNumber, formatPercent } from '@/lib/format/number';
import { DEVICE_EVENT_TYPES, type DeviceEventType } from '@/lib/domain/types';
import { useText } from '@/lib/i18n/client';

function isDeviceEvent(type: string): type is DeviceEventType {
  return (DEVICE_EVENT_TYPES as readonly string[]).includes(type);
}

export function LapseEvidence({ lapse }: { lapse: LapseDetail }) {
  const { t, lang, fill } = useText();
  const p = t.pages.lapse;
  const explanation = lang === 'ru' ? lapse.explanationRu : lapse.explanationEn;
  const station = lapse.nearestStation;
  const n = (v: number) => formatNumber(lang, v);
  return (
    <div className="flex flex-col gap-4">
      <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
        <p className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-amber-900 uppercase">
          <Lightbulb aria-hidden="true" className="size-4" />
          {p.cause}
        </p>
        <p className="mt-1 font-semibold text-slate-900">{t.likelyCause[lapse.likelyCause]}</p>
        <p className="mt-1 text-slate-800">{explanation}</p>
      </div>
      {lapse.cancellation ? (
        <div className="rounded-md border border-red-200 bg-red-50 p-3" data-testid="cancellation-rule">
          <p className="text-xs font-semibold tracking-wide text-red-900 uppercase">{p.cancelledBecause}</p>
          <p className="mt-1 text-slate-800">
            {lang === 'ru' ? lapse.cancellation.explanationRu : lapse.cancellation.explanationEn}
          </p>
        </div>
      ) : null}

      <DescriptionList>
        <Item label={t.pages.lapses.columns.kind}>
          <LapseKindBadge kind={lapse.kind} />
        </Item>
        <Item label={p.started}>
          <DateTime value={lapse.startedAt} />
        </Item>
        <Item label={p.ended}>
          {lapse.endedAt ? <DateTime value={lapse.endedAt} /> : t.pages.lapses.ongoing}
        </Item>
        <Item label={p.duration}>{formatDuration(lang, lapse.durationSeconds)}</Item>
        <Item label={p.detected}>
          <DateTime value={lapse.detectedAt} />
        </Item>
        <Item label={p.workerStatus}>
          <StatusBadge status={lapse.worker.status} />
        </Item>
        <Item label={p.document}>{lapse.worker.documentNumber}</Item>
      </DescriptionList>

      <section aria-labelledby="lapse-evidence-title">
        <h3 id="lapse-evidence-title" className="mb-2 text-sm font-semibold text-slate-900">
          {p.evidence}
        </h3>
        <DescriptionList>
          <Item label={p.lastFix}>
            {lapse.lastFix ? <DateTime value={lapse.lastFix.time} withSeconds /> : p.noFix}
          </Item>
          {lapse.lastFix ? (
            <Item label={p.place}>
              <span className="tabular-nums">
                {lapse.lastFix.lat.toFixed(5)}, {lapse.lastFix.lon.toFixed(5)}
              </span>
              {lapse.lastFix.accuracy !== null ? (
                <span className="text-slate-600">
                  {' · '}
                  {fill(p.accuracy, { value: n(Math.round(lapse.lastFix.accuracy)) })}
                </span>
              ) : null}
            </Item>
          ) : null}
          <Item label={p.battery}>
            <span className="inline-flex items-center gap-1">
              {lapse.charging ? (
                <BatteryCharging aria-hidden="true" className="size-4 text-slate-600" />
              ) : lapse.battery !== null && lapse.battery <= 15 ? (
                <BatteryLow aria-hidden="true" className="size-4 text-red-700" />
              ) : null}
              {lapse.battery !== null ? formatPercent(lang, lapse.battery / 100, 0) : p.unknown}
              {lapse.charging === null ? null : `, ${lapse.charging ? p.charging : p.notCharging}`}
            </span>
          </Item>
          <Item label={p.nearestStation}>
            {station ? (
              <span className="inline-flex items-start gap-1">
                <TrainFront aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-600" />
                {fill(station.line ? p.stationDistance : p.stationDistanceNoLine, {
                  name: lang === 'ru' ? station.name : station.nameEn,
                  line: (lang === 'ru' ? station.line : station.lineEn) ?? '',
                  distance: n(Math.round(station.distanceMeters)),
                })}
              </span>
            ) : (
              t.common.dash
            )}
          </Item>
          <Item label={p.positions}>
            {fill(p.positionsValue, {
              before: n(lapse.positions.before),
              during: n(lapse.positions.during),
              after: n(lapse.positions.after),
            })}
          </Item>
        </DescriptionList>
      </section>

      <section aria-labelledby="lapse-events-title">
        <h3 id="lapse-events-title" className="mb-2 text-sm font-semibold text-slate-900">
          {p.deviceEvents}
        </h3>
        {lapse.deviceEvents.length === 0 ? (
          <p className="text-slate-600">{p.noDeviceEvents}</p>
        ) : (
          <ol className="flex flex-col gap-1 border-l-2 border-slate-200 pl-3">
            {lapse.deviceEvents.map((e, i) => (
              <li key={`${e.at}-${i}`} className="flex flex-wrap gap-x-2">
                <DateTime value={e.at} withSeconds className="tabular-nums text-slate-600" />
                <span>{isDeviceEvent(e.type) ? t.deviceEvent[e.type] : e.type}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
