// The UI's own strings, so the tests follow the dictionaries instead of repeating them.
import { en } from '../../lib/i18n/dictionaries/en';
import { ru } from '../../lib/i18n/dictionaries/ru';
import { signInStrings } from '../../components/auth/sign-in-strings';
import { adminStrings } from '../../components/admin/admin-strings';

/** Russian is the default language of the dashboard. */
export const t = ru;
export const tEn = en;
export const signIn = signInStrings('ru');
export const admin = adminStrings('ru');

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a string exactly, ignoring surrounding whitespace (for accessible names and texts). */
export function exact(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** Fills `{name}` placeholders the way lib/i18n's fill() does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
