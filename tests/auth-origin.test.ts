import { describe, expect, it } from 'vitest';
import { createAuth, handleAuthRequest, resolveAuthSecret, type Auth } from '@/lib/auth/auth';
import { resolveCaller } from '@/lib/auth/caller';
import { createUser } from '@/lib/auth/users';
import { setupTestDatabase } from './helpers/db';

/*
 * Better Auth's own CSRF defence of its endpoints (app/api/auth): on, with the product's origin as
 * the only trusted one, even under vitest (where Better Auth would switch it off by itself).
 */

const t = await setupTestDatabase('auth_origin');
const db = t.db;
const ORIGIN = 'https://retention.example.org';
const BY = { label: 'test', userId: null };

const makeAuth = async (): Promise<Auth> =>
  createAuth(db, { secret: await resolveAuthSecret(db), baseURL: ORIGIN, rateLimit: { max: 0, windowSeconds: 60 }, logLevel: 'silent' });

async function signedInCookie(auth: Auth, email: string): Promise<string> {
  const created = await createUser(db, { email, role: 'ops', by: BY });
  const response = await handleAuthRequest(
    auth,
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email, password: created.oneTimePassword }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

const signOut = (auth: Auth, headers: Record<string, string>) =>
  handleAuthRequest(auth, new Request(`${ORIGIN}/api/auth/sign-out`, { method: 'POST', headers }));

describe("Better Auth's origin check", () => {
  it('trusts only the configured origin', async () => {
    const auth = await makeAuth();
    const context = await auth.$context;
    expect(context.trustedOrigins).toEqual([ORIGIN]);
    expect(context.skipOriginCheck).toBe(false);
    expect(context.skipCSRFCheck).toBe(false);
  });

  it('refuses a cookie-authenticated sign-out from another origin, Origin: null or none, and accepts its own', async () => {
    const auth = await makeAuth();
    const cookie = await signedInCookie(auth, 'origin-check@library.example');
    const attempts: Record<string, string>[] = [{ cookie, origin: 'https://evil.example' }, { cookie, origin: 'null' }, { cookie }];
    for (const headers of attempts) {
      const refused = await signOut(auth, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(await resolveCaller(db, auth, new Headers({ cookie })), 'the session lives on').not.toBeNull();
    }
    expect((await signOut(auth, { cookie, origin: ORIGIN })).status).toBe(200);
    expect(await resolveCaller(db, auth, new Headers({ cookie }))).toBeNull();
  });

  it('refuses a cross-site sign-in form post (Fetch Metadata)', async () => {
    const auth = await makeAuth();
    const created = await createUser(db, { email: 'cross-site@library.example', role: 'ops', by: BY });
    const response = await handleAuthRequest(
      auth,
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
        body: JSON.stringify({ email: 'cross-site@library.example', password: created.oneTimePassword }),
      }),
    );
    expect(response.status).toBe(403);
  });
});
