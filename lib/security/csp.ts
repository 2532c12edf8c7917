// The Content-Security-Policy of pages. Scripts run only from our origin or, inline, with the nonce
// minted for this one response (proxy.ts), so an injected <script> has nothing to run with. Next reads
// the nonce from the policy on the request and puts it on its own inline scripts; a page therefore has
// to be rendered per request, which every page here is (the root layout reads the language cookie).
// Inline styles stay allowed: React style props and Leaflet position elements with them.

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code for fast refresh. */
  dev: boolean;
  /** Raster tile server, when one is configured. */
  tileOrigin: string;
}

export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of a tile URL template such as https://{s}.tile.example/{z}/{x}/{y}.png, or ''. */
export function tileOriginOf(template: string | undefined): string {
  if (!template) return '';
  try {
    return new URL(template.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch {
    return '';
  }
}

export function buildPageCsp({ nonce, dev, tileOrigin }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
