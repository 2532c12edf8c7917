// Words of the wrong language on a screen: Latin-only words on a Russian page, Cyrillic words on
// an English page. Names, codes and ids are marked translate="no" (or <code>, <kbd>) and skipped.
import type { Page } from '@playwright/test';

// Latin words a Russian screen may show: the product and map names, formats, the language switch
// (each language names itself) and key names in the keyboard hints.
const ALLOWED_LATIN = new Set([
  'RegWatch',
  'OSM',
  'OpenStreetMap',
  'CSV',
  'API',
  'GPS',
  'UUID',
  'iOS',
  'Android',
  'English',
  'Enter',
  'Esc',
  'OpenAPI',
]);
// The language switch on an English page names Russian in Russian.
const ALLOWED_CYRILLIC = new Set(['Русский']);

/** A token that is a code rather than a word: ISO country codes, language codes (GE, KZ, ru). */
function isCode(word: string): boolean {
  return /^[A-Z]{2,4}$/.test(word) || /^(ru|en)$/.test(word);
}

/** Visible text and accessible names, each with where it was found, outside names and codes. */
async function readTexts(page: Page, otherLang: 'en' | 'ru'): Promise<Array<[string, string]>> {
  return page.evaluate((other) => {
    // Text marked as the other language on purpose (the OpenAPI operation texts) is quoted, not UI.
    const skip = `code, kbd, samp, pre, [translate="no"], script, style, noscript, body [lang="${other}"]`;
    const where = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').slice(0, 40)}`;
    const out: Array<[string, string]> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      out.push([node.textContent ?? '', where(parent)]);
    }
    // Accessible names count too: a screen reader reads them aloud.
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest(skip)) continue;
      for (const a of ['aria-label', 'title', 'placeholder'])
        out.push([el.getAttribute(a) ?? '', `${where(el)}@${a}`]);
    }
    return out;
  }, otherLang);
}

function splitWords(text: string): string[] {
  return text.split(/[\s,.;:!?()«»"'/\\[\]{}—–…·×|`+=<>]+/);
}

/** Latin-only words on a Russian page, outside names, codes and ids. */
export async function latinWords(page: Page): Promise<string[]> {
  const found = new Set<string>();
  for (const [text, where] of await readTexts(page, 'en')) {
    for (const w of splitWords(text)) {
      if (w.length > 1 && /^-?[A-Za-z][A-Za-z-]*$/.test(w) && !ALLOWED_LATIN.has(w) && !isCode(w)) {
        found.add(`${w} (${where})`);
      }
    }
  }
  return [...found];
}

/** Words with Cyrillic letters on an English page, outside names (translate="no") and codes. */
export async function cyrillicWords(page: Page): Promise<string[]> {
  const found = new Set<string>();
  for (const [text, where] of await readTexts(page, 'ru')) {
    for (const w of splitWords(text)) {
      if (/[А-Яа-яЁё]/.test(w) && !ALLOWED_CYRILLIC.has(w)) found.add(`${w} (${where})`);
    }
  }
  return [...found];
}
