// PUT /api/v1/policy with a preset over real HTTP. Only refusals are exercised here: switching the
// live policy would change the rules under the suites running beside this one (the switch itself is
// covered in tests/db/policy-preset.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from './helpers';
import { officerJson, signIn } from './officer-session';

let supervisor = '';
let officer = '';

beforeAll(async () => {
  supervisor = await signIn('supervisor');
  officer = await signIn('officer');
});

const put = (cookie: string, json: unknown) =>
  api('/api/v1/policy', { method: 'PUT', json, headers: { cookie } });

describe('policy presets over HTTP', () => {
  it('reads the preset and the rule fields', async () => {
    const policy = await officerJson<Record<string, unknown>>(officer, '/api/v1/policy');
    expect(policy).toMatchObject({
      preset: expect.stringMatching(/^(strict|121-FZ|custom)$/),
      cancelUnit: expect.stringMatching(/^(calendar|working_days)$/),
      cancelAfterWorkingDays: expect.any(Number),
    });
    expect(policy).toHaveProperty('reminderAfterSeconds');
  });

  it.each([
    ['an unknown preset', { preset: 'lenient' }, 'preset'],
    ['zero working days', { cancelAfterWorkingDays: 0 }, 'cancelAfterWorkingDays'],
    ['an unknown unit', { cancelUnit: 'weeks' }, 'cancelUnit'],
  ])('refuses %s with 400 naming the field', async (_name, json, field) => {
    const problem = await expectProblem(await put(supervisor, json), 400);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('refuses an officer with 403', async () => {
    await expectProblem(await put(officer, { preset: '121-FZ' }), 403);
  });
});
