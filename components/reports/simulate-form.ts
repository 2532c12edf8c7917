// The simulator form's values as typed (numbers and dd.mm.yyyy days are text in the inputs),
// checked with the API's own bounds and window before anything is sent.
import { z } from 'zod';
import { POLICY_BOUNDS, SIMULATE_MAX_DAYS } from '@/lib/api/policy';
import { formatDayInput, parseDayInput } from '@/lib/format/day-input';
import { toMoscowDay } from '@/lib/format/date';

function boundedSeconds(field: 'lapseAfterSeconds' | 'graceSeconds') {
  const [min, max] = POLICY_BOUNDS[field];
  return z.string().trim().min(1).pipe(z.coerce.number<string>().int().min(min).max(max));
}

const typedDay = z.string().transform((text, ctx) => {
  const day = parseDayInput(text);
  if (!day) {
    ctx.addIssue({ code: 'custom', message: 'a day as dd.mm.yyyy' });
    return z.NEVER;
  }
  return day;
});

export const simulateFormSchema = z
  .object({
    lapseAfterSeconds: boundedSeconds('lapseAfterSeconds'),
    graceSeconds: boundedSeconds('graceSeconds'),
    from: typedDay,
    to: typedDay,
  })
  .superRefine((v, ctx) => {
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (!(days >= 0) || days >= SIMULATE_MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${SIMULATE_MAX_DAYS} days` });
  });
export type SimulateFormInput = z.input<typeof simulateFormSchema>;
export type SimulateFormOutput = z.output<typeof simulateFormSchema>;

/** The last seven Moscow days and the policy's own thresholds. */
export function simulateFormDefaults(
  policy: { lapseAfterSeconds: number; graceSeconds: number },
  now = Date.now(),
): SimulateFormInput {
  return {
    lapseAfterSeconds: String(policy.lapseAfterSeconds),
    graceSeconds: String(policy.graceSeconds),
    from: formatDayInput(toMoscowDay(now - 6 * 86_400_000)),
    to: formatDayInput(toMoscowDay(now)),
  };
}
