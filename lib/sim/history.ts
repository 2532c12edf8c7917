// Rows of one worker's registration history, built from the lifecycle's effects the same way the
// server's EffectWriter stores them, so seeded history reads like history the engine wrote.
import type { CancelRule, Effect, FixSnapshot, LapseTrigger, WorkerState } from '@/lib/domain/lifecycle';
import type { LapseKind, LikelyCause, RegistrationStatus, WorkerStatusValue } from '@/lib/domain/types';

export interface RegistrationRow {
  id: string;
  workerId: string;
  addressText: string;
  lat: number;
  lon: number;
  okrug: string | null;
  status: RegistrationStatus;
  policyVersion: number;
  createdAt: number;
  activatedAt: number | null;
  closedAt: number | null;
  cancelLapseId: string | null;
}

export interface RegistrationEventRow {
  registrationId: string;
  workerId: string;
  at: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  cause: string;
  actor: string;
  lapseId: string | null;
}

export interface LapseRow {
  id: string;
  workerId: string;
  registrationId: string;
  kind: LapseKind;
  startedAt: number;
  endedAt: number | null;
  detectedAt: number;
  okrug: string | null;
  citizenship: string;
  lastFix: FixSnapshot | null;
  likelyCause: LikelyCause;
  explanationRu: string;
  explanationEn: string;
  causedCancellation: boolean;
  voidedAt: number | null;
  voidReason: string | null;
  review: { decision: string; note: string; by: string; at: number } | null;
  /** As the engine stores them (migration 0013): the rule's version, what opened it, what cancelled. */
  policyVersion: number | null;
  trigger: LapseTrigger | null;
  cancelRule: CancelRule | null;
  cancelledAt: number | null;
  causeFacts: Record<string, unknown> | null;
}

export interface WorkerStatusRow {
  workerId: string;
  registrationId: string | null;
  status: WorkerStatusValue;
  citizenship: string;
  okrug: string | null;
  declaredLat: number | null;
  declaredLon: number | null;
  lastFix: FixSnapshot | null;
  lastSeenAt: number | null;
  openLapseId: string | null;
  openLapseKind: LapseKind | null;
  openLapseStartedAt: number | null;
  lapseDeadline: number | null;
  openLapseSilence: boolean;
  statusSince: number;
}

export type ExplainFn = (
  kind: LapseKind,
  startedAt: Date,
  lastFix: FixSnapshot | null,
  knownAt: number,
) => {
  cause: LikelyCause;
  explanationRu: string;
  explanationEn: string;
  facts?: Record<string, unknown>;
};

export class HistoryRecorder {
  readonly registrations: RegistrationRow[] = [];
  readonly events: RegistrationEventRow[] = [];
  readonly lapses: LapseRow[] = [];
  private readonly lapseById = new Map<string, LapseRow>();

  constructor(
    private readonly workerId: string,
    private readonly citizenship: string,
    private readonly explain: ExplainFn,
  ) {}

  get current(): RegistrationRow | undefined {
    return this.registrations[this.registrations.length - 1];
  }

  findLapse(id: string | null | undefined): LapseRow | undefined {
    return id ? this.lapseById.get(id) : undefined;
  }

  addRegistration(row: RegistrationRow): void {
    this.registrations.push(row);
  }

  addEvent(row: Omit<RegistrationEventRow, 'workerId'>): void {
    this.events.push({ ...row, workerId: this.workerId });
  }

