// 403 inside the dashboard: the page exists but this role may not open it. Keeps the shell, so the
// officer's own pages stay one click away.
import { ShieldOff } from 'lucide-react';
import { LinkButton } from '@/components/ui/button';
import { getDictionary } from '@/lib/i18n/server';

export default async function Forbidden() {
  const t = await getDictionary();
  return (
    <div className="flex min-h-[60dvh] items-center justify-center px-6">
      <div className="flex max-w-lg flex-col items-center gap-3 text-center">
        <ShieldOff aria-hidden="true" className="size-10 text-slate-500" />
        <h1 className="text-xl font-semibold text-slate-900">{t.errors.forbiddenTitle}</h1>
        <p className="text-sm text-slate-700">{t.errors.forbiddenBody}</p>
        <LinkButton href="/" variant="primary" className="mt-2">
          {t.errors.backHome}
        </LinkButton>
      </div>
    </div>
  );
}
