import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { signInFailures } from '../../db/schema/auth';

/*
 * Failed sign-ins per e-mail address, whatever the client address (table sign_in_failures): the
 * per-address rate limit stops one client guessing fast, this stops many clients guessing one
 * login's password. The first SIGN_IN_FAILURES_FREE failures in a row cost nothing; after that
 * every attempt waits until a delay that doubles with each further failure (1 s, 2 s, 4 s, …, at
 * most 15 minutes) has passed since the last failure. A real user is never locked out for longer
 * than that, and a successful sign-in deletes the row. Unknown addresses are counted the same, so
 * the answer does not tell which addresses have a login.
 */

/** Failures in a row that cost nothing (SIGN_IN_FAILURES_FREE's default). */
export const DEFAULT_FREE_SIGN_IN_FAILURES = 10;

/** The longest wait between two attempts for one address. */
export const MAX_SIGN_IN_DELAY_SECONDS = 15 * 60;

/** The address a sign-in names, as it is stored (Better Auth looks logins up lower-cased). */
export function normalizeSignInEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * How long an address waits after its `failures`-th failure in a row: nothing for the free ones,
 * then 2^(failures − free) seconds, capped at MAX_SIGN_IN_DELAY_SECONDS.
 */
export function signInDelaySeconds(failures: number, free = DEFAULT_FREE_SIGN_IN_FAILURES): number {
  if (failures < free) return 0;
  const exponent = failures - free;
  return exponent >= 10 ? MAX_SIGN_IN_DELAY_SECONDS : Math.min(2 ** exponent, MAX_SIGN_IN_DELAY_SECONDS);
}

/** The wait after the failures-th failure in a row, in SQL (signInDelaySeconds). */
const delayAfter = (failures: ReturnType<typeof sql>, free: number) =>
  sql`make_interval(secs => least(power(2, least(${failures} - ${free}, 30)), ${MAX_SIGN_IN_DELAY_SECONDS}))`;

/**
 * Asks for one attempt for the address, before its password is checked: null when it may try
 * now, else the seconds until it may (rounded up, at least 1). A refused attempt verifies nothing
 * and counts as no failure. Past the free failures an allowed attempt books the wait it will
 * cause if it fails (the row lock makes this one statement atomic), so attempts sent all at once
 * get one try per wait, not one each.
 */
export async function claimSignInAttempt(db: DbOrTx, email: string, free = DEFAULT_FREE_SIGN_IN_FAILURES): Promise<number | null> {
  const address = normalizeSignInEmail(email);
  const claimed = await db
    .update(signInFailures)
    .set({ blockedUntil: sql`now() + ${delayAfter(sql`${signInFailures.failures} + 1`, free)}` })
    .where(
      sql`${signInFailures.email} = ${address} and ${signInFailures.failures} >= ${free} and (${signInFailures.blockedUntil} is null or ${signInFailures.blockedUntil} <= now())`,
    )
    .returning({ email: signInFailures.email });
  if (claimed.length > 0) return null;
  return getSignInRetryAfter(db, address);
}

/** Seconds until the address may try again (rounded up, at least 1), or null when it may try now. */
export async function getSignInRetryAfter(db: DbOrTx, email: string): Promise<number | null> {
  const rows = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from (${signInFailures.blockedUntil} - now())))::int` })
    .from(signInFailures)
    .where(sql`${signInFailures.email} = ${normalizeSignInEmail(email)} and ${signInFailures.blockedUntil} > now()`);
  const seconds = rows[0]?.seconds;
  return seconds === undefined ? null : Math.max(1, seconds);
}

/**
 * Counts one failed sign-in for the address (known or not) in one statement, so concurrent
 * failures all count, and sets when it may try again. Returns the failures in a row.
 */
export async function recordSignInFailure(db: DbOrTx, email: string, free = DEFAULT_FREE_SIGN_IN_FAILURES): Promise<number> {
  const failures = sql`${signInFailures.failures} + 1`;
  const delay = sql`case when ${failures} < ${free} then null else now() + ${delayAfter(failures, free)} end`;
  const rows = await db
    .insert(signInFailures)
    .values({
      email: normalizeSignInEmail(email),
      failures: 1,
      lastFailureAt: sql`now()`,
      blockedUntil: free <= 1 ? sql`now() + make_interval(secs => 1)` : null,
    })
    .onConflictDoUpdate({ target: signInFailures.email, set: { failures, lastFailureAt: sql`now()`, blockedUntil: delay } })
    .returning({ failures: signInFailures.failures });
  return rows[0]!.failures;
}

/** Forgets the failures of an address after a successful sign-in. */
export async function clearSignInFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, normalizeSignInEmail(email)));
}
