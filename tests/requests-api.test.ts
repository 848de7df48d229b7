/*
 * The requests about one customer over the API, against a real database, as bearer-token callers:
 * POST actors/<id>/removal-request (support, admin), PUT and DELETE actors/<id>/legal-hold (admin);
 * the role table, 400 naming the field, 404 for an unknown actor, 409 for a second request or a
 * missing hold, and the actor report after each change.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { DELETE, PUT } from '@/app/api/v1/actors/[actorId]/legal-hold/route';
import { POST } from '@/app/api/v1/actors/[actorId]/removal-request/route';
import { createApiToken } from '@/lib/auth/tokens';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase } from './helpers/next-request';

const t = await setupTestDatabase('requests_api');
pointServerAtDatabase(t.url);
const BY = { label: 'requests api test', userId: null };
const tokens = {
  manager: (await createApiToken(t.db, { role: 'manager', name: 'm', by: BY })).token,
  ops: (await createApiToken(t.db, { role: 'ops', name: 'o', by: BY })).token,
  support: (await createApiToken(t.db, { role: 'support', name: 's', by: BY })).token,
  admin: (await createApiToken(t.db, { role: 'admin', name: 'a', by: BY })).token,
};

await loadScenario(
  t.db,
  parseScenarioText(
    JSON.stringify({
      settings: TYPICAL_SETTINGS,
      instances: [{ id: 1, name: 'Test library' }],
      actors: [8001, 8002, 8003].map((actorId) => ({
        actorId,
        registeredOn: '2015-01-01',
        roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }],
        financial: actorId === 8002 ? [{ kind: 'fine', bookedOn: '2025-01-01', amountCents: 100, settled: false }] : [],
      })),
    }),
  ),
  { replace: true, by: 'test', reason: 'api test' },
);

function call(
  handler: (r: Request, c: { params: Promise<{ actorId: string }> }) => Promise<Response>,
  method: string,
  actorId: string,
  body: unknown,
  token?: string,
) {
  const request = new Request(`http://localhost/api/v1/actors/${actorId}/x`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({ actorId }) });
}

describe('POST actors/<id>/removal-request', () => {
  it('is for support and admin: 401 without credentials, 403 for manager and ops', async () => {
    expect((await call(POST, 'POST', '8001', { reason: 'x' })).status).toBe(401);
    expect((await call(POST, 'POST', '8001', { reason: 'x' }, tokens.manager)).status).toBe(403);
    expect((await call(POST, 'POST', '8001', { reason: 'x' }, tokens.ops)).status).toBe(403);
  });

  it('answers 400 naming the field, 404 for an unknown actor, 201 with the report, then 409', async () => {
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(1001) }, { reason: 5 }, { reason: 'a\u0000b' }]) {
      const r = await call(POST, 'POST', '8001', body, tokens.support);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(((await r.json()) as { error: { parameter: string } }).error.parameter).toBe('reason');
    }
    const extra = await call(POST, 'POST', '8001', { reason: 'x', actorId: 2 }, tokens.support);
    expect(extra.status).toBe(400);
    const bad = await call(POST, 'POST', 'abc', { reason: 'x' }, tokens.support);
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe('actorId');
    expect((await call(POST, 'POST', '9999', { reason: 'x' }, tokens.support)).status).toBe(404);

    const ok = await call(POST, 'POST', '8002', { reason: 'letter 2026-3' }, tokens.support);
    expect(ok.status).toBe(201);
    const report = (await ok.json()) as { found: boolean; removal: { requestedOn: string | null; reasons: { code: string }[] } };
    expect(report.found).toBe(true);
    expect(report.removal.requestedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.removal.reasons.map((r) => r.code)).toEqual(['OPEN_FINANCIAL_ITEMS']);
    const again = await call(POST, 'POST', '8002', { reason: 'again' }, tokens.admin);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('REQUEST_EXISTS');
  });
});

describe('PUT and DELETE actors/<id>/legal-hold', () => {
  it('are for admin only', async () => {
    for (const role of ['manager', 'ops', 'support'] as const) {
      expect((await call(PUT, 'PUT', '8003', { until: null, reason: 'x' }, tokens[role])).status).toBe(403);
      expect((await call(DELETE, 'DELETE', '8003', { reason: 'x' }, tokens[role])).status).toBe(403);
    }
    expect((await call(PUT, 'PUT', '8003', { until: null, reason: 'x' })).status).toBe(401);
  });

  it('place, change, release: 400 for a date not after today, 409 to release what is not there', async () => {
    for (const [body, field] of [
      [{ reason: 'x' }, 'until'],
      [{ until: '2020-01-01', reason: 'x' }, 'until'],
      [{ until: '2027-02-30', reason: 'x' }, 'until'],
      [{ until: '2201-01-01', reason: 'x' }, 'until'],
      [{ until: null, reason: '' }, 'reason'],
      [{ until: null }, 'reason'],
    ] as const) {
      const r = await call(PUT, 'PUT', '8003', body, tokens.admin);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(((await r.json()) as { error: { parameter: string } }).error.parameter).toBe(field);
    }
    expect((await call(DELETE, 'DELETE', '8003', { reason: 'nothing' }, tokens.admin)).status).toBe(409);
    expect((await call(PUT, 'PUT', '9999', { until: null, reason: 'x' }, tokens.admin)).status).toBe(404);

    const placed = await call(PUT, 'PUT', '8003', { until: null, reason: 'police request' }, tokens.admin);
    expect(placed.status).toBe(200);
    expect(((await placed.json()) as { removal: { reasons: { code: string; until: string | null }[] } }).removal.reasons).toContainEqual({ code: 'LEGAL_HOLD', until: null });
    const changed = await call(PUT, 'PUT', '8003', { until: '2099-06-30', reason: 'until the trial' }, tokens.admin);
    expect(((await changed.json()) as { removal: { reasons: { code: string; until: string | null }[] } }).removal.reasons).toContainEqual({ code: 'LEGAL_HOLD', until: '2099-06-30' });
    const released = await call(DELETE, 'DELETE', '8003', { reason: 'case closed' }, tokens.admin);
    expect(released.status).toBe(200);
    expect(((await released.json()) as { removal: { reasons: { code: string }[] } }).removal.reasons.map((r) => r.code)).not.toContain('LEGAL_HOLD');
    expect((await call(DELETE, 'DELETE', '8003', { reason: 'again' }, tokens.admin)).status).toBe(409);
  });
});
