/*
 * Sign-in safety (issue 11): the client address the rate limit keys on cannot be chosen by the
 * client (X-Forwarded-For is believed only from TRUSTED_PROXIES), failed attempts per e-mail
 * address slow guessing down without locking the real user out for long, and one-time passwords
 * expire after 72 hours. Against the real database and Better Auth's own HTTP handler.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { rateLimits, signInFailures, users } from '@/db/schema';
import { handleAuthRequest, type Auth } from '@/lib/auth/auth';
import { OneTimePasswordExpiredError } from '@/lib/auth/errors';
import { MAX_SIGN_IN_DELAY_SECONDS, recordSignInFailure, signInDelaySeconds } from '@/lib/auth/sign-in-failures';
import { changeOwnPassword, createUser, ensureDemoLogins, DEMO_PASSWORD, resetPassword } from '@/lib/auth/users';
import { parseTrustedProxies, resolveClientAddress, withClientAddress, type TrustedProxies } from '@/lib/http/client-address';
import { signIn as signInAction } from '@/server/actions/sign-in';
import { makeTestAuth, signInRequest } from './helpers/auth-requests';
import { setupTestDatabase } from './helpers/db';
import { form, pointServerAtDatabase, runAs } from './helpers/next-request';

const t = await setupTestDatabase('sign_in_safety');
const db = t.db;
pointServerAtDatabase(t.url);
const BY = { label: 'test admin', userId: null };
const ORIGIN = 'http://localhost:3000';
const NONE = parseTrustedProxies('');

const makeAuth = (rateLimitMax = 0): Promise<Auth> => makeTestAuth(db, rateLimitMax);
const signIn = signInRequest;

async function failureRow(email: string) {
  const rows = await db
    .select({
      failures: signInFailures.failures,
      delay: sql<number | null>`extract(epoch from (${signInFailures.blockedUntil} - ${signInFailures.lastFailureAt}))::float`,
    })
    .from(signInFailures)
    .where(eq(signInFailures.email, email));
  return rows[0];
}

/** Lets an address's wait pass at once (instead of sleeping through it). */
async function endWait(email: string) {
  await db.update(signInFailures).set({ blockedUntil: sql`now() - interval '1 second'` }).where(eq(signInFailures.email, email));
}

