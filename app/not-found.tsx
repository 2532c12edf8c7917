// 404 for any unknown address: say what may have happened and offer the way back.
import { FileQuestion } from 'lucide-react';
import { LinkButton } from '@/components/ui/button';
import { getDictionary } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getDictionary();
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-slate-50 px-6">
      <div className="flex max-w-lg flex-col items-center gap-3 text-center">
        <FileQuestion aria-hidden="true" className="size-10 text-slate-500" />
        <h1 className="text-xl font-semibold text-slate-900">{t.errors.notFoundTitle}</h1>
        <p className="text-sm text-slate-700">{t.errors.notFoundBody}</p>
        <LinkButton href="/" variant="primary" className="mt-2">
          {t.errors.backHome}
        </LinkButton>
      </div>
    </main>
  );
}
