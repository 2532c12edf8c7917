-- Officer accounts, sessions and sign-in throttling, stored through Better Auth's drizzle adapter
-- (lib/db/auth-schema.ts mirrors these tables). Names avoid Better Auth's generic `user`/`session`.
CREATE TABLE officers (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  email_verified boolean NOT NULL DEFAULT false,
  image text,
  username text UNIQUE,
  role text NOT NULL DEFAULT 'officer' CHECK (role IN ('officer', 'supervisor', 'auditor', 'admin')),
  okrugs text[] NOT NULL DEFAULT '{}',
  disabled boolean NOT NULL DEFAULT false,
  last_sign_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions: deleting a row signs the officer out everywhere that token was used.
CREATE TABLE officer_sessions (
  id text PRIMARY KEY,
  token text NOT NULL UNIQUE,
  user_id text NOT NULL REFERENCES officers (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  ip_address text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officer_sessions_user_idx ON officer_sessions (user_id);

-- One row per way to sign in: provider 'credential' holds the scrypt password hash, an OIDC
-- provider holds the subject and tokens.
CREATE TABLE officer_accounts (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  provider_id text NOT NULL,
  user_id text NOT NULL REFERENCES officers (id) ON DELETE CASCADE,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamptz,
  refresh_token_expires_at timestamptz,
  scope text,
  password text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officer_accounts_user_idx ON officer_accounts (user_id);
CREATE UNIQUE INDEX officer_accounts_provider_idx ON officer_accounts (provider_id, account_id);

-- OAuth state and other short-lived tokens.
CREATE TABLE auth_verifications (
  id text PRIMARY KEY,
  identifier text NOT NULL,
  value text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_verifications_identifier_idx ON auth_verifications (identifier);

-- Better Auth's request rate limiter, in the database so limits hold across restarts and instances.
CREATE TABLE auth_rate_limits (
  id text PRIMARY KEY,
  key text NOT NULL UNIQUE,
  count integer NOT NULL,
  last_request bigint NOT NULL
);

-- Failed sign-ins per (address, username) and per address, for the lockout after repeated failures.
CREATE TABLE auth_sign_in_failures (
  key text PRIMARY KEY,
  count integer NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL
);
