/*
 * Run now and the circuit breaker (issue 11, point 3): only a person signed in with a session can
 * get a run-now confirmation (POST cleanup/run/confirmation), valid five minutes, once, for that
 * session; only a run that presents one whose count still holds is attended. Every other run, and
 * so every API token's, passes the breaker like a scheduled run. Through the route handlers,
 * against a real database.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { POST as postConfirmation } from '@/app/api/v1/cleanup/run/confirmation/route';
import { POST as postRun } from '@/app/api/v1/cleanup/run/route';
import { users } from '@/db/schema';
import type { UserRole } from '@/lib/auth/permissions';
import { createApiToken } from '@/lib/auth/tokens';
import { createUser } from '@/lib/auth/users';
import { countDue } from '@/lib/cleanup/count-due';
import { getJobStatus, isRunActive, pauseJob, resumeJob } from '@/lib/cleanup/job';
import { consumeRunConfirmation, createRunConfirmation, RunConfirmationError } from '@/lib/cleanup/run-confirmation';
import { generateScenario } from '@/lib/demo/generate-scenario';
import { todayIn } from '@/lib/retention/dates';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase, signInCookie } from './helpers/next-request';

const t = await setupTestDatabase('run_confirmation');
const db = t.db;
pointServerAtDatabase(t.url);

const BY = { label: 'run-confirmation test', userId: null };
const tag = crypto.randomBytes(3).toString('hex');
// The run's as-of date is today in RETENTION_TIME_ZONE (its default here).
const asOf = todayIn('Europe/Amsterdam');
const library = generateScenario({ actors: 600, seed: 23, today: asOf, settings: TYPICAL_SETTINGS });

async function signedIn(role: UserRole, name = role): Promise<{ cookie: string; userId: string; password: string; email: string }> {
  const created = await createUser(db, { email: `${name}-${tag}@library.example`, role, by: BY });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  return { cookie: await signInCookie(created.email, created.oneTimePassword), userId: created.userId, password: created.oneTimePassword, email: created.email };
}

const ops = await signedIn('ops');
// The same person signed in a second time: another session.
const opsElsewhere = await signInCookie(ops.email, ops.password);
const admin = await signedIn('admin');
const manager = await signedIn('manager');
const opsToken = (await createApiToken(db, { role: 'ops', name: `ops bot ${tag}`, by: BY })).token;

type Who = { cookie?: string; bearer?: string };

function headersOf(who: Who): Headers {
  const headers = new Headers({ 'content-type': 'application/json' });
  // A browser's post from the dashboard itself: a cookie call without its Origin is refused (CSRF).
  if (who.cookie) {
    headers.set('cookie', who.cookie);
    headers.set('origin', 'http://localhost:3000');
  }
  if (who.bearer) headers.set('authorization', `Bearer ${who.bearer}`);
  return headers;
}

async function confirm(who: Who, body: unknown = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await postConfirmation(
    new Request('http://localhost:3000/api/v1/cleanup/run/confirmation', { method: 'POST', headers: headersOf(who), body: JSON.stringify(body) }),
    {},
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function run(who: Who, body: unknown): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string; details?: Record<string, unknown> } } }> {
  const response = await postRun(new Request('http://localhost:3000/api/v1/cleanup/run', { method: 'POST', headers: headersOf(who), body: JSON.stringify(body) }), {});
  return { status: response.status, body: (await response.json()) as never };
}

/** Waits until no run holds the run lock (a run now goes on in the background after its 202). */
async function settled(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const r = await db.$client.query<{ n: number }>(`select count(*)::int as n from cleanup_runs where status = 'running'`);
    if (r.rows[0]!.n === 0 && !(await isRunActive(db))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}

async function actorCount(): Promise<number> {
  return (await db.$client.query<{ n: number }>('select count(*)::int as n from actors')).rows[0]!.n;
}

async function runCount(): Promise<number> {
  return (await db.$client.query<{ n: number }>('select count(*)::int as n from cleanup_runs')).rows[0]!.n;
}

async function confirmationCount(): Promise<number> {
  return (await db.$client.query<{ n: number }>('select count(*)::int as n from cleanup_run_confirmations')).rows[0]!.n;
}

async function usedAt(id: string): Promise<Date | null> {
  return (await db.$client.query<{ used_at: Date | null }>('select used_at from cleanup_run_confirmations where id = $1', [id])).rows[0]!.used_at;
}

beforeEach(async () => {
  await settled();
  await loadScenario(db, library, { replace: true, by: 'test', reason: 'run-confirmation test' });
  await db.$client.query(`update cleanup_state set paused = false, tripped_at = null, trip = null, approved_actors_left = 0`);
});

describe('POST cleanup/run/confirmation', () => {
  it('counts what a run now would remove, for this session, valid five minutes', async () => {
    const due = await countDue(db, { asOf });
    // More than 1 % of the library: an unattended run would trip the breaker.
    expect(due.actors).toBeGreaterThan(6);
    const answer = await confirm({ cookie: ops.cookie });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ actorsDue: due.actors, recordsDue: due.recordsTotal, asOf });
    expect(answer.body.confirmationId).toMatch(/^[0-9a-f-]{36}$/);
    const expiresIn = new Date(String(answer.body.expiresAt)).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000 + 5_000);
    const stored = await db.$client.query(
      `select c.user_id, c.actors_due, c.used_at, s.user_id as session_user from cleanup_run_confirmations c join sessions s on s.id = c.session_id where c.id = $1`,
      [answer.body.confirmationId],
    );
    expect(stored.rows[0]).toMatchObject({ user_id: ops.userId, session_user: ops.userId, actors_due: due.actors, used_at: null });
    expect((await confirm({ cookie: admin.cookie })).status).toBe(201);
  });

  it('is for a session only: an API token gets 403, a manager 403, nobody 401; bad bodies 400', async () => {
    const before = await confirmationCount();
    const token = await confirm({ bearer: opsToken });
    expect(token.status).toBe(403);
    expect(JSON.stringify(token.body)).not.toMatch(/confirmationId/);
    expect((await confirm({ cookie: manager.cookie })).status).toBe(403);
    expect((await confirm({})).status).toBe(401);
    const bad = await confirm({ cookie: ops.cookie }, { actorsDue: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { parameter: 'actorsDue' } });
    expect(await confirmationCount()).toBe(before);
  });
});

