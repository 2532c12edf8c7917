// Next decodes every path segment before it picks a route and answers a broken %-escape
// (/api/v1/workers/%E0%A4%A) with a plain-text 500 that no route handler ever sees. The proxy asks
// this first for /api/ paths, so such a request gets a problem+json 400 instead.

/** A 400 problem+json when a segment of the raw path is not valid percent-encoded UTF-8, else null. */
export function refuseUndecodablePath(rawPathname: string): Response | null {
  if (!rawPathname.includes('%')) return null;
  for (const segment of rawPathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return new Response(
        JSON.stringify({
          type: 'https://regwatch.example/problems/400',
          title: 'Bad request',
          status: 400,
          detail:
            'The path holds a broken %-escape. Percent-encode each path segment as UTF-8 (for example %D0%90).',
        }),
        {
          status: 400,
          headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
        },
      );
    }
  }
  return null;
}
