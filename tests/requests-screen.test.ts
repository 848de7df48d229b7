/*
 * The actor screen's requests about one customer, against a real database: the "what will happen"
 * preview of a removal request (the engine with a request dated today, nothing saved, the lookup in
 * the access log, the permission first), the request, hold and release actions' refusals, the
 * hold's reason read only for admins, and the counts of the overview and /cleanup.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { countLegalHoldsNow, countRemovalRequestsWaiting, getActorRequests } from '@/db/queries/requests';
import type { Caller } from '@/lib/auth/caller';
import { ForbiddenError } from '@/lib/auth/errors';
import { createApiToken } from '@/lib/auth/tokens';
import { formatIsoDate } from '@/i18n/format';
import { retentionToday } from '@/lib/env';
import { recordRemovalRequest, setLegalHold } from '@/lib/requests/requests';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { placeLegalHold } from '@/server/actions/place-legal-hold';
import { releaseLegalHold } from '@/server/actions/release-legal-hold';
import { requestRemoval } from '@/server/actions/request-removal';
import { previewRemovalRequest, readActorRequests } from '@/server/data/requests';
import { setupTestDatabase } from './helpers/db';
import { form, pointServerAtDatabase, runAs } from './helpers/next-request';

const t = await setupTestDatabase('requests_screen');
const db = t.db;
pointServerAtDatabase(t.url);
const BY = { label: 'requests screen test', userId: null };
const today = retentionToday();
const year = Number(today.slice(0, 4));
const tokens = {
  support: (await createApiToken(db, { role: 'support', name: 's', by: BY })).token,
  admin: (await createApiToken(db, { role: 'admin', name: 'a', by: BY })).token,
};
const caller = (role: 'support' | 'admin' | 'manager' | 'ops'): Caller => ({ kind: 'token', tokenId: '00000000-0000-0000-0000-000000000000', name: `${role} caller`, role, instanceId: null });

const fee = (y: number) => ({ kind: 'membership_fee', bookedOn: `${y}-01-01`, amountCents: 3000, settled: true });
await loadScenario(
  db,
  parseScenarioText(
    JSON.stringify({
      settings: TYPICAL_SETTINGS,
      instances: [{ id: 1, name: 'Test library' }],
      actors: [
        // 7001: an active member with nothing else: a request makes the actor due at once.
        { actorId: 7001, registeredOn: '2015-01-01', roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }] },
        // 7002: an active member who paid a fee last year and has a fine open: kept.
        {
          actorId: 7002,
          registeredOn: '2015-01-01',
          roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }],
          financial: [fee(year - 1), { kind: 'fine', bookedOn: `${year - 1}-03-01`, amountCents: 100, settled: false }],
        },
        // 7003: an active member who paid a fee last year.
        { actorId: 7003, registeredOn: '2015-01-01', roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }], financial: [fee(year - 1)] },
        ...[7004, 7005, 7006, 7007, 7008].map((actorId) => ({
          actorId,
          registeredOn: '2015-01-01',
          roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }],
        })),
      ],
    }),
  ),
  { replace: true, by: 'test', reason: 'requests screen test' },
);

const accessLogCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from access_log`)).rows[0]!.n;
const requestRows = async () => (await db.execute(sql`select actor_id, requested_on::text from removal_requests order by actor_id`)).rows;

describe('previewRemovalRequest: what a request dated today would do', () => {
  it('removed by the next run when nothing else keeps the actor; nothing saved; the lookup is logged', async () => {
    const before = await accessLogCount();
    const preview = await previewRemovalRequest(caller('support'), { actorId: 7001, via: 'screen' });
    expect(preview).toEqual({ found: true, actorId: 7001, alreadyRequestedOn: null, requestedOn: today, due: true, date: today, reasons: [] });
    expect(await requestRows()).toEqual([]);
    expect(await accessLogCount()).toBe(before + 1);
    const [entry] = (await db.execute(sql`select actor_id, via, caller_label from access_log order by id desc limit 1`)).rows;
    expect(entry).toMatchObject({ actor_id: 7001, via: 'screen', caller_label: 'support caller' });
  });

  it('kept until the last reason ends, each reason with its end; the waiting periods no longer count', async () => {
    const preview = await previewRemovalRequest(caller('admin'), { actorId: 7003, via: 'screen' });
    expect(preview).toMatchObject({ found: true, due: false, date: `${year + 6}-01-01` });
    if (!preview.found || preview.alreadyRequestedOn !== null) throw new Error('unexpected');
    expect(preview.reasons).toEqual([{ code: 'RECENT_FINANCIAL_ARCHIVE', until: `${year + 6}-01-01` }]);

    const open = await previewRemovalRequest(caller('support'), { actorId: 7002, via: 'screen' });
    if (!open.found || open.alreadyRequestedOn !== null) throw new Error('unexpected');
    expect(open.date).toBeNull();
    expect(open.reasons.map((r) => r.code).sort()).toEqual(['OPEN_FINANCIAL_ITEMS', 'RECENT_FINANCIAL_ARCHIVE']);
    expect(open.reasons.find((r) => r.code === 'OPEN_FINANCIAL_ITEMS')!.until).toBeNull();
  });

  it('says when a request is recorded already, and when the actor does not exist', async () => {
    await recordRemovalRequest(db, { actorId: 7004, reason: 'earlier letter', by: BY, today: '2025-05-05' });
    expect(await previewRemovalRequest(caller('support'), { actorId: 7004, via: 'screen' })).toEqual({ found: true, actorId: 7004, alreadyRequestedOn: '2025-05-05' });
    expect(await previewRemovalRequest(caller('support'), { actorId: 424242, via: 'screen' })).toEqual({ found: false, actorId: 424242 });
  });

  it('checks the permission before anything is read or logged', async () => {
    const before = await accessLogCount();
    for (const role of ['manager', 'ops'] as const) await expect(previewRemovalRequest(caller(role), { actorId: 7001, via: 'screen' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await accessLogCount()).toBe(before);
  });
});

describe('the request and hold actions', () => {
  const asSupport = <T>(fn: () => Promise<T>) => runAs({ bearer: tokens.support }, fn);
  const asAdmin = <T>(fn: () => Promise<T>) => runAs({ bearer: tokens.admin }, fn);
  const value = (r: { outcome: unknown }) => (r.outcome as { kind: 'value'; value: unknown }).value;

  it('without confirmation the removal request only previews; confirmed it records; a second one is refused', async () => {
    const preview = value(await asSupport(() => requestRemoval(null, form({ actorId: '7005', reason: 'visit ref V-12' }))));
    expect(preview).toMatchObject({ ok: true, data: { stage: 'preview', preview: { due: true, requestedOn: today } } });
    expect(await requestRows()).not.toContainEqual(expect.objectContaining({ actor_id: 7005 }));

    const saved = await asSupport(() => requestRemoval(null, form({ actorId: '7005', reason: 'visit ref V-12', confirmed: 'yes' })));
    expect(value(saved)).toEqual({ ok: true, data: { stage: 'saved', requestedOn: today, removal: { due: true, date: today } } });
    expect(saved.revalidated).toEqual(expect.arrayContaining(['/actors/7005', '/', '/cleanup']));

    for (const confirmed of [undefined, 'yes']) {
      const again = value(await asSupport(() => requestRemoval(null, form({ actorId: '7005', reason: 'again', confirmed }))));
      expect(again).toEqual({ ok: false, formError: `A removal request of ${formatIsoDate('en', today)} is already recorded. A request cannot be withdrawn, and a second one changes nothing.`, fieldErrors: {} });
    }
    expect((await requestRows()).filter((r) => r.actor_id === 7005)).toHaveLength(1);
  });

  it('a bad reason is named on its field, a bad or unknown actor on the form; nothing is saved', async () => {
    const before = await requestRows();
    for (const reason of [undefined, '', '   ', 'x'.repeat(1001), 'a\u0000b']) {
      const r = value(await asSupport(() => requestRemoval(null, form({ actorId: '7006', reason, confirmed: 'yes' }))));
      expect(r, JSON.stringify(reason)).toMatchObject({ ok: false, formError: null, fieldErrors: { reason: [expect.any(String)] } });
    }
    expect(value(await asSupport(() => requestRemoval(null, form({ actorId: 'abc', reason: 'r', confirmed: 'yes' }))))).toMatchObject({ ok: false, formError: expect.stringContaining('out of date') });
    expect(value(await asSupport(() => requestRemoval(null, form({ actorId: '424242', reason: 'r', confirmed: 'yes' }))))).toMatchObject({ ok: false, formError: expect.stringContaining('does not exist') });
    expect(await requestRows()).toEqual(before);
  });

  it('a hold needs an end date after today or none; changing it keeps one hold; release needs a hold', async () => {
    for (const until of [today, '2020-01-01', 'soon', '2024-02-30']) {
      const r = value(await asAdmin(() => placeLegalHold(null, form({ actorId: '7007', until, reason: 'case' }))));
      expect(r, until).toMatchObject({ ok: false, fieldErrors: { until: [expect.any(String)] } });
    }
    expect(value(await asAdmin(() => placeLegalHold(null, form({ actorId: '7007', until: '', reason: '' }))))).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect((await getActorRequests(db, 7007, { withHoldReason: true })).hold).toBeNull();

    expect(value(await asAdmin(() => placeLegalHold(null, form({ actorId: '7007', until: '', reason: 'case A' }))))).toEqual({ ok: true, data: { until: null } });
    const later = `${year + 2}-03-01`;
    expect(value(await asAdmin(() => placeLegalHold(null, form({ actorId: '7007', until: later, reason: 'case A, end set' }))))).toEqual({ ok: true, data: { until: later } });
    expect((await getActorRequests(db, 7007, { withHoldReason: true })).hold).toEqual({ until: later, reason: 'case A, end set' });

    expect(value(await asAdmin(() => releaseLegalHold(null, form({ actorId: '7007', reason: '' }))))).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(value(await asAdmin(() => releaseLegalHold(null, form({ actorId: '7007', reason: 'case closed' }))))).toEqual({ ok: true, data: { released: true } });
    expect(value(await asAdmin(() => releaseLegalHold(null, form({ actorId: '7007', reason: 'case closed' }))))).toEqual({
      ok: false,
      formError: 'There is no legal hold to release (any more). Reload the page.',
      fieldErrors: {},
    });
  });
});

describe('the hold as the screen reads it, and the counts', () => {
  it('reads the hold reason only for callers with actor.legal_hold', async () => {
    await setLegalHold(db, { actorId: 7008, until: null, reason: 'secret case', by: BY, today });
    const support = await readActorRequests(caller('support'), 7008);
    expect(support.hold).toEqual({ until: null, reason: null });
    expect(JSON.stringify(support)).not.toContain('secret case');
    expect((await readActorRequests(caller('admin'), 7008)).hold).toEqual({ until: null, reason: 'secret case' });
  });

  it('counts holds that hold today (no end, or an end after today) and removal requests whose actor is there', async () => {
    await db.execute(sql`delete from legal_holds`);
    expect(await countLegalHoldsNow(db, today)).toBe(0);
    await setLegalHold(db, { actorId: 7001, until: null, reason: 'a', by: BY, today });
    await setLegalHold(db, { actorId: 7002, until: `${year + 1}-01-01`, reason: 'b', by: BY, today });
    await setLegalHold(db, { actorId: 7003, until: '2021-01-01', reason: 'ended', by: BY, today: '2020-01-01' });
    expect(await countLegalHoldsNow(db, today)).toBe(2);
    expect(await countLegalHoldsNow(db, `${year + 1}-01-01`)).toBe(1);
    expect(await countLegalHoldsNow(db, '2020-06-01')).toBe(3);
    const requests = (await db.execute<{ n: number }>(sql`select count(*)::int as n from removal_requests`)).rows[0]!.n;
    expect(await countRemovalRequestsWaiting(db)).toBe(requests);
    expect(requests).toBeGreaterThanOrEqual(2);
  });
});
