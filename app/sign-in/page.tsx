// The sign-in page: username + password, and single sign-on when OIDC is configured. An officer who is
// already signed in goes straight on to `next`.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ShieldCheck } from 'lucide-react';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInStrings } from '@/components/auth/sign-in-strings';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { readOidcSettings } from '@/lib/auth/oidc';
import { safeNextPath } from '@/lib/auth/paths';
import { getLang } from '@/lib/i18n/server';
import { getOfficer } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: signInStrings(await getLang()).title };
}

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const next = safeNextPath(single(params.next));
  if (await getOfficer()) redirect(next);
  const lang = await getLang();
  const { sso, ...strings } = signInStrings(lang);
  const oidc = readOidcSettings();
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-100 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex justify-end">
          <LanguageSwitch />
        </div>
        <section
          aria-labelledby="sign-in-title"
          className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        >
          <div className="mb-5 flex items-start gap-3">
            <ShieldCheck aria-hidden="true" className="mt-0.5 size-7 shrink-0 text-blue-700" />
            <div>
              <h1 id="sign-in-title" className="text-lg font-semibold text-slate-900">
                {strings.title}
              </h1>
              <p className="mt-1 text-sm text-slate-600">{strings.subtitle}</p>
            </div>
          </div>
          <SignInForm
            strings={strings}
            next={next}
            ssoLabel={oidc ? sso.replace('{name}', oidc.name) : null}
            initialError={single(params.error) === 'sso' ? 'sso' : null}
          />
        </section>
        <p className="mt-4 text-center text-xs text-slate-600">{strings.noAccount}</p>
      </div>
    </main>
  );
}
