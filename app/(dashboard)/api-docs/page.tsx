// A readable rendering of GET /api/v1/openapi.json: operations grouped by tag, each with method,
// path, roles, parameters, request body and responses. Built on the server from the same document,
// no external assets.
import type { Metadata } from 'next';
import { getDictionary } from '@/lib/i18n/server';
import type { Dictionary } from '@/lib/i18n';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { HTTP_METHODS } from '@/lib/openapi/build';
import { InlineCode, OperationCard, type OperationEntry } from './operation-card';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDictionary()).officerView.apiDocs.title };
}

export default async function ApiDocsPage() {
  const t = await getDictionary();
  const text = t.officerView.apiDocs;
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
        <h1 className="text-2xl font-semibold">{text.title}</h1>
        <p className="mt-2 text-sm text-slate-600" translate="no">
          {doc.info.title} {doc.info.version} · OpenAPI {doc.openapi} ·{' '}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
        </p>
        <p className="mt-2 max-w-3xl text-sm">
          <InlineCode text={text.intro} />
        </p>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{text.sourceNote}</p>
        <nav aria-label={text.sections} className="mt-4 flex flex-wrap gap-2 text-sm">
          {doc.tags
            .filter((tag) => byTag.has(tag.name))
            .map((tag) => (
              <a
                key={tag.name}
                href={`#${slug(tag.name)}`}
                className="rounded border px-2 py-1 hover:bg-slate-100"
              >
                {tagText(text, tag.name).name}
              </a>
            ))}
        </nav>
      </header>
      {doc.tags
        .filter((tag) => byTag.has(tag.name))
        .map((tag) => (
          <section
            key={tag.name}
            id={slug(tag.name)}
            aria-labelledby={`${slug(tag.name)}-title`}
            className="mb-10"
          >
            <h2 id={`${slug(tag.name)}-title`} className="text-xl font-semibold">
              {tagText(text, tag.name).name}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{tagText(text, tag.name).description}</p>
            <div className="space-y-3">
              {(byTag.get(tag.name) ?? []).map((entry) => (
                <OperationCard
                  key={`${entry.method} ${entry.path}`}
                  entry={entry}
                  text={text}
                  roles={t.roles}
                />
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

type ApiDocsText = Dictionary['officerView']['apiDocs'];

/** Section names in the interface language; a tag the dictionary does not know shows as is. */
function tagText(text: ApiDocsText, name: string): { name: string; description: string } {
  const known = Object.entries(text.tags).find(([key]) => key === name)?.[1];
  return known ?? { name, description: '' };
}
