/** Joins class names, skipping falsy ones (a tiny clsx; no conflict merging, so keep classes distinct). */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
