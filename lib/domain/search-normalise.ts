// How names, phones and document numbers are reduced to search keys, so that what an officer types
// finds the person however the name was spelt: either script, either word order, the common
// transliteration variants (Abdullaev / Abdullayev, Саргсян / Саркисян), a phone with 8 or +7.
// Pure and table-driven. The database computes the stored keys with SQL functions that mirror
// these tables step for step (migration 0008_search.sql); tests/db/search.test.ts checks they agree.

/** One character to its folded form ('' drops it). Upper and lower case are both listed. */
export const NAME_LETTERS: Readonly<Record<string, string>> = {
  ...pairs('абвгдеёжзийклмнопрстуфхцчшщъыьэюя', 'abvgdeejziiklmnoprstufhccww_i_eua'),
  ...pairs('АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'abvgdeejziiklmnoprstufhccww_i_eua'),
  // Uzbek, Tajik, Kazakh and Kyrgyz Cyrillic letters.
  ...pairs('ўқғҳҷӣӯәөүұңіһ', 'okghjiuaouunih'),
  ...pairs('ЎҚҒҲҶӢӮӘӨҮҰҢІҺ', 'okghjiuaouunih'),
  // Latin letters with marks, as in Uzbek, Azerbaijani and Turkish spellings.
  ...pairs('şçğöüıñéäəžščōūáíóú', 'wcgouineaajwcouaiou'),
  ...pairs('ŞÇĞÖÜİÑÉÄƏŽŠČŌŪÁÍÓÚ', 'wcgouineaajwcouaiou'),
  // Apostrophes of O'g'li and the like vanish; hyphens and dots split words.
  "'": '',
  '`': '',
  ʻ: '',
  ʼ: '',
  '’': '',
  '‘': '',
  '-': ' ',
  '.': ' ',
  ',': ' ',
};

/** Latin spellings of the same sound, replaced in this order (longest first). */
export const NAME_DIGRAPHS: readonly (readonly [string, string])[] = [
  ['shch', 'w'],
  ['dzh', 'j'],
  ['dj', 'j'],
  ['zh', 'j'],
  ['kh', 'h'],
  ['gh', 'g'],
  ['sh', 'w'],
  ['ch', 'c'],
  ['ts', 'c'],
  ['ph', 'f'],
  ['x', 'h'],
  ['q', 'k'],
];

/** Voiced consonants and their voiceless pair, for the consonant skeleton. */
export const SKELETON_FOLD: readonly [string, string] = ['gdbzv', 'ktpsf'];

function pairs(from: string, to: string): Record<string, string> {
  const out: Record<string, string> = {};
  [...from].forEach((c, i) => (out[c] = to[i] === '_' ? '' : (to[i] ?? '')));
  return out;
}

const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The folded form of a name: Latin letters, one sound one letter, no doubled letters, words
 * separated by one space. "Абдуллаев" and "Abdullayev" both give "abdulaev".
 */
export function foldName(text: string): string {
  let s = [...lowerAscii(text)].map((c) => NAME_LETTERS[c] ?? c).join('');
  for (const [from, to] of NAME_DIGRAPHS) s = s.split(from).join(to);
  s = s.replace(/[^a-z ]+/g, '');
  s = s.replace(/y([aeiou])/g, '$1').replace(/y/g, 'i');
  s = s.replace(/([a-z])\1+/g, '$1');
  return s.replace(/ +/g, ' ').trim();
}

/**
 * The consonant skeleton of a folded name: vowels dropped except at the start of a word, voiced
 * consonants made voiceless, so "sargsan" (Саргсян) and "sarkisan" (Саркисян) both give "srksn",
 * and "abdulaev" and "abduloev" both give "aptlf".
 */
export function nameSkeleton(folded: string): string {
  const [voiced, voiceless] = SKELETON_FOLD;
  return [...folded.replace(/(\S)[aeiou]+/g, '$1')]
    .map((c) => voiceless[voiced.indexOf(c)] ?? c)
    .join('')
    .replace(/([a-z])\1+/g, '$1');
}

/** A phone number as digits, Russian numbers in the +7 form: "8 (916) 123-45-67" -> "79161234567". */
export function phoneKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}

/**
 * What a typed phone fragment may stand for: as typed, and with a leading 8 read as +7
 * ("8916" -> "7916"), since the stored numbers are in the +7 form.
 */
export function phoneQueryVariants(text: string): string[] {
  const key = phoneKey(text);
  const digits = text.replace(/\D/g, '');
  const variants = new Set([key, digits]);
  if (digits.startsWith('8')) variants.add(`7${digits.slice(1)}`);
  return [...variants].filter((v) => v.length > 0);
}

/** Cyrillic letters that look like Latin ones, as typed into a document number on a Russian keyboard. */
export const DOCUMENT_LOOKALIKES: Readonly<Record<string, string>> = pairs(
  'АВЕКМНОРСТУХавекмнорстух',
  'ABEKMHOPCTYXABEKMHOPCTYX',
);

/** A document number in capitals without spaces, dashes or look-alike Cyrillic letters. */
export function documentKey(text: string): string {
  return [...text.replace(/[a-z]/g, (c) => c.toUpperCase())]
    .map((c) => DOCUMENT_LOOKALIKES[c] ?? c)
    .join('')
    .replace(/[^A-Z0-9]/g, '');
}
