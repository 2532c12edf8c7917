// How a free-text worker search is read: a name fragment (Latin or Cyrillic), a document number,
// or a phone number. Pure, so the rules can be table-tested.

export interface WorkerSearch {
  /** Lower-cased text for a name "contains" match, LIKE wildcards escaped. */
  namePattern: string;
  /** Upper-cased document number without spaces, for a prefix match. */
  document: string;
  /** Digits only, when there are enough of them to mean a phone number. */
  phoneDigits: string | null;
  kind: 'name' | 'document' | 'phone';
}

const MIN_PHONE_DIGITS = 4;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function parseWorkerSearch(q: string): WorkerSearch | null {
  const text = q.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  const phoneLike = /^[+\d\s().-]+$/.test(text) && digits.length >= MIN_PHONE_DIGITS;
  const documentLike = /\d/.test(text) && /^[\p{L}\d\s-]+$/u.test(text);
  return {
    namePattern: `%${escapeLike(text.toLowerCase())}%`,
    document: `${escapeLike(text.replace(/[\s-]/g, '').toUpperCase())}%`,
    phoneDigits: phoneLike ? digits : null,
    kind: phoneLike ? 'phone' : documentLike ? 'document' : 'name',
  };
}
