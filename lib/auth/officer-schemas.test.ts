import { describe, expect, test } from 'vitest';
import { createOfficerSchema, resetPasswordSchema, updateOfficerSchema } from './officer-schemas';

const valid = {
  username: 'Ivan.Petrov',
  name: ' Иван Петров ',
  password: 'twelve-chars',
  role: 'officer',
  okrugs: ['TsAO', 'TsAO'],
};

describe('createOfficerSchema', () => {
  test('normalises username and name, removes duplicate okrugs', () => {
    expect(createOfficerSchema.parse(valid)).toEqual({
      ...valid,
      username: 'ivan.petrov',
      name: 'Иван Петров',
      okrugs: ['TsAO'],
    });
  });

  test.each([
    { name: 'short password', patch: { password: 'eleven-char' }, field: 'password' },
    { name: 'short username', patch: { username: 'ab' }, field: 'username' },
    { name: 'username with a space', patch: { username: 'ivan petrov' }, field: 'username' },
    { name: 'unknown role', patch: { role: 'root' }, field: 'role' },
    { name: 'empty name', patch: { name: '  ' }, field: 'name' },
    { name: 'unexpected field', patch: { disabled: true }, field: '' },
  ])('$name is refused', ({ patch, field }) => {
    const result = createOfficerSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  test('okrugs default to none', () => {
    const { okrugs: _omit, ...rest } = valid;
    expect(createOfficerSchema.parse(rest).okrugs).toEqual([]);
  });
});

describe('updateOfficerSchema', () => {
  test.each([
    [{ role: 'supervisor' }, true],
    [{ okrugs: [] }, true],
    [{ disabled: true }, true],
    [{}, false],
    [{ username: 'new' }, false],
    [{ password: 'twelve-chars' }, false],
  ])('%j → valid: %s', (body, ok) => {
    expect(updateOfficerSchema.safeParse(body).success).toBe(ok);
  });
});

test('resetPasswordSchema needs 12 characters', () => {
  expect(resetPasswordSchema.safeParse({ password: 'x'.repeat(11) }).success).toBe(false);
  expect(resetPasswordSchema.safeParse({ password: 'x'.repeat(12) }).success).toBe(true);
});
