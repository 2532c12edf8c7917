// Simulator (replay through the engine's rules) and the key figures of the reports page: English.
import type { ReplayDictionary } from './replay-ru';

export const replayEn: ReplayDictionary = {
  intro:
    'The recorded history (fixes, phone events, declarations, in the order they arrived) runs again through the same rules the system applies, once per rule set. Nothing is changed.',
  customHint:
    'Your own thresholds (the “Custom rules” line) are the fields below; the presets are always calculated.',
  coverage:
    'Full-density data (every fix) exists for {replayed} of {total} workers ({share}); replayed from {from} to {to}: {hours} h of the period’s {periodHours} h.',
  sparse:
    'Before {time} the history is stored sparsely (the demo database keeps every fix only for the last hours): that part of the period is not replayed, or the gaps between stored fixes would look like lapses.',
  noReplay:
    'The chosen period has no full-density data, so there is nothing to replay. Choose the last few days.',
  agrees:
    'The replay under the rules in force matches the record: {lapses} lapses, {cancellations} cancellations.',
  differs:
    'The replay under the rules in force differs from the record: {lapses} lapses and {cancellations} cancellations against {recLapses} and {recCancellations}.',
  totalsCaption: 'Totals per rule set over the replayed part of the period',
  daysCaption: 'Per day: cancellations / lapses',
  rule: 'Rules',
  day: 'Day',
  hoursReplayed: 'Replayed, h',
  workersWithFixes: 'Workers with fixes',
  rules: {
    recorded: 'Recorded by the system',
    inForce: 'Rules in force (replayed)',
    current: 'Current rules',
    strict: 'Strict reading',
    '121-FZ': '121-FZ',
    custom: 'Custom rules',
  },
  ruleHints: {
    recorded: 'what the statistics show for the same hours',
    inForce: 'the policy version at the time of each event',
    current: 'the policy version now in force',
    strict: 'the first lapse of 15 min cancels at once',
    '121-FZ': 'reminder after 3 days, cancellation after 3 working days',
    custom: 'lapse after {lapseAfter}, {grace}',
  },
  overBudget: 'The calculation did not finish in the time allowed. Choose a shorter period.',
  figures: {
    period: 'over the last {days} days',
    lapsesRate: 'Lapses per 1,000 workers per day',
    lapsesRateHint: 'How many lapses start on an average day for every thousand live registrations.',
    technicalShare: 'Cancellations with a technical cause',
    technicalShareHint:
      'Share of cancellations reviewed as technical or caused by a flat battery, the metro or lost signal.',
    noCancellations: 'no cancellations',
    technicalOf: 'Cancellations in all: {count}.',
    interruptedHint:
      'Waiting for fixes to resume before the deadline; always 0 under the strict reading without grace.',
    reviewsPending: 'Cancellations awaiting review',
    reviewsPendingHint: 'Cancellations no officer has decided on yet (at any time).',
    medianReview: 'Median time to review',
    medianReviewHint: 'Half of the period’s reviews were made faster than this after the lapse was detected.',
    noReviews: 'no reviews',
    reinstatements: 'Registrations reinstated',
    reinstatementsHint:
      'Registrations a supervisor reinstated after a review found the lapse technical or excused.',
    hours: '{value} h',
  },
};
