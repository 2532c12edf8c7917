// GET /api/v1/openapi.json: the OpenAPI 3.1 document of every v1 route. Public like any API
// description: it holds no data, only shapes.
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { toResponse } from '@/lib/server/problem';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(): Promise<Response> {
  try {
    return Response.json(buildOpenApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
  } catch (error) {
    return toResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
