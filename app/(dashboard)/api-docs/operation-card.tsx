// One API operation on the docs page: method and path, roles, parameters, body and responses.
import type { HttpMethod, JsonSchema, OpenApiOperation } from '@/lib/openapi/build';
import { describeType, listFields } from '@/lib/openapi/describe';
import { fill, type Dictionary } from '@/lib/i18n';

type ApiDocsText = Dictionary['officerView']['apiDocs'];
type RoleNames = Dictionary['roles'];

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  op: OpenApiOperation;
}

const METHOD_STYLE: Record<HttpMethod, string> = {
  get: 'bg-blue-100 text-blue-900',
  post: 'bg-green-100 text-green-900',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

export function OperationCard({
  entry,
  text,
  roles,
}: {
  entry: OperationEntry;
  text: ApiDocsText;
  roles: RoleNames;
}) {
  const { op, method, path } = entry;
  const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
  // Roles are shown on their own line below, so the sentence the JSON document carries is dropped.
  const description = op.description?.replace(/\s*Roles: [^\n]*$/, '').trim();
  return (
    <article id={op.operationId} className="rounded-md border p-4">
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span
          className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_STYLE[method]}`}
          translate="no"
        >
          {method}
        </span>
        <span className="break-all" translate="no">
          {path}
        </span>
      </h3>
      <p className="mt-1 font-medium" lang="en">
        {op.summary}
      </p>
      {description ? (
        <p className="mt-1 text-sm text-slate-600" lang="en">
          <InlineCode text={description} />
        </p>
      ) : null}
      <p className="mt-1 text-xs">
        {text.access}: <InlineCode text={accessText(op, text, roles)} />
      </p>
      {op.parameters?.length ? (
        <Fields
          title={text.parameters}
          rows={op.parameters.map((p) => ({
            path: `${p.name} (${p.in})`,
            type: describeType(p.schema),
            required: p.required,
            description: p.description,
          }))}
          text={text}
        />
      ) : null}
      {body ? (
        <SchemaBlock title={text.requestBody} media={body[0]} schema={body[1].schema} text={text} />
      ) : null}
      <h4 className="mt-3 text-sm font-semibold">{text.responses}</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {Object.entries(op.responses).map(([status, response]) => {
          const content = response.content ? Object.entries(response.content)[0] : undefined;
          return (
            <li key={status}>
              <span className="font-mono font-semibold">{status}</span>{' '}
              <span lang="en">
                <InlineCode text={response.description} />
              </span>
              {content ? (
                <span className="text-slate-600">
                  {' · '}
                  <code>{content[0]}</code>
                </span>
              ) : null}
              {content && Number(status) < 400 && hasShape(content[1].schema) ? (
                <SchemaBlock title={text.responseFields} schema={content[1].schema} text={text} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

/** `code` spans of the descriptions as <code>, everything else as text. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

function accessText(op: OpenApiOperation, text: ApiDocsText, roleNames: RoleNames): string {
  const scheme = Object.keys(op.security[0] ?? {})[0];
  if (!scheme) return text.noSignIn;
  if (scheme === 'session') {
    const roles = op['x-roles']?.map((r) => roleName(roleNames, r)).join(', ') ?? text.anyRole;
    return fill(text.officerSession, { roles });
  }
  return fill(text.deviceToken, { scheme });
}

function roleName(names: RoleNames, role: string): string {
  return Object.entries(names).find(([key]) => key === role)?.[1] ?? role;
}

function hasShape(schema: JsonSchema): boolean {
  return listFields(schema).length > 0;
}

function SchemaBlock({
  title,
  media,
  schema,
  text,
}: {
  title: string;
  media?: string;
  schema: JsonSchema;
  text: ApiDocsText;
}) {
  const rows = listFields(schema);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-semibold">
        {title}
        {media ? (
          <>
            {' · '}
            <code className="font-normal">{media}</code>
          </>
        ) : null}
      </summary>
      {rows.length > 0 ? <Fields title="" rows={rows} text={text} /> : null}
      <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs">
        {JSON.stringify(schema, null, 2)}
      </pre>
    </details>
  );
}

function Fields({
  title,
  rows,
  text,
}: {
  title: string;
  rows: { path: string; type: string; required: boolean; description?: string }[];
  text: ApiDocsText;
}) {
  return (
    <div className="mt-2 overflow-x-auto">
      {title ? <h4 className="text-sm font-semibold">{title}</h4> : null}
      <table className="mt-1 w-full text-left text-xs">
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-1 pr-3">
              {text.name}
            </th>
            <th scope="col" className="py-1 pr-3">
              {text.type}
            </th>
            <th scope="col" className="py-1 pr-3">
              {text.required}
            </th>
            <th scope="col" className="py-1">
              {text.description}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.path} className="border-b align-top last:border-0">
              <td className="py-1 pr-3 font-mono" translate="no">
                {r.path}
              </td>
              <td className="py-1 pr-3 font-mono break-words" translate="no">
                {r.type}
              </td>
              <td className="py-1 pr-3">{r.required ? text.yes : ''}</td>
              <td className="py-1" lang="en">
                <InlineCode text={r.description ?? ''} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
