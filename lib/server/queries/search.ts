// How a free-text worker search is read: a name (either script, any word order, any common
// transliteration), a document number or a phone number. Pure, so the rules can be table-tested;
// the keys are those of lib/domain/search-normalise.ts, as stored by migration 0008_search.
import 'server-only';
import { documentKey, foldName, nameSkeleton, phoneQueryVariants } from '@/lib/domain/search-normalise';

export interface WorkerSearch {
  /** Folded name, compared with workers.name_key for ranking. */
  nameKey: string;
  /** Consonant skeleton, matched against workers.name_skeleton (trigram index); '' for none. */
  nameSkeleton: string;
  /** Document key for a prefix match on workers.document_key; '' when too short to mean one. */
  document: string;
  /** Phone digits as typed and in the +7 form, when the text looks like a phone number. */
  phoneDigits: string[];
  kind: 'name' | 'document' | 'phone';
}

const MIN_PHONE_DIGITS = 4;
const MIN_DOCUMENT_CHARS = 3;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function parseWorkerSearch(q: string): WorkerSearch | null {
  const text = q.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  const phoneLike = /^[+\d\s().-]+$/.test(text) && digits.length >= MIN_PHONE_DIGITS;
  const documentLike = /\d/.test(text) && /^[\p{L}\d\s-]+$/u.test(text);
  const nameKey = phoneLike ? '' : foldName(text);
  const document = documentKey(text);
  return {
    nameKey,
    nameSkeleton: nameSkeleton(nameKey),
    document: document.length >= MIN_DOCUMENT_CHARS && (documentLike || !text.includes(' ')) ? document : '',
    phoneDigits: phoneLike ? phoneQueryVariants(text).filter((d) => d.length >= MIN_PHONE_DIGITS) : [],
    kind: phoneLike ? 'phone' : documentLike ? 'document' : 'name',
  };
}
