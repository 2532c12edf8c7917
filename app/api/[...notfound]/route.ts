// ANY /api/... that matches no route - a problem+json 404 instead of Next's HTML not-found page.
import { problem } from '@/lib/server/problem';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function notFound(): Response {
  return problem(404, 'There is no API at this path. The v1 paths are listed in /api/v1/openapi.json.');
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
