// Who is on the other end of a sign-in attempt, for the lockout and Better Auth's rate limiter.
// The direct peer is the socket address (stamped by ./peer-stamp.ts, since Next hands route handlers no
// socket). X-Forwarded-For is believed only when that peer is a proxy listed in TRUSTED_PROXIES; from
// anyone else it is a claim the client made up, and ignoring it is what stops an attacker rotating it.
import 'server-only';
import { BlockList, isIP } from 'node:net';
import type { EnvVars } from './env';

/** Request header carrying the socket peer address; any value a client sends is overwritten. */
export const PEER_HEADER = 'x-regwatch-peer';
/** Request header our auth route sets to the resolved client address, for Better Auth to key on. */
export const CLIENT_HEADER = 'x-regwatch-client';
export const UNKNOWN_ADDRESS = 'unknown';

export interface TrustedProxies {
  matches(address: string): boolean;
  /** Entries that are neither an address nor a CIDR range (ignored, reported at start-up). */
  invalid: string[];
}

/** An IP address in one spelling: IPv4-mapped IPv6 as plain IPv4, IPv6 lower-case; null if not an IP. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let text = value?.trim() ?? '';
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped?.[1]) text = mapped[1];
  const version = isIP(text);
  if (version === 4) return text;
  if (version === 6) return text.toLowerCase();
  return null;
}

/** Reads TRUSTED_PROXIES: comma-separated addresses and CIDR ranges, IPv4 or IPv6. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const invalid: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [host, prefixText, extra] = entry.split('/');
    const address = normalizeAddress(host);
    const family = address && isIP(address) === 6 ? 'ipv6' : 'ipv4';
    const maxPrefix = family === 'ipv6' ? 128 : 32;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    const validPrefix = /^\d{1,3}$/.test(prefixText ?? '0') && prefix <= maxPrefix;
    if (!address || extra !== undefined || !validPrefix) {
      invalid.push(entry);
      continue;
    }
    list.addSubnet(address, prefix, family);
  }
  return {
    invalid,
    matches: (candidate) => {
      const address = normalizeAddress(candidate);
      if (!address) return false;
      return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client address: the peer itself unless the peer is a trusted proxy; then X-Forwarded-For is
 * walked from the right (each proxy appends the address it saw) past trusted hops to the first
 * address that is not one of ours. A chain made only of trusted hops yields its left-most entry.
 */
export function resolveClientAddress(
  peer: string | null,
  forwardedFor: string | null,
  trusted: TrustedProxies,
): string {
  const direct = normalizeAddress(peer);
  if (!direct) return UNKNOWN_ADDRESS;
  if (!trusted.matches(direct) || !forwardedFor) return direct;
  const hops = forwardedFor
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  let client = direct;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed entry means the chain cannot be read past this point: keep the last good hop.
    if (!hop) break;
    client = hop;
    if (!trusted.matches(hop)) break;
  }
  return client;
}

let trustedCache: { source: string | undefined; value: TrustedProxies } | null = null;

function trustedProxies(env: EnvVars): TrustedProxies {
  if (trustedCache && trustedCache.source === env.TRUSTED_PROXIES) return trustedCache.value;
  const value = parseTrustedProxies(env.TRUSTED_PROXIES);
  if (value.invalid.length > 0) {
    console.warn(`[auth] TRUSTED_PROXIES: ignoring ${value.invalid.length} malformed entries`);
  }
  trustedCache = { source: env.TRUSTED_PROXIES, value };
  return value;
}

let warnedNoPeer = false;

/** The client address of a request that came through our HTTP server. */
export function clientAddressOf(headers: Headers, env: EnvVars = process.env): string {
  const peer = headers.get(PEER_HEADER);
  if (peer === null) {
    // Without the stamp (a server started some other way) the only hint is the X-Forwarded-For that
    // Next fills from the socket when the client sent none; its right-most entry is the best guess.
    if (!warnedNoPeer) {
      console.warn('[auth] no peer address on the request; falling back to X-Forwarded-For');
      warnedNoPeer = true;
    }
    const last = headers.get('x-forwarded-for')?.split(',').at(-1);
    return normalizeAddress(last) ?? UNKNOWN_ADDRESS;
  }
  return resolveClientAddress(peer, headers.get('x-forwarded-for'), trustedProxies(env));
}

/**
 * The address as a lockout key. One IPv6 subscriber usually holds a whole /64, so counting single
 * IPv6 addresses would let one attacker step around the per-address limit.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}
