// Root document: language from the `lang` cookie, self-hosted Inter (Latin + Cyrillic), providers.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/cyrillic-400.css';
import '@fontsource/inter/cyrillic-500.css';
import '@fontsource/inter/cyrillic-600.css';
import '@fontsource/inter/cyrillic-700.css';
import './globals.css';
import { getDictionary, getLang } from '@/lib/i18n/server';
import { Providers } from './providers';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getDictionary();
  return {
    title: { default: t.meta.title, template: `%s · ${t.meta.title}` },
    description: t.meta.description,
    robots: { index: false, follow: false },
    icons: { icon: '/favicon.svg' },
  };
}

export const viewport: Viewport = {
  themeColor: '#0f172a',
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await getLang();
  const dictionary = await getDictionary();
  return (
    <html lang={lang}>
      <body className="min-h-dvh font-sans text-sm antialiased">
        <Providers lang={lang} dictionary={dictionary}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
