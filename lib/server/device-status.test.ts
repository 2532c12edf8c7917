import { describe, expect, it } from 'vitest';
import { chooseNextStep } from './device-status';

describe('chooseNextStep', () => {
  it.each([
    [null, 'declare_address'],
    ['none', 'declare_address'],
    ['pending', 'wait_first_fix'],
    ['active', 'keep_tracking'],
    ['interrupted', 'restore_tracking'],
    ['cancelled', 'declare_again'],
    ['ended', 'declare_on_return'],
  ])('%s -> %s', (status, code) => {
    const step = chooseNextStep(status);
    expect(step.code).toBe(code);
    expect(step.messageRu).toMatch(/[а-я]/);
    expect(step.messageEn).toMatch(/[a-z]/);
  });
});