  /** Stores effects of one step; `at` is when the server processed it (arrival or sweep time). */
  record(before: WorkerState, effects: Effect[], at: number, actor: string): void {
    const reg = this.registrations.find((r) => r.id === before.registrationId);
    for (const effect of effects) {
      if (effect.type === 'open_lapse' && reg) {
        const why = this.explain(effect.lapse.kind, effect.lapse.startedAt, effect.lastFix, at);
        const row: LapseRow = {
          id: effect.lapse.id,
          workerId: this.workerId,
          registrationId: reg.id,
          kind: effect.lapse.kind,
          startedAt: effect.lapse.startedAt.getTime(),
          endedAt: effect.endedAt?.getTime() ?? null,
          detectedAt: at,
          okrug: reg.okrug,
          citizenship: this.citizenship,
          lastFix: effect.lastFix,
          likelyCause: why.cause,
          explanationRu: why.explanationRu,
          explanationEn: why.explanationEn,
          causedCancellation: false,
          voidedAt: null,
          voidReason: null,
          review: null,
          policyVersion: effect.policyVersion ?? null,
          trigger: effect.trigger ?? null,
          cancelRule: null,
          cancelledAt: null,
          causeFacts: why.facts ?? null,
        };
        this.lapses.push(row);
        this.lapseById.set(row.id, row);
      } else if (effect.type === 'close_lapse') {
        const lapse = this.lapseById.get(effect.lapseId);
        if (lapse && lapse.endedAt === null) lapse.endedAt = effect.endedAt.getTime();
      } else if (effect.type === 'void_lapse') {
        const lapse = this.lapseById.get(effect.lapseId);
        if (lapse) {
          lapse.voidedAt = at;
          lapse.voidReason = effect.reason;
          lapse.causedCancellation = false;
          lapse.endedAt ??= lapse.startedAt;
        }
      } else if (effect.type === 'lapse_cancelled') {
        const lapse = this.lapseById.get(effect.lapseId);
        if (lapse) {
          lapse.causedCancellation = true;
          lapse.cancelRule = effect.rule ?? null;
          const at = effects.find(
            (e) => e.type === 'transition' && e.eventType === 'cancelled' && e.lapseId === effect.lapseId,
          );
          lapse.cancelledAt = at?.type === 'transition' ? at.at.getTime() : null;
        }
      } else if (effect.type === 'transition' && reg) {
        this.addEvent({
          registrationId: reg.id,
          // As the engine writes it (EffectWriter): a restoration is dated when it was processed,
          // after the cancellation it undoes, not at the fix that proved the lapse wrong.
          at: effect.eventType === 'restored' ? Math.max(at, effect.at.getTime()) : effect.at.getTime(),
          type: effect.eventType,
          fromStatus: effect.from,
          toStatus: effect.to,
          cause: effect.cause,
          actor,
          lapseId: effect.lapseId,
        });
        applyTransition(reg, effect);
      }
    }
  }
}

function applyTransition(reg: RegistrationRow, effect: Extract<Effect, { type: 'transition' }>): void {
  if (effect.to === 'none') return;
  reg.status = effect.to;
  const at = effect.at.getTime();
  if (effect.eventType === 'activated' && reg.activatedAt === null) reg.activatedAt = at;
  reg.closedAt = effect.to === 'cancelled' || effect.to === 'ended' ? at : null;
  if (effect.eventType === 'cancelled') reg.cancelLapseId = effect.lapseId;
  else if (effect.eventType === 'restored') reg.cancelLapseId = null;
}

/** The worker_status row for a worker's lifecycle state, shared by the week replay and the recent-state seed. */
export function buildStatusRow(
  worker: { workerId: string; citizenship: string },
  reg: RegistrationRow | undefined,
  st: WorkerState,
  lastSeenAt: number | null,
): WorkerStatusRow {
  return {
    workerId: worker.workerId,
    registrationId: reg?.id ?? null,
    status: st.status,
    citizenship: worker.citizenship,
    okrug: reg?.okrug ?? null,
    declaredLat: reg?.lat ?? null,
    declaredLon: reg?.lon ?? null,
    lastFix: st.lastFix,
    lastSeenAt,
    openLapseId: st.openLapse?.id ?? null,
    openLapseKind: st.openLapse?.kind ?? null,
    openLapseStartedAt: st.openLapse?.startedAt.getTime() ?? null,
    lapseDeadline: st.openLapse?.deadline?.getTime() ?? null,
    openLapseSilence: st.openLapse?.silence ?? false,
    statusSince: st.statusSince.getTime(),
  };
}
