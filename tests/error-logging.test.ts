/*
 * Unexpected errors are logged one way everywhere (lib/errors.ts logUnexpectedError): an error id,
 * what failed, the error's class and code; never the error object, its message or its stack,
 * which can carry values such as an actor id or an e-mail address.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

const failures = vi.hoisted(() => ({ changeOwnPassword: null as Error | null, callAuthEndpoint: null as Error | null }));

vi.mock('@/lib/auth/users', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/users')>();
  return {
    ...original,
    changeOwnPassword: (...args: Parameters<typeof original.changeOwnPassword>) =>
      failures.changeOwnPassword ? Promise.reject(failures.changeOwnPassword) : original.changeOwnPassword(...args),
  };
});
vi.mock('@/server/auth/call-auth-endpoint', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/server/auth/call-auth-endpoint')>();
  return {
    ...original,
    callAuthEndpoint: (...args: Parameters<typeof original.callAuthEndpoint>) =>
      failures.callAuthEndpoint ? Promise.reject(failures.callAuthEndpoint) : original.callAuthEndpoint(...args),
  };
});

import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { createUser } from '@/lib/auth/users';
import { changePassword } from '@/server/actions/change-password';
import { signIn } from '@/server/actions/sign-in';
import { setupTestDatabase } from './helpers/db';
import { form, pointServerAtDatabase, runAs, signInCookie } from './helpers/next-request';

const t = await setupTestDatabase('error_logging');
pointServerAtDatabase(t.url);

const SECRET = 'actor 1001 secret@library.example';

/** A database error as pg throws it: a message and detail with values in them. */
function databaseError(): Error {
  return Object.assign(new Error(`duplicate key value: ${SECRET}`), { code: '23505', detail: `Key (email)=(${SECRET}) already exists.` });
}

/** Every console.error call of `fn`, each as its arguments. */
async function errorsLoggedBy(fn: () => Promise<unknown>): Promise<unknown[][]> {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await fn();
    return spy.mock.calls.map((call) => [...call]);
  } finally {
    spy.mockRestore();
  }
}

function expectOnlyIdClassAndCode(calls: unknown[][], what: string) {
  expect(calls).toHaveLength(1);
  const args = calls[0]!;
  // One text argument: no error object passed along for the console to print in full.
  expect(args).toHaveLength(1);
  expect(typeof args[0]).toBe('string');
  expect(args[0]).toMatch(new RegExp(`^${what} failed \\(error id [0-9a-f-]{36}\\): Error 23505$`));
  expect(String(args[0])).not.toContain('1001');
  expect(String(args[0])).not.toContain('secret');
}

afterEach(() => {
  failures.changeOwnPassword = null;
  failures.callAuthEndpoint = null;
});

describe('error logging', () => {
  it('change password logs the error id, class and code only', async () => {
    const created = await createUser(t.db, { email: 'logger@library.example', role: 'ops', by: { label: 'test', userId: null } });
    await t.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
    const cookie = await signInCookie(created.email, created.oneTimePassword);
    failures.changeOwnPassword = databaseError();
    let result: unknown;
    const calls = await errorsLoggedBy(async () => {
      result = await runAs({ cookie }, () =>
        changePassword(null, form({ currentPassword: created.oneTimePassword, newPassword: 'a long new password', confirmPassword: 'a long new password' })),
      );
    });
    expectOnlyIdClassAndCode(calls, 'action change password');
    expect(result).toMatchObject({ outcome: { kind: 'value', value: { ok: false, formError: 'Changing the password did not work just now. Try again in a moment.' } } });
  });

  it('sign-in logs the error id, class and code only', async () => {
    failures.callAuthEndpoint = databaseError();
    let result: unknown;
    const calls = await errorsLoggedBy(async () => {
      result = await runAs({}, () => signIn(null, form({ email: 'someone@library.example', password: 'whatever it is' })));
    });
    expectOnlyIdClassAndCode(calls, 'action sign in');
    expect(result).toMatchObject({ outcome: { kind: 'value', value: { ok: false, formError: 'Signing in did not work just now. Try again in a moment.' } } });
  });
});
