// Better Auth's endpoints: /api/auth/sign-in/username, /api/auth/sign-out, /api/auth/get-session, and
// for single sign-on /api/auth/sign-in/social and /api/auth/callback/oidc.
import { getAuth } from '@/lib/auth/server';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';
import { withProblemFallback } from '@/lib/server/problem';

export const dynamic = 'force-dynamic';

const handle = async (request: Request) => withProblemFallback(await getAuth().handler(request));

export const GET = handle;
export const POST = handle;
export const { PUT, PATCH, DELETE } = refuseOtherMethods('GET', 'POST');
