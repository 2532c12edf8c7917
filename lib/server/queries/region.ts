// Basemap GeoJSON answers: serialised once per process, with an ETag, and cacheable for a day by the
// browser only (private: the routes sit behind a session).
import 'server-only';
import { createHash } from 'node:crypto';

const cache = new WeakMap<object, { body: string; etag: string }>();

export function regionJson(req: Request, collection: object): Response {
  let entry = cache.get(collection);
  if (!entry) {
    const body = JSON.stringify(collection);
    entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    cache.set(collection, entry);
  }
  const headers = {
    'cache-control': 'private, max-age=86400, stale-while-revalidate=604800',
    etag: entry.etag,
  };
  if (req.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
  return new Response(entry.body, {
    headers: { ...headers, 'content-type': 'application/geo+json; charset=utf-8' },
  });
}