describe('the client address', () => {
  it('is the connection’s own address unless it comes from a trusted proxy', () => {
    expect(resolveClientAddress('203.0.113.5', '198.51.100.1', NONE)).toBe('203.0.113.5');
    expect(resolveClientAddress('::ffff:203.0.113.5', ['198.51.100.1', '198.51.100.2'], NONE)).toBe('203.0.113.5');
    const local = parseTrustedProxies('127.0.0.1');
    expect(resolveClientAddress('203.0.113.5', '198.51.100.1', local)).toBe('203.0.113.5');
  });

  it('behind trusted proxies is the right-most address that is not a trusted proxy', () => {
    const trusted = parseTrustedProxies(' 127.0.0.1 , 10.0.0.0/8,fd00::/8 ');
    // The client wrote "forged"; the proxies appended what they saw, right-most last.
    expect(resolveClientAddress('127.0.0.1', '192.0.2.66, 203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(resolveClientAddress('127.0.0.1', '192.0.2.66, 203.0.113.7, 10.1.2.3', trusted)).toBe('203.0.113.7');
    expect(resolveClientAddress('::ffff:127.0.0.1', ['192.0.2.66', '203.0.113.7, fd00::5'], trusted)).toBe('203.0.113.7');
    expect(resolveClientAddress('127.0.0.1', '2001:DB8::1', trusted)).toBe('2001:db8::1');
    // Only trusted hops: the left-most one seen; no header: the proxy itself.
    expect(resolveClientAddress('127.0.0.1', '10.0.0.9', trusted)).toBe('10.0.0.9');
    expect(resolveClientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    // Garbage stops the walk at the address to its right.
    expect(resolveClientAddress('127.0.0.1', '203.0.113.7, not-an-ip', trusted)).toBe('127.0.0.1');
  });

  it('refuses a TRUSTED_PROXIES entry that is no address or range, naming it', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies('127.0.0.1,proxy.example')).toThrow(/proxy\.example/);
    expect(() => parseTrustedProxies('::1/200')).toThrow(/::1\/200/);
    expect(parseTrustedProxies(' , ').isEmpty).toBe(true);
  });

  /** A server like scripts/serve.ts: the product's header rewrite, then Better Auth's handler (instead of Next's). */
  async function startServer(auth: Auth, trusted: TrustedProxies): Promise<string> {
    const server = http.createServer(
      withClientAddress(trusted, async (req: http.IncomingMessage, res: http.ServerResponse) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const response = await handleAuthRequest(auth, new Request(`${ORIGIN}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const post = (base: string, headers: Record<string, string>) =>
    fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: JSON.stringify({ email: 'nobody@library.example', password: 'some guess or other' }),
    });

  const keys = async () => (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).sort();

  it('a forged X-Forwarded-For from an untrusted peer gets no fresh rate-limit bucket', async () => {
    await db.delete(rateLimits).where(sql`true`);
    const base = await startServer(await makeAuth(2), NONE);
    const statuses: number[] = [];
    for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4, 198.51.100.5'])
      statuses.push((await post(base, { 'x-forwarded-for': forged, 'x-real-ip': forged })).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
    expect(await keys()).toEqual(['127.0.0.1|/sign-in/email']);
  });

  it('from a trusted proxy, the address it reports is the key', async () => {
    await db.delete(rateLimits).where(sql`true`);
    const base = await startServer(await makeAuth(2), parseTrustedProxies('127.0.0.0/8'));
    // The client forged the left part; the proxy appended the address it saw.
    expect((await post(base, { 'x-forwarded-for': '192.0.2.1, 203.0.113.20' })).status).toBe(401);
    expect((await post(base, { 'x-forwarded-for': '192.0.2.2, 203.0.113.20' })).status).toBe(401);
    expect((await post(base, { 'x-forwarded-for': '192.0.2.3, 203.0.113.20' })).status).toBe(429);
    expect((await post(base, { 'x-forwarded-for': '203.0.113.21' })).status).toBe(401);
    expect(await keys()).toEqual(['203.0.113.20|/sign-in/email', '203.0.113.21|/sign-in/email']);
  });
});

describe('failed sign-ins per e-mail address', () => {
  it('waits 2^(failures − 10) seconds after the tenth failure, at most 15 minutes', () => {
    expect([0, 9].map((n) => signInDelaySeconds(n))).toEqual([0, 0]);
    expect([10, 11, 12, 15, 19, 20, 100].map((n) => signInDelaySeconds(n))).toEqual([1, 2, 4, 32, 512, 900, 900]);
    expect(MAX_SIGN_IN_DELAY_SECONDS).toBe(900);
  });

  it('records the growing delay in the database, capped', async () => {
    const email = 'counted@library.example';
    const delays: (number | null)[] = [];
    for (let i = 1; i <= 25; i++) {
      await recordSignInFailure(db, email);
      delays.push((await failureRow(email))!.delay);
    }
    expect(delays.slice(0, 9)).toEqual(Array(9).fill(null));
    expect(delays.slice(9, 13)).toEqual([1, 2, 4, 8]);
    expect(delays.slice(19)).toEqual(Array(6).fill(900));
    expect((await failureRow(email))!.failures).toBe(25);
  });

  it('refuses every attempt, the right password too, after 10 failures until the wait is over; a success clears the count', async () => {
    const auth = await makeAuth();
    const created = await createUser(db, { email: 'guessed@library.example', role: 'ops', by: BY });
    // From ten different client addresses: the per-address limit does not see them together.
    for (let i = 0; i < 10; i++) expect((await signIn(auth, 'Guessed@Library.example', `wrong guess ${i}`, `203.0.113.${i + 1}`)).status).toBe(401);
    expect(await failureRow('guessed@library.example')).toEqual({ failures: 10, delay: 1 });
    const refused = await signIn(auth, 'guessed@library.example', created.oneTimePassword, '203.0.113.99');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('x-retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.getSetCookie()).toEqual([]);
    // A refused attempt checks no password and counts no failure.
    expect((await failureRow('guessed@library.example'))!.failures).toBe(10);

    await endWait('guessed@library.example');
    expect((await signIn(auth, 'guessed@library.example', 'wrong guess 11')).status).toBe(401);
    expect(await failureRow('guessed@library.example')).toEqual({ failures: 11, delay: 2 });
    expect((await signIn(auth, 'guessed@library.example', created.oneTimePassword)).status).toBe(429);

    await endWait('guessed@library.example');
    expect((await signIn(auth, 'guessed@library.example', created.oneTimePassword)).status).toBe(200);
    expect(await failureRow('guessed@library.example')).toBeUndefined();
    // Counting starts again from nothing.
    expect((await signIn(auth, 'guessed@library.example', 'wrong again')).status).toBe(401);
    expect(await failureRow('guessed@library.example')).toEqual({ failures: 1, delay: null });
  });

  it('gives attempts sent all at once past the free failures one try per wait, not one each', async () => {
    const auth = await makeAuth();
    const email = 'rushed@library.example';
    for (let i = 0; i < 10; i++) await recordSignInFailure(db, email);
    await endWait(email);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(auth, email, `parallel guess ${i}`, `198.51.100.${i + 20}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([401, 429, 429, 429, 429]);
    expect(await failureRow(email)).toEqual({ failures: 11, delay: 2 });
  });

  it('treats an unknown address the same, so the answer tells nothing', async () => {
    const auth = await makeAuth();
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await signIn(auth, 'nobody-here@library.example', `guess ${i}`, `192.0.2.${i + 1}`)).status);
    expect(answers).toEqual([...Array(10).fill(401), 429]);
    expect(await failureRow('nobody-here@library.example')).toEqual({ failures: 10, delay: 1 });
  });

  it('holds the sign-in action to it too, with the rate limit’s message', async () => {
    const created = await createUser(db, { email: 'action-guessed@library.example', role: 'manager', by: BY });
    for (let i = 0; i < 10; i++) await recordSignInFailure(db, created.email);
    const { outcome } = await runAs({}, () => signInAction(null, form({ email: created.email, password: created.oneTimePassword })));
    expect(outcome).toMatchObject({ kind: 'value', value: { ok: false, formError: expect.stringMatching(/^Too many sign-in attempts\. Wait \d+ seconds/) } });
  });
});

describe('one-time passwords', () => {
  const expiresInHours = async (userId: string) => {
    const [row] = await db
      .select({ hours: sql<number | null>`extract(epoch from (${users.oneTimePasswordExpiresAt} - now())) / 3600` })
      .from(users)
      .where(eq(users.id, userId));
    return row!.hours;
  };

  it('expire 72 hours after they are made (new login, password reset); choosing one’s own password clears that', async () => {
    const created = await createUser(db, { email: 'otp@library.example', role: 'manager', by: BY });
    expect(await expiresInHours(created.userId)).toBeCloseTo(72, 1);
    await db.update(users).set({ oneTimePasswordExpiresAt: sql`now() + interval '1 hour'` }).where(eq(users.id, created.userId));
    const reset = await resetPassword(db, { userId: created.userId, by: BY });
    expect(await expiresInHours(created.userId)).toBeCloseTo(72, 1);
    await changeOwnPassword(db, { userId: created.userId, currentPassword: reset.oneTimePassword, newPassword: 'my very own password' });
    expect(await expiresInHours(created.userId)).toBeNull();
  });

  it('a fresh one signs in; an expired one is refused, saying to ask an admin, and so is one without an expiry', async () => {
    const auth = await makeAuth();
    const created = await createUser(db, { email: 'otp-expired@library.example', role: 'ops', by: BY });
    expect((await signIn(auth, created.email, created.oneTimePassword)).status).toBe(200);

    await db.update(users).set({ oneTimePasswordExpiresAt: sql`now() - interval '1 second'` }).where(eq(users.id, created.userId));
    const expired = await signIn(auth, created.email, created.oneTimePassword);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ code: 'ONE_TIME_PASSWORD_EXPIRED' });
    expect(expired.headers.getSetCookie()).toEqual([]);
    // A wrong password still gets the usual answer: only who knows the password learns it expired.
    expect((await signIn(auth, created.email, 'not the one-time password')).status).toBe(401);

    const { outcome } = await runAs({}, () => signInAction(null, form({ email: created.email, password: created.oneTimePassword })));
    expect(outcome).toMatchObject({ kind: 'value', value: { ok: false, formError: expect.stringContaining('Ask an admin for a new one') } });

    // Made before expiries existed: treated as expired.
    await db.update(users).set({ oneTimePasswordExpiresAt: null }).where(eq(users.id, created.userId));
    expect((await signIn(auth, created.email, created.oneTimePassword)).status).toBe(403);
    await expect(
      changeOwnPassword(db, { userId: created.userId, currentPassword: created.oneTimePassword, newPassword: 'too late for this one' }),
    ).rejects.toThrow(OneTimePasswordExpiredError);

    // An admin's reset gives one that works again.
    const reset = await resetPassword(db, { userId: created.userId, by: BY });
    expect((await signIn(auth, created.email, reset.oneTimePassword)).status).toBe(200);
  });

  it('do not touch logins with their own password (the demo logins)', async () => {
    const auth = await makeAuth();
    await ensureDemoLogins(db);
    const [row] = await db.select().from(users).where(eq(users.email, 'manager@demo.test'));
    expect(row).toMatchObject({ mustChangePassword: false, oneTimePasswordExpiresAt: null });
    expect((await signIn(auth, 'manager@demo.test', DEMO_PASSWORD)).status).toBe(200);
  });
});
