// The key that signs session cookies. Production sets BETTER_AUTH_SECRET (the same value on every
// instance); without it, one is generated once and kept in .data/auth-secret so a restart does not
// sign everybody out. The file is under .data/, which git ignores.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { EnvVars } from './env';

const MIN_LENGTH = 32;

export function resolveSecretFile(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.AUTH_SECRET_FILE ?? '.data/auth-secret');
}

export function resolveAuthSecret(env: EnvVars = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH) {
      throw new Error(
        `BETTER_AUTH_SECRET must be at least ${MIN_LENGTH} characters (try: openssl rand -base64 48).`,
      );
    }
    return fromEnv;
  }
  return readOrCreateSecretFile(resolveSecretFile());
}

function readOrCreateSecretFile(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= MIN_LENGTH) return existing;
  } catch {
    // Missing: created below.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    // 'wx' fails when another process won the race; then its secret is the one to use.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  }
}
