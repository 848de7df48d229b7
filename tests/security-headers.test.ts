import { describe, expect, it } from 'vitest';
import {
  HSTS_VALUE,
  isApiPath,
  makeNonce,
  pageContentSecurityPolicy,
  runtimeSecurityHeaders,
  STATIC_CONTENT_SECURITY_POLICY,
  strictTransportSecurity,
} from '@/lib/security-headers';

/* The run-time security headers proxy.ts sets (lib/security-headers.ts). */

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('the page CSP', () => {
  it("allows scripts by nonce and 'strict-dynamic', never 'unsafe-inline', and keeps the fixed directives", () => {
    const csp = pageContentSecurityPolicy('abc123==', { isDev: false });
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(csp, 'script-src')).not.toContain('unsafe');
    for (const fixed of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) expect(csp).toContain(fixed);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
  });

  it("adds 'unsafe-eval' and the dev websocket only under next dev", () => {
    const csp = pageContentSecurityPolicy('n', { isDev: true });
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws: wss:");
  });

  it('makes a fresh nonce each time, of base64 characters Next recognises', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => makeNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('runtimeSecurityHeaders', () => {
  it('gives a page the nonce CSP and the API the static one', () => {
    const page = runtimeSecurityHeaders({ pathname: '/cleanup', publicOrigin: undefined, isDev: false, nonce: 'xyz' });
    expect(page.nonce).toBe('xyz');
    expect(page.contentSecurityPolicy).toBe(pageContentSecurityPolicy('xyz', { isDev: false }));
    for (const pathname of ['/api/v1/settings', '/api/health', '/api', '/metrics']) {
      const api = runtimeSecurityHeaders({ pathname, publicOrigin: undefined, isDev: false });
      expect(api, pathname).toEqual({ contentSecurityPolicy: STATIC_CONTENT_SECURITY_POLICY, nonce: null, strictTransportSecurity: null });
    }
    expect(isApiPath('/apiary')).toBe(false);
    expect(isApiPath('/metrics-help')).toBe(false);
  });

  it('sends HSTS only when AUTH_URL is https', () => {
    expect(strictTransportSecurity('https://retention.example.org')).toBe('max-age=63072000; includeSubDomains');
    expect(strictTransportSecurity('http://retention.example.org')).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
    expect(runtimeSecurityHeaders({ pathname: '/', publicOrigin: 'https://retention.example.org', isDev: false }).strictTransportSecurity).toBe(HSTS_VALUE);
    expect(runtimeSecurityHeaders({ pathname: '/api/health', publicOrigin: 'https://retention.example.org', isDev: false }).strictTransportSecurity).toBe(HSTS_VALUE);
    expect(runtimeSecurityHeaders({ pathname: '/', publicOrigin: 'http://localhost:3000', isDev: false }).strictTransportSecurity).toBeNull();
  });
});
