// English: for officers reading the worker file (workers receive Russian and their own language).
import type { LapseKind, ReviewDecision } from '../types';
import { type CancelRule, type NoticeFacts, type NotifyPack, formatMoscow, minutes } from './types';

const WHAT: Record<LapseKind, string> = {
  signal_lost: 'location data stopped arriving from the phone',
  location_disabled: 'location is switched off on the phone',
  device_off: 'the phone was switched off',
  mock_location: 'the phone is sending a fake location',
  left_region: 'the phone is outside Moscow and Moscow Oblast',
};

const DO: Record<LapseKind, string> = {
  signal_lost: 'Open the app and switch on location and mobile data.',
  location_disabled: 'Switch location on and open the app.',
  device_off: 'Switch the phone on, charge it and open the app.',
  mock_location: 'Turn off location-faking apps and open the app.',
  left_region: 'Return to the region or report a change of address in the app.',
};

const DECISION: Record<ReviewDecision, string> = {
  technical: 'was found to be a technical fault',
  excused: 'was found to be excused',
  violation: 'was found to be a violation',
};

function rule(f: NoticeFacts): string {
  const r: CancelRule | 'unknown' = f.rule ?? 'unknown';
  const v = f.policyVersion ? ` (policy version ${f.policyVersion})` : '';
  if (r === 'working_days_elapsed')
    return `No location data arrived for more than ${f.workingDays ?? 3} working days after the last fix${v}.`;
  if (r === 'grace_elapsed')
    return `Location data did not come back within ${minutes(f.graceSeconds)} min of the lapse${v}.`;
  if (r === 'immediate') {
    return f.trigger === 'device'
      ? `The phone reported that location was switched off; under the rules this cancels at once${v}.`
      : `No data arrived for ${minutes(f.lapseAfterSeconds)} min; under the rules the first such lapse cancels at once${v}.`;
  }
  return `A lapse in location data${v}.`;
}

const what = (f: NoticeFacts) => (f.lapseKind ? WHAT[f.lapseKind] : WHAT.signal_lost);
const todo = (f: NoticeFacts) => (f.lapseKind ? DO[f.lapseKind] : DO.signal_lost);

export const EN: NotifyPack = {
  lapse_opened: (f) => ({
    title: 'Location data is not arriving',
    body: `Since ${formatMoscow(f.startedAt)} ${what(f)}. ${todo(f)}${f.deadline ? ` If data does not resume by ${formatMoscow(f.deadline)}, the registration will be cancelled.` : ''}`,
  }),
  reminder: (f) => ({
    title: 'Reminder: confirm your address',
    body: `No location data has arrived since ${formatMoscow(f.lastFixAt)}. Open the app and confirm your address or report a change; no office visit is needed.${f.deadline ? ` Otherwise the registration will be cancelled on ${formatMoscow(f.deadline)}.` : ''}`,
  }),
  cancelled: (f) => ({
    title: 'Registration cancelled',
    body: `${rule(f)} To register again, declare your address in the app. If this was a technical fault, tell an officer.`,
  }),
  reinstated: (f) => ({
    title: 'Registration reinstated',
    body:
      f.by === 'late_data'
        ? 'Data that arrived late showed that location was being sent. The registration is live again.'
        : `The lapse ${f.decision ? DECISION[f.decision] : 'was reviewed'}; the registration is live again. Keep the app open and location on.`,
  }),
  review_outcome: (f) => ({
    title: 'Lapse reviewed',
    body: `The lapse from ${formatMoscow(f.startedAt)} ${f.decision ? DECISION[f.decision] : 'was reviewed'}.${f.decision === 'violation' ? ' The registration is not reinstated.' : ''}`,
  }),
  address_changed: (f) => ({
    title: 'New address accepted',
    body: `The address was changed and the registration stays live.${f.late ? ` The change was declared after the deadline (${formatMoscow(f.deadline)}); this is noted.` : ''}`,
  }),
};
