import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';

/*
 * The cleanup endpoints of the HTTP API and /metrics, role by role (INTERFACES.md: status and runs
 * for manager, ops, admin; run, pause, resume for ops and admin; acknowledge for admin; metrics for
 * ops and admin), as nobody and with a forged token.
 */

const ROLES = ['manager', 'ops', 'support', 'admin'] as const;
type Role = (typeof ROLES)[number];

test.describe.configure({ mode: 'serial' });

test.describe('the cleanup API, role by role', { tag: '@controls-job' }, () => {
  const as = {} as Record<Role, APIRequestContext>;
  let nobody: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    for (const role of ROLES) {
      const context = await playwrightRequest.newContext({ baseURL });
      const response = await context.post('/api/auth/sign-in/email', { data: { email: `${role}@demo.test`, password: 'demo-password' }, headers: { origin: baseURL! } });
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
    expect((await as.manager.get('/api/v1/cleanup/runs?limit=0')).status()).toBe(400);
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
      expect((await as[role].post('/api/v1/cleanup/pause')).status(), role).toBe(403);
      expect((await as[role].post('/api/v1/cleanup/run', { data: { dryRun: true } })).status(), role).toBe(403);
    }
    expect((await nobody.post('/api/v1/cleanup/pause')).status()).toBe(401);
    const paused = await as.ops.post('/api/v1/cleanup/pause');
    expect(paused.status()).toBe(200);
    expect((await paused.json()).paused).not.toBeNull();
    try {
      const refused = await as.ops.post('/api/v1/cleanup/run', { data: {} });
      expect(refused.status()).toBe(409);
      expect((await refused.json()).error.code).toBe('PAUSED');
      const dry = await as.ops.post('/api/v1/cleanup/run', { data: { dryRun: true } });
      expect([202, 409]).toContain(dry.status());
      if (dry.status() === 202) expect((await dry.json()).runId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await as.ops.post('/api/v1/cleanup/run', { data: { dryRun: 'yes' } })).status()).toBe(400);
      expect((await as.ops.post('/api/v1/cleanup/run', { data: { everything: true } })).status()).toBe(400);
    } finally {
      expect((await as.admin.post('/api/v1/cleanup/resume')).status()).toBe(200);
    }
  });

  test('acknowledge is for admin only, and 409 when the breaker has not tripped', async () => {
    for (const role of ['manager', 'ops', 'support'] as const) expect((await as[role].post('/api/v1/cleanup/acknowledge')).status(), role).toBe(403);
    const response = await as.admin.post('/api/v1/cleanup/acknowledge');
    expect(response.status()).toBe(409);
  });
});
