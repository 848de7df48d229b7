import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { cli } from './support/cli';

/*
 * The cleanup endpoints of the HTTP API and /metrics, role by role (INTERFACES.md: status and runs
 * for manager, ops, admin; run, pause, resume for ops and admin; acknowledge for admin; metrics for
 * ops and admin), as nobody and with a forged token; run now and its confirmation, which only a
 * session can get, so that an API token's run always passes the circuit breaker.
 */

const ROLES = ['manager', 'ops', 'support', 'admin'] as const;
type Role = (typeof ROLES)[number];


/**
 * A POST as the browser sends it: JSON with the app's own Origin (route handlers refuse a
 * cookie-authenticated write from another origin, or one that is not JSON).
 */
function post(context: APIRequestContext, url: string, origin: string, data: object = {}) {
  return context.post(url, { data, headers: { Origin: origin, 'Content-Type': 'application/json' } });
}

test.describe.configure({ mode: 'serial' });

test.describe('the cleanup API, role by role', { tag: '@controls-job' }, () => {
  const as = {} as Record<Role, APIRequestContext>;
  let nobody: APIRequestContext;
  let origin: string;

  test.beforeAll(async ({ baseURL }) => {
    origin = new URL(baseURL!).origin;
    for (const role of ROLES) {
      const context = await playwrightRequest.newContext({ baseURL });
      const response = await post(context, '/api/auth/sign-in/email', origin, { email: `${role}@demo.test`, password: 'demo-password' });
      expect(response.status(), `${role} signs in`).toBe(200);
      as[role] = context;
    }
    nobody = await playwrightRequest.newContext({ baseURL });
  });

  test('reads: status and runs for manager, ops and admin; metrics for ops and admin', async () => {
    for (const [path, allowed] of [
      ['/api/v1/cleanup/status', ['manager', 'ops', 'admin']],
      ['/api/v1/cleanup/runs?limit=5', ['manager', 'ops', 'admin']],
      ['/api/v1/cleanup/backlog?days=7', ['manager', 'ops', 'admin']],
      ['/metrics', ['ops', 'admin']],
    ] as const) {
      for (const role of ROLES) {
        const response = await as[role].get(path);
        expect(response.status(), `${role} GET ${path}`).toBe((allowed as readonly string[]).includes(role) ? 200 : 403);
      }
      expect((await nobody.get(path)).status(), `nobody GET ${path}`).toBe(401);
      expect((await nobody.get(path, { headers: { authorization: 'Bearer rdt_forgedforgedforgedforgedforgedforgedforge' } })).status()).toBe(401);
    }
    const status = await (await as.manager.get('/api/v1/cleanup/status')).json();
    expect(['idle', 'running', 'paused', 'tripped', 'stale']).toContain(status.state);
    const runs = await (await as.manager.get('/api/v1/cleanup/runs?limit=5')).json();
    expect(runs.length).toBeGreaterThan(0);
    expect(JSON.stringify(runs)).not.toMatch(/"actorId"/);
    const metrics = await (await as.ops.get('/metrics')).text();
    expect(metrics).toContain('retention_cleanup_runs_total');
    expect(metrics).toContain('retention_records_processed_total');
    // The demo's history has failed batches (each found by splitting its batch).
    expect(metrics).toMatch(/^retention_cleanup_failed_batches_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^retention_cleanup_batches_split_total [1-9]\d*$/m);
    expect(runs[0]).toHaveProperty('batchesSplit');
    // The demo's library is planned in the retention schedule.
    expect(metrics).toMatch(/^retention_schedule_actors_planned [1-9]\d*$/m);
    expect(metrics).toMatch(/^retention_schedule_rebuilding 0$/m);
    expect(status.schedule).toMatchObject({ state: 'current' });
    expect(status.schedule.plannedActors).toBeGreaterThan(0);
    expect((await as.manager.get('/api/v1/cleanup/runs?limit=0')).status()).toBe(400);
    // Filters beside limit: every run kept, the count of all that pass in X-Total-Count.
    const demoRuns = await as.manager.get('/api/v1/cleanup/runs?limit=2&trigger=demo&dryRun=false');
    expect(demoRuns.status()).toBe(200);
    expect(((await demoRuns.json()) as { trigger: string; dryRun: boolean }[]).every((r) => r.trigger === 'demo' && !r.dryRun)).toBe(true);
    expect(Number(demoRuns.headers()['x-total-count'])).toBeGreaterThan(2);
    for (const bad of ['status=done', 'dryRun=yes', 'from=2026-13-01', 'from=2026-03-02&to=2026-03-01', 'trigger=a%27b']) {
      const response = await as.manager.get(`/api/v1/cleanup/runs?${bad}`);
      expect(response.status(), bad).toBe(400);
    }
    // The burn-down: one entry per day up to today, the demo's history processed records.
    const backlog = await (await as.manager.get('/api/v1/cleanup/backlog?days=7')).json();
    expect(backlog.days).toHaveLength(7);
    expect(backlog.days[6].date).toBe(backlog.to);
    expect(backlog.days.some((d: { processed: { records: number } }) => d.processed.records > 0)).toBe(true);
    for (const bad of ['days=0', 'days=401', 'days=x', 'limit=3']) {
      const response = await as.manager.get(`/api/v1/cleanup/backlog?${bad}`);
      expect(response.status(), bad).toBe(400);
      expect(JSON.stringify(await response.json()), bad).toContain(bad.split('=')[0]);
    }
  });

  test('controls: pause and resume for ops and admin only; a paused job refuses a run but not a dry run', async () => {
    for (const role of ['manager', 'support'] as const) {
      expect((await post(as[role], '/api/v1/cleanup/pause', origin)).status(), role).toBe(403);
      expect((await post(as[role], '/api/v1/cleanup/run', origin, { dryRun: true })).status(), role).toBe(403);
    }
    expect((await post(nobody, '/api/v1/cleanup/pause', origin)).status()).toBe(401);
    const paused = await post(as.ops, '/api/v1/cleanup/pause', origin);
    expect(paused.status()).toBe(200);
    expect((await paused.json()).paused).not.toBeNull();
    try {
      const refused = await post(as.ops, '/api/v1/cleanup/run', origin, {});
      expect(refused.status()).toBe(409);
      expect((await refused.json()).error.code).toBe('PAUSED');
      const dry = await post(as.ops, '/api/v1/cleanup/run', origin, { dryRun: true });
      expect([202, 409]).toContain(dry.status());
      if (dry.status() === 202) expect((await dry.json()).runId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await post(as.ops, '/api/v1/cleanup/run', origin, { dryRun: 'yes' })).status()).toBe(400);
      expect((await post(as.ops, '/api/v1/cleanup/run', origin, { everything: true })).status()).toBe(400);
    } finally {
      expect((await post(as.admin, '/api/v1/cleanup/resume', origin)).status()).toBe(200);
    }
  });

  /** Waits until no run is working (a run now goes on in the background after its 202). */
  async function idle(): Promise<string> {
    let state = 'running';
    await expect
      .poll(async () => (state = (await (await as.ops.get('/api/v1/cleanup/status')).json()).state), { timeout: 60_000 })
      .not.toBe('running');
    return state;
  }

  test('run now with an API token: no confirmation (403), no confirmedRemovals (400), and never attended', async ({ baseURL }) => {
    const token = cli(['token', 'add', '--role', 'ops', '--name', `e2e cleanup bot ${process.pid}-${Date.now()}`]);
    const bot = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const refused = await bot.post('/api/v1/cleanup/run/confirmation', { data: {} });
    expect(refused.status()).toBe(403);
    expect(JSON.stringify(await refused.json())).not.toContain('confirmationId');
    for (const role of ['manager', 'support'] as const) expect((await post(as[role], '/api/v1/cleanup/run/confirmation', origin)).status(), role).toBe(403);
    expect((await post(nobody, '/api/v1/cleanup/run/confirmation', origin)).status()).toBe(401);

    await idle();
    // The count that once made a run attended is no parameter any more, for a token or a session.
    const status = await (await as.ops.get('/api/v1/cleanup/status')).json();
    for (const answer of [
      await bot.post('/api/v1/cleanup/run', { data: { confirmedRemovals: status.backlog?.actors ?? 0 } }),
      await post(as.ops, '/api/v1/cleanup/run', origin, { confirmedRemovals: status.backlog?.actors ?? 0 }),
    ]) {
      expect(answer.status()).toBe(400);
      expect((await answer.json()).error.parameter).toBe('confirmedRemovals');
    }

    // A session's confirmation is of no use to the token, nor to another session.
    const confirmation = await post(as.ops, '/api/v1/cleanup/run/confirmation', origin);
    expect(confirmation.status()).toBe(201);
    const { confirmationId } = await confirmation.json();
    for (const answer of [await bot.post('/api/v1/cleanup/run', { data: { confirmationId } }), await post(as.admin, '/api/v1/cleanup/run', origin, { confirmationId })]) {
      expect(answer.status()).toBe(409);
      expect((await answer.json()).error.code).toBe('CONFIRMATION_INVALID');
    }

    // The token's run passes the circuit breaker like a scheduled one: it runs unattended, or the
    // breaker stops it (recorded as a tripped run) and the job is tripped until an admin looks.
    const run = await bot.post('/api/v1/cleanup/run', { data: { dryRun: false } });
    const body = await run.json();
    if (run.status() === 202) expect(body).toMatchObject({ dryRun: false, attended: false });
    else {
      expect(run.status()).toBe(409);
      expect(['TRIPPED', 'RUN_ACTIVE']).toContain(body.error.code);
    }
    if ((await idle()) === 'tripped') {
      const runs = await (await as.ops.get('/api/v1/cleanup/runs?limit=1')).json();
      expect(runs[0]).toMatchObject({ trigger: 'api', status: 'tripped', actorsRemoved: 0 });
      // While tripped, a token's run is refused; a dry run still runs.
      expect((await (await bot.post('/api/v1/cleanup/run', { data: {} })).json()).error.code).toBe('TRIPPED');
      expect([202, 409]).toContain((await bot.post('/api/v1/cleanup/run', { data: { dryRun: true } })).status());
      await idle();
      expect((await post(as.admin, '/api/v1/cleanup/acknowledge', origin)).status()).toBe(200);
    }
    await bot.dispose();
  });

  test('run now as a session: a confirmation with a fresh count, then an attended run; a confirmation is used once', async () => {
    let started: { runId: string; attended: boolean } | undefined;
    let confirmationId = '';
    // A scheduled run may start, or change what is due, in between: then ask again.
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      await idle();
      const confirmation = await post(as.ops, '/api/v1/cleanup/run/confirmation', origin);
      expect(confirmation.status()).toBe(201);
      const c = await confirmation.json();
      expect(c).toMatchObject({ actorsDue: expect.any(Number), recordsDue: expect.any(Number) });
      expect(c.confirmationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(c.expiresAt).getTime()).toBeGreaterThan(Date.now());
      confirmationId = c.confirmationId;
      const run = await post(as.ops, '/api/v1/cleanup/run', origin, { confirmationId });
      if (run.status() === 202) started = await run.json();
      else {
        expect(run.status()).toBe(409);
        const error = (await run.json()).error;
        expect(['COUNT_CHANGED', 'RUN_ACTIVE']).toContain(error.code);
        if (error.code === 'COUNT_CHANGED') expect(error.details.actorsDue).toEqual(expect.any(Number));
      }
    }
    expect(started).toMatchObject({ attended: true });
    await idle();
    const again = await post(as.ops, '/api/v1/cleanup/run', origin, { confirmationId });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.code).toBe('CONFIRMATION_USED');
    const runs = await (await as.ops.get('/api/v1/cleanup/runs?limit=5')).json();
    expect(runs.find((r: { runId: string }) => r.runId === started!.runId)).toMatchObject({ trigger: 'dashboard', dryRun: false });
  });

  test('acknowledge is for admin only, and 409 when the breaker has not tripped', async () => {
    for (const role of ['manager', 'ops', 'support'] as const) expect((await post(as[role], '/api/v1/cleanup/acknowledge', origin)).status(), role).toBe(403);
    const response = await post(as.admin, '/api/v1/cleanup/acknowledge', origin);
    expect(response.status()).toBe(409);
  });
});
