// What happens around Better Auth's own endpoints: a disabled account cannot start a session, repeated
// failures lock sign-in for a while, and sign-in, failure and sign-out are written to the audit log.
import 'server-only';
import { eq } from 'drizzle-orm';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import type { Db } from '@/lib/db/client';
import { officers } from '@/lib/db/auth-schema';
import { auditLog } from '@/lib/db/schema';
import { recordAudit } from '@/lib/server/audit';
import type { OfficerContext } from '@/lib/server/officer-context';
import type { LockoutLimits } from './lockout';
import { takeSsoRole } from './oidc';
import { toOfficerContext } from './officer-row';
import { addressKey, clientAddressOf } from './client-address';
import { clearFailures, findLockout, recordFailure } from './throttle';

export const SIGN_IN_PATH = '/sign-in/username';
export const ACCOUNT_DISABLED_CODE = 'ACCOUNT_DISABLED';
export const LOCKED_CODE = 'TOO_MANY_FAILED_SIGN_INS';

async function findOfficer(db: Db, where: { id?: string; username?: string }) {
  const condition = where.id ? eq(officers.id, where.id) : eq(officers.username, where.username ?? '');
  const [row] = await db.select().from(officers).where(condition).limit(1);
  return row ?? null;
}

function requestHeaders(ctx: { request?: Request; headers?: Headers }): Headers {
  return ctx.request?.headers ?? ctx.headers ?? new Headers();
}

/** The lockout's notion of where an attempt came from (see ./client-address.ts). */
function attemptAddress(ctx: { request?: Request; headers?: Headers }): string {
  return addressKey(clientAddressOf(requestHeaders(ctx)));
}

function bodyUsername(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('username' in body)) return '';
  return typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
}

async function auditSignInFailure(db: Db, username: string, reason: string) {
  const target = username ? await findOfficer(db, { username }) : null;
  // The actor is unknown; the attempted name is not stored (people type passwords into it).
  await db.insert(auditLog).values({
    actorId: 'anonymous',
    actorName: 'anonymous',
    actorRole: 'anonymous',
    action: 'auth.sign_in_failed',
    targetType: target ? 'officer' : null,
    targetId: target?.id ?? null,
    detail: { reason, method: 'password' },
  });
}

export function createSessionHooks(db: Db) {
  return {
    user: {
      create: {
        // Accounts made here come only from single sign-on (password accounts are inserted by the
        // admin service): they start without okrugs, as an officer unless the role claim says otherwise.
        before: async (user: { email: string } & Record<string, unknown>) => ({
          data: { ...user, role: takeSsoRole(user.email) ?? 'officer', okrugs: [], disabled: false },
        }),
      },
    },
    session: {
      create: {
        before: async (session: { userId: string }) => {
          const row = await findOfficer(db, { id: session.userId });
          if (!row || row.disabled) {
            throw new APIError('FORBIDDEN', {
              code: ACCOUNT_DISABLED_CODE,
              message: 'This account is disabled. Ask an administrator to enable it.',
            });
          }
        },
        after: async (session: { userId: string }, ctx: { path?: string } | null) => {
          const now = new Date();
          await db.update(officers).set({ lastSignInAt: now }).where(eq(officers.id, session.userId));
          const row = await findOfficer(db, { id: session.userId });
          const officer = row ? toOfficerContext(row) : null;
          if (!officer) return;
          const method = ctx?.path === SIGN_IN_PATH ? 'password' : 'oidc';
          await recordAudit(db, {
            officer,
            action: 'auth.sign_in',
            targetType: 'officer',
            targetId: officer.officerId,
            detail: { method },
          });
        },
      },
    },
  };
}

export function createAuthHooks(db: Db, limits: LockoutLimits) {
  const signingOut = new WeakMap<Request, OfficerContext>();
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path === SIGN_IN_PATH) {
        const username = bodyUsername(ctx.body);
        const { lockedSeconds: wait, delayMs } = await findLockout(db, attemptAddress(ctx), username, limits);
        if (wait > 0) {
          await auditSignInFailure(db, username, 'locked');
          throw new APIError(
            'TOO_MANY_REQUESTS',
            {
              code: LOCKED_CODE,
              message: `Too many failed sign-in attempts. Try again in ${wait} seconds.`,
            },
            { 'Retry-After': String(wait), 'X-Retry-After': String(wait) },
          );
        }
        // Many addresses failing on one username: answer slowly, but still answer.
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      if (ctx.path === '/sign-out' && ctx.request) {
        const session = await getSessionFromCtx(ctx).catch(() => null);
        const row = session ? await findOfficer(db, { id: session.user.id }) : null;
        const officer = row ? toOfficerContext({ ...row, disabled: false }) : null;
        if (officer) signingOut.set(ctx.request, officer);
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      const returned: unknown = ctx.context.returned;
      const failed = isAPIError(returned);
      if (ctx.path === SIGN_IN_PATH) {
        const username = bodyUsername(ctx.body);
        const address = attemptAddress(ctx);
        if (!failed) {
          await clearFailures(db, address, username, limits);
        } else if (returned.statusCode === 401) {
          await recordFailure(db, address, username, limits);
          await auditSignInFailure(db, username, 'invalid_credentials');
        } else if (returned.body?.code === ACCOUNT_DISABLED_CODE) {
          await auditSignInFailure(db, username, 'disabled');
        }
      }
      if (ctx.path === '/sign-out' && ctx.request && !failed) {
        const officer = signingOut.get(ctx.request);
        if (officer) {
          await recordAudit(db, {
            officer,
            action: 'auth.sign_out',
            targetType: 'officer',
            targetId: officer.officerId,
          });
        }
      }
    }),
  };
}
