// Better Auth's endpoints: /api/auth/sign-in/username, /api/auth/sign-out, /api/auth/get-session, and
// for single sign-on /api/auth/sign-in/social and /api/auth/callback/oidc.
import { getAuth } from '@/lib/auth/server';

export const dynamic = 'force-dynamic';

const handle = (request: Request) => getAuth().handler(request);

export const GET = handle;
export const POST = handle;
