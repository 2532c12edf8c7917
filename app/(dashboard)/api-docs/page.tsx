// A readable rendering of GET /api/v1/openapi.json: operations grouped by tag, each with method,
// path, roles, parameters, request body and responses. Built on the server from the same document,
// no external assets.
import type { Metadata } from 'next';
import { getLang } from '@/lib/i18n/server';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { HTTP_METHODS } from '@/lib/openapi/build';
import { OperationCard, type OperationEntry } from './operation-card';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'API' };

export default async function ApiDocsPage() {
  const lang = await getLang();
  const doc = buildOpenApiDocument();
  const byTag = new Map<string, OperationEntry[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">{lang === 'ru' ? 'Документация API' : 'API documentation'}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {doc.info.title} {doc.info.version} · OpenAPI {doc.openapi} ·{' '}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
        </p>
        <p className="mt-2 max-w-3xl text-sm">{doc.info.description}</p>
        <nav
          aria-label={lang === 'ru' ? 'Разделы' : 'Sections'}
          className="mt-4 flex flex-wrap gap-2 text-sm"
        >
          {doc.tags
            .filter((t) => byTag.has(t.name))
            .map((t) => (
              <a
                key={t.name}
                href={`#${slug(t.name)}`}
                className="rounded border px-2 py-1 hover:bg-slate-100"
              >
                {t.name}
              </a>
            ))}
        </nav>
      </header>
      {doc.tags
        .filter((t) => byTag.has(t.name))
        .map((t) => (
          <section key={t.name} id={slug(t.name)} aria-labelledby={`${slug(t.name)}-title`} className="mb-10">
            <h2 id={`${slug(t.name)}-title`} className="text-xl font-semibold">
              {t.name}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{t.description}</p>
            <div className="space-y-3">
              {(byTag.get(t.name) ?? []).map((entry) => (
                <OperationCard key={`${entry.method} ${entry.path}`} entry={entry} lang={lang} />
              ))}
            </div>
          </section>
        ))}
    </div>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
