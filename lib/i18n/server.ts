// The language of the current request (from the `lang` cookie) and its dictionary, for server components.
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { LANG_COOKIE, parseLang, selectDictionary, type Dictionary, type Lang } from './index';

export const getLang = cache(async (): Promise<Lang> => {
  const store = await cookies();
  return parseLang(store.get(LANG_COOKIE)?.value);
});

export async function getDictionary(): Promise<Dictionary> {
  return selectDictionary(await getLang());
}
