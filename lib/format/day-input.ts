// Calendar days typed by hand as dd.mm.yyyy (the way Russian officers write dates), kept in the URL
// and the API as yyyy-mm-dd. A native <input type="date"> follows the browser's locale, not the
// interface language, so a Russian screen could show mm/dd/yyyy.

/** '2026-03-05' -> '05.03.2026'; anything else -> ''. */
export function formatDayInput(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** '05.03.2026' (also 5.3.2026, 05/03/2026, 05-03-2026) -> '2026-03-05'; null for no real date. */
export function parseDayInput(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  if (year < 2000 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The mask while typing: digits only, dots after the day and the month ('0503' -> '05.03'). */
export function maskDayInput(text: string): string {
  // Separators typed where the mask puts them (or none) follow the mask; '5.3.2026' stays as typed.
  const groups = text.split(/[./-]/);
  if (groups.slice(0, -1).some((g) => g.length !== 2) || groups.length > 3) return text.slice(0, 10);
  const digits = text.replace(/\D/g, '').slice(0, 8);
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean);
  return parts.join('.');
}
