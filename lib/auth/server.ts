// Better Auth for officers: username + password (scrypt hashes), optional OpenID Connect, sessions in
// the database behind an httpOnly SameSite=Lax cookie. Accounts are made by admins only
// (lib/server/officers.ts); every public sign-up path is switched off.
import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { username } from 'better-auth/plugins/username';
import { type Db, getDb } from '@/lib/db/client';
import { betterAuthTables } from '@/lib/db/auth-schema';
import { createAuthHooks, createSessionHooks } from './hooks';
import { readLockoutLimits } from './lockout';
import { discoveryUrl, OIDC_PROVIDER_ID, readOidcSettings, rememberSsoRole, roleFromClaims } from './oidc';
import { CLIENT_HEADER } from './client-address';
import { allowedOrigins, configuredOrigins } from './origins';
import { resolveAuthSecret } from './secret';

import type { EnvVars } from './env';

export const SESSION_COOKIE_PREFIX = 'regwatch';
const SESSION_HOURS = 12;

// Everything Better Auth offers beyond signing in and out stays closed: accounts, names, roles and
// passwords change only through the audited admin API.
const DISABLED_PATHS = [
  '/sign-up/email',
  '/sign-in/email',
  '/update-user',
  '/change-email',
  '/change-password',
  '/delete-user',
  '/delete-user/callback',
  '/request-password-reset',
  '/reset-password',
  '/forget-password',
  '/send-verification-email',
  '/verify-email',
  '/link-social',
  '/unlink-account',
  '/is-username-available',
  '/refresh-token',
  '/get-access-token',
  '/account-info',
];

export function isSecureDeployment(env: EnvVars = process.env): boolean {
  return (env.BETTER_AUTH_URL ?? '').startsWith('https://');
}

export function createAuth(db: Db) {
  const oidc = readOidcSettings();
  const limits = readLockoutLimits();
  return betterAuth({
    appName: 'RegWatch',
    // Better Auth logs a failed query with its parameters (session tokens, usernames): keep the
    // first line of the message only, without anything after "params".
    logger: {
      log: (level, message) => {
        const line =
          String(message)
            .split('\n')[0]
            ?.split(/params:/i)[0]
            ?.slice(0, 160) ?? '';
        console.error(`[auth] ${level}: ${line}`);
      },
    },
    baseURL: process.env.BETTER_AUTH_URL || undefined,
    secret: resolveAuthSecret(),
    database: drizzleAdapter(db, { provider: 'pg', schema: betterAuthTables }),
    user: {
      modelName: 'officers',
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'officer', input: false },
        okrugs: { type: 'string[]', required: false, defaultValue: [], input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
        lastSignInAt: { type: 'date', required: false, input: false },
      },
    },
    session: {
      modelName: 'officer_sessions',
      expiresIn: SESSION_HOURS * 3600,
      updateAge: 3600,
      // No cookie cache: every request reads the session row, so a revoked session ends at once.
      cookieCache: { enabled: false },
    },
    account: { modelName: 'officer_accounts', accountLinking: { enabled: false } },
    verification: { modelName: 'auth_verifications' },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      window: 60,
      max: 600,
      // A flood cap per address; repeated failures are handled by the lockout in ./hooks.ts.
      customRules: { '/sign-in/*': { window: 60, max: Number(process.env.AUTH_SIGN_IN_PER_MINUTE) || 60 } },
    },
    trustedOrigins: async (request) => (request ? allowedOrigins(request.headers) : configuredOrigins()),
    disabledPaths: DISABLED_PATHS,
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: isSecureDeployment(),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // Explicit, because Better Auth skips origin checks when NODE_ENV is 'test'.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      // Set by lib/auth/auth-route.ts from the socket peer and TRUSTED_PROXIES; a client cannot forge it.
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
    },
    databaseHooks: createSessionHooks(db),
    hooks: createAuthHooks(db, limits),
    telemetry: { enabled: false },
    plugins: [
      username({
        minUsernameLength: 3,
        maxUsernameLength: 40,
        displayUsername: false,
        immutableUsername: true,
      }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: oidc.name,
                  discoveryUrl: discoveryUrl(oidc),
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ['openid', 'profile', 'email'],
                  pkce: true,
                  // The OIDC subject. When an ID token came too, Better Auth has already checked that
                  // the userinfo `sub` equals the verified token's.
                  accountSubject: ({ profile }) => String(profile.sub ?? profile.id ?? ''),
                  mapProfileToUser: (profile) => {
                    rememberSsoRole(profile.email, roleFromClaims(profile, oidc.roleClaim));
                    return {};
                  },
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One instance per process, like the database handle it writes through.
const authKey = Symbol.for('regwatch.auth');
type GlobalWithAuth = typeof globalThis & { [authKey]?: Auth };

export function getAuth(): Auth {
  const g = globalThis as GlobalWithAuth;
  g[authKey] ??= createAuth(getDb());
  return g[authKey];
}
