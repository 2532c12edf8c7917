// Better Auth's endpoints: /api/auth/sign-in/username, /api/auth/sign-out, /api/auth/get-session, and
// for single sign-on /api/auth/sign-in/social and /api/auth/callback/oidc. lib/auth/auth-route.ts
// refuses cross-site state changes, resolves the client address and keeps tokens out of JSON bodies.
import { handleAuthRequest } from '@/lib/auth/auth-route';
import { getAuth } from '@/lib/auth/server';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';
import { withProblemFallback } from '@/lib/server/problem';

export const dynamic = 'force-dynamic';

const handle = (request: Request) =>
  handleAuthRequest(request, async (forwarded) => withProblemFallback(await getAuth().handler(forwarded)));

export const GET = handle;
export const POST = handle;
export const { PUT, PATCH, DELETE } = refuseOtherMethods('GET', 'POST');