describe('POST cleanup/run and the circuit breaker', () => {
  it('a run without a confirmation over the threshold removes nothing, is recorded as tripped and trips the job; then unattended runs are refused', async () => {
    const before = await actorCount();
    const refused = await run({ cookie: ops.cookie }, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'TRIPPED' });
    expect(refused.body.error?.details).toMatchObject({ actorsTotal: 600, maxActors: 1000, maxShare: 0.01 });
    await settled();
    expect(await actorCount()).toBe(before);
    const last = await db.$client.query(`select id, trigger, started_by, status, records_processed from cleanup_runs order by started_at desc limit 1`);
    // The run history says who started it: the person's login.
    expect(last.rows[0]).toMatchObject({ trigger: 'dashboard', started_by: ops.email, status: 'tripped', records_processed: 0 });
    expect(refused.body.error?.details?.runId).toBe(last.rows[0].id);
    expect((await getJobStatus(db, { cadenceMinutes: 10 })).state).toBe('tripped');
    // While tripped: an unattended run is refused, whoever asks; a dry run still runs.
    const again = await run({ bearer: opsToken }, {});
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('TRIPPED');
    const dry = await run({ bearer: opsToken }, { dryRun: true });
    expect(dry.status).toBe(202);
    expect(dry.body).toMatchObject({ dryRun: true, attended: false });
    await settled();
    expect(await actorCount()).toBe(before);
  });

  it("an API token's run passes the breaker like a scheduled one (trigger api)", async () => {
    const before = await actorCount();
    const refused = await run({ bearer: opsToken }, { dryRun: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('TRIPPED');
    await settled();
    expect(await actorCount()).toBe(before);
    const last = await db.$client.query(`select trigger, started_by, status from cleanup_runs order by started_at desc limit 1`);
    expect(last.rows[0]).toMatchObject({ trigger: 'api', started_by: `token ops bot ${tag}`, status: 'tripped' });
  });

  it('the confirmed count is no longer part of the API: confirmedRemovals is a bad parameter', async () => {
    const runsBefore = await runCount();
    const due = await countDue(db, { asOf });
    for (const who of [{ cookie: ops.cookie }, { bearer: opsToken }]) {
      const answer = await run(who, { confirmedRemovals: due.actors });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'BAD_PARAMETER', parameter: 'confirmedRemovals' } });
    }
    for (const [body, parameter] of [
      [{ confirmationId: 'not-a-uuid' }, 'confirmationId'],
      [{ confirmationId: 42 }, 'confirmationId'],
      [{ confirmationId: null }, 'confirmationId'],
      [{ dryRun: true, confirmationId: crypto.randomUUID() }, 'confirmationId'],
      [{ dryRun: 'yes' }, 'dryRun'],
    ] as const) {
      const answer = await run({ cookie: ops.cookie }, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body, JSON.stringify(body)).toMatchObject({ error: { parameter } });
    }
    expect(await runCount()).toBe(runsBefore);
  });

  it('a run with a valid confirmation over the threshold is attended: it removes what was confirmed', async () => {
    const due = await countDue(db, { asOf });
    const confirmation = await confirm({ cookie: ops.cookie });
    const started = await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ dryRun: false, attended: true });
    await settled();
    const record = await db.$client.query(`select trigger, status, actors_removed from cleanup_runs where id = $1`, [started.body.runId]);
    expect(record.rows[0]).toMatchObject({ trigger: 'dashboard', status: 'completed', actors_removed: due.actors });
    expect(await actorCount()).toBe(600 - due.actors);
    expect((await getJobStatus(db, { cadenceMinutes: 10 })).state).not.toBe('tripped');
    expect(await usedAt(String(confirmation.body.confirmationId))).not.toBeNull();
  });

  it('a confirmed run is attended even while the job is tripped (an unattended one is not)', async () => {
    expect((await run({ cookie: ops.cookie }, {})).body.error?.code).toBe('TRIPPED');
    await settled();
    const confirmation = await confirm({ cookie: ops.cookie });
    const started = await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId });
    expect(started.status).toBe(202);
    expect(started.body.attended).toBe(true);
    await settled();
    expect(await actorCount()).toBe(600 - Number(confirmation.body.actorsDue));
  });

  it('a confirmation is used once: the second run with it is refused 409', async () => {
    const confirmation = await confirm({ cookie: ops.cookie });
    expect((await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId })).status).toBe(202);
    await settled();
    const second = await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId });
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('CONFIRMATION_USED');
  });

  it('an expired confirmation is refused 409 and removes nothing', async () => {
    const runsBefore = await runCount();
    const confirmation = await confirm({ cookie: ops.cookie });
    await db.$client.query(`update cleanup_run_confirmations set expires_at = now() - interval '1 second' where id = $1`, [confirmation.body.confirmationId]);
    const refused = await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('CONFIRMATION_EXPIRED');
    expect(JSON.stringify(refused.body)).not.toMatch(/select|update|cleanup_run_confirmations|at .*\.ts/i);
    expect(await usedAt(String(confirmation.body.confirmationId))).toBeNull();
    expect(await actorCount()).toBe(600);
    expect(await runCount()).toBe(runsBefore);
  });

  it("another session's confirmation is refused 409, even the same person's, and an API token cannot use one", async () => {
    const confirmation = await confirm({ cookie: ops.cookie });
    const id = confirmation.body.confirmationId;
    for (const who of [{ cookie: opsElsewhere }, { cookie: admin.cookie }]) {
      const refused = await run(who, { confirmationId: id });
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe('CONFIRMATION_INVALID');
    }
    const token = await run({ bearer: opsToken }, { confirmationId: id });
    expect(token.status).toBe(409);
    expect(token.body.error?.code).toBe('CONFIRMATION_INVALID');
    // An unknown id is answered the same way.
    expect((await run({ cookie: ops.cookie }, { confirmationId: crypto.randomUUID() })).body.error?.code).toBe('CONFIRMATION_INVALID');
    expect(await actorCount()).toBe(600);
    // None of that used it up: its own session still can.
    expect(await usedAt(String(id))).toBeNull();
    const started = await run({ cookie: ops.cookie }, { confirmationId: id });
    expect(started.status).toBe(202);
    expect(started.body.attended).toBe(true);
  });

  it('a changed count is refused 409 COUNT_CHANGED with the new count; a new confirmation then runs', async () => {
    const confirmation = await confirm({ cookie: ops.cookie });
    // What is due changes after the person saw the number.
    await db.$client.query(`update cleanup_run_confirmations set actors_due = actors_due + 1 where id = $1`, [confirmation.body.confirmationId]);
    const refused = await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('COUNT_CHANGED');
    expect(refused.body.error?.details).toMatchObject({ actorsDue: confirmation.body.actorsDue, confirmedActorsDue: Number(confirmation.body.actorsDue) + 1 });
    expect(await actorCount()).toBe(600);
    const fresh = await confirm({ cookie: ops.cookie });
    expect((await run({ cookie: ops.cookie }, { confirmationId: fresh.body.confirmationId })).body.attended).toBe(true);
  });

  it('a paused job refuses a confirmed run without using the confirmation; a dry run still runs', async () => {
    await pauseJob(db, BY);
    try {
      const confirmation = await confirm({ cookie: ops.cookie });
      const refused = await run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId });
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe('PAUSED');
      expect(await usedAt(String(confirmation.body.confirmationId))).toBeNull();
      const dry = await run({ cookie: ops.cookie }, { dryRun: true });
      expect(dry.status).toBe(202);
      expect(dry.body).toMatchObject({ dryRun: true, attended: false });
      await settled();
      expect(await actorCount()).toBe(600);
    } finally {
      await resumeJob(db, BY);
    }
  });

  it('two runs presenting one confirmation at once: only one runs', async () => {
    const startedAt = new Date();
    const confirmation = await confirm({ cookie: ops.cookie });
    const answers = await Promise.all([1, 2, 3].map(() => run({ cookie: ops.cookie }, { confirmationId: confirmation.body.confirmationId })));
    await settled();
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 202)) {
      expect(refused.status).toBe(409);
      expect(['CONFIRMATION_USED', 'RUN_ACTIVE']).toContain(refused.body.error?.code);
    }
    const real = await db.$client.query(`select count(*)::int as n from cleanup_runs where not dry_run and status <> 'tripped' and started_at >= $1`, [startedAt]);
    expect(real.rows[0].n).toBe(1);
  });
});

describe('consumeRunConfirmation', () => {
  it('gives one confirmation to exactly one of many concurrent callers', async () => {
    const sessionId = (await db.$client.query<{ id: string }>(`select id from sessions where user_id = $1 limit 1`, [ops.userId])).rows[0]!.id;
    const created = await createRunConfirmation(db, { sessionId, userId: ops.userId, asOf });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => consumeRunConfirmation(db, { confirmationId: created.confirmationId, sessionId, userId: ops.userId })),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ value: { actorsDue: created.actorsDue, asOf } });
    for (const lost of outcomes.filter((o) => o.status === 'rejected')) {
      expect(lost.reason).toBeInstanceOf(RunConfirmationError);
      expect((lost.reason as RunConfirmationError).code).toBe('CONFIRMATION_USED');
    }
  });
});
