// Security headers are set here once so every page and route gets them. Pages get their
// Content-Security-Policy from proxy.ts instead, because it carries a fresh script nonce per response;
// API answers (JSON, CSV, never HTML to run) get a policy that allows nothing at all.
const apiCsp = ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join(
  '; ',
);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // forbidden() in pages answers a real 403 (lib/ui/page-access.ts).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'geolocation=(), camera=(), microphone=()' },
        ],
      },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiCsp }] },
    ];
  },
};

export default nextConfig;
