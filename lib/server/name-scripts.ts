// Full names in two scripts: officers search a Cyrillic-only name in Latin as well, and a second
// enrolment is compared with the first in the Latin form. Pure.
import 'server-only';

// Russian passport (ICAO 9303) romanisation, plus the letters of the Ukrainian and Central Asian
// Cyrillic alphabets, so officers can search a Cyrillic-only name in Latin as well.
// prettier-ignore
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  і: 'i', ї: 'i', є: 'ie', ґ: 'g', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  ў: 'u', ҳ: 'kh', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};

export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

export function transliterateCyrillic(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) out += ch;
    else if (lower === ch || !latin) out += latin;
    else out += latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Latin is always filled (search and lists need it); Cyrillic only when the name was given so. */
export function splitNameScripts(fullName: string): { latin: string; cyrillic: string | null } {
  const name = fullName.trim().replace(/\s+/g, ' ');
  return hasCyrillic(name)
    ? { latin: transliterateCyrillic(name), cyrillic: name }
    : { latin: name, cyrillic: null };
}
