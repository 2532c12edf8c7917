'use client';
// Browser-side context for every page: one QueryClient per tab and the current language's strings.
import '@/lib/security/zod-jitless';
import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@/lib/i18n/client';
import type { Dictionary, Lang } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/ui/query-client';

export function Providers({
  lang,
  dictionary,
  children,
}: {
  lang: Lang;
  dictionary: Dictionary;
  children: ReactNode;
}) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang} dictionary={dictionary}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
