'use client';
// RU / EN: sets the `lang` cookie for a year and re-renders the page on the server in that language.
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE, LANGS, type Lang } from '@/lib/i18n/config';
import { useLang, useT } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';

export function writeLangCookie(lang: Lang): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=${LANG_COOKIE_MAX_AGE}; samesite=lax${secure}`;
}

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useT();
  const current = useLang();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (lang: Lang) => {
    if (lang === current) return;
    writeLangCookie(lang);
    startTransition(() => router.refresh());
  };

  return (
    <div
      role="group"
      aria-label={t.shell.language}
      className={cn('inline-flex rounded-md border border-slate-300 p-0.5', className)}
    >
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          title={t.shell.languageNames[lang]}
          disabled={pending}
          onClick={() => choose(lang)}
          className={cn(
            'rounded px-2 py-1 text-xs font-semibold uppercase',
            lang === current ? 'bg-slate-800 text-white' : 'text-slate-700 hover:bg-slate-100',
          )}
        >
          {lang}
          <span className="sr-only"> — {t.shell.languageNames[lang]}</span>
        </button>
      ))}
    </div>
  );
}
