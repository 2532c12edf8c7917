// Drizzle view of lib/db/migrations/0002_auth.sql, handed to Better Auth's drizzle adapter. Property
// names are Better Auth's field names; the SQL columns are snake_case.
import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const officers = pgTable('officers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  username: text('username').unique(),
  role: text('role').notNull().default('officer'),
  okrugs: text('okrugs').array().notNull().default([]),
  disabled: boolean('disabled').notNull().default(false),
  lastSignInAt: tz('last_sign_in_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const officerSessions = pgTable(
  'officer_sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    expiresAt: tz('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('officer_sessions_user_idx').on(t.userId)],
);

export const officerAccounts = pgTable(
  'officer_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: tz('access_token_expires_at'),
    refreshTokenExpiresAt: tz('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('officer_accounts_provider_idx').on(t.providerId, t.accountId),
    index('officer_accounts_user_idx').on(t.userId),
  ],
);

export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_verifications_identifier_idx').on(t.identifier)],
);

export const authRateLimits = pgTable('auth_rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

export const authSignInFailures = pgTable('auth_sign_in_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  firstAt: tz('first_at').notNull(),
  lastAt: tz('last_at').notNull(),
});

/** Keyed by the model names configured in lib/auth/server.ts, as the drizzle adapter looks them up. */
export const betterAuthTables = {
  officers,
  officer_sessions: officerSessions,
  officer_accounts: officerAccounts,
  auth_verifications: authVerifications,
  auth_rate_limits: authRateLimits,
};
