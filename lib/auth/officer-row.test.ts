import { describe, expect, test } from 'vitest';
import { parseRole, toOfficerContext } from './officer-row';

const base = { id: 'id-1', name: 'Иван Петров', username: 'ivan', okrugs: ['TsAO', 'ZAO'], disabled: false };

describe('toOfficerContext', () => {
  test.each([
    {
      name: 'officer keeps okrugs',
      row: { ...base, role: 'officer' },
      expected: { role: 'officer', okrugs: ['TsAO', 'ZAO'] },
    },
    {
      name: 'officer with none keeps an empty list',
      row: { ...base, role: 'officer', okrugs: [] },
      expected: { okrugs: [] },
    },
    { name: 'supervisor sees all okrugs', row: { ...base, role: 'supervisor' }, expected: { okrugs: null } },
    { name: 'auditor sees all okrugs', row: { ...base, role: 'auditor' }, expected: { okrugs: null } },
    { name: 'admin sees all okrugs', row: { ...base, role: 'admin' }, expected: { okrugs: null } },
    {
      name: 'username falls back to email',
      row: { ...base, username: null, email: 'a@b.example', role: 'admin' },
      expected: { username: 'a@b.example' },
    },
  ])('$name', ({ row, expected }) => {
    expect(toOfficerContext(row)).toMatchObject({ officerId: 'id-1', name: 'Иван Петров', ...expected });
  });

  test.each([
    { name: 'disabled account', row: { ...base, role: 'admin', disabled: true } },
    { name: 'unknown role', row: { ...base, role: 'user' } },
    { name: 'missing role', row: { ...base, role: null } },
  ])('$name grants nothing', ({ row }) => {
    expect(toOfficerContext(row)).toBeNull();
  });

  test('parseRole', () => {
    expect(parseRole('supervisor')).toBe('supervisor');
    expect(parseRole('root')).toBeNull();
    expect(parseRole(undefined)).toBeNull();
  });
});
