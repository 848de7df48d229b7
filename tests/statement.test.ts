/*
 * The retention statement (GDPR art. 15; RETENTION.md, "Retention statement"): the pure builder
 * for a few reports in both languages, the API route against a real database as bearer-token
 * callers (roles, 400 naming lang/asOf, 404, the access log), and the command line (text, the
 * API's JSON, exit 2 naming the flag, found: false, the access log).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { GET } from '@/app/api/v1/actors/[actorId]/statement/route';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { createApiToken } from '@/lib/auth/tokens';
import { buildRetentionStatement, formatStatementDate, statementAsPlainText, type RetentionStatement } from '@/lib/requests/statement';
import { STATEMENT_WORDING } from '@/lib/requests/statement-text';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { DELETION_CONDITION_CODES, NOT_DUE_CODES } from '@/lib/retention/conditions';
import { buildActorReport } from '@/lib/retention/report';
import { DISABLED_SETTINGS, TYPICAL_SETTINGS } from '@/lib/retention/settings';
import type { ActorData, FoundActorReport } from '@/lib/retention/types';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { runCli, SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase } from './helpers/next-request';

const seedText = fs.readFileSync(path.join(SCENARIO_DIR, 'seed-example.json'), 'utf8');
const seed = JSON.parse(seedText) as { expectations: { asOf: string; afterCleanup: boolean; report: FoundActorReport }[] };
/** The worked example's report of 2024-01-01 as the spec writes it (RETENTION.md, "The worked example"). */
const workedExample = seed.expectations.find((e) => e.asOf === '2024-01-01' && !e.afterCleanup)!.report;

const actor = (over: Partial<ActorData>): ActorData => ({
  actorId: 5001,
  registeredOn: '2018-01-01',
  loanHistoryOptIn: true,
  storedCancellationDate: null,
  hasPersonalDetails: true,
  roles: [{ type: 'ABON', subtype: null, status: 9, startDate: '2018-01-01', endDate: null, deregistrationDate: null }],
  otherRoles: [],
  blocks: [],
  credentials: [],
  financial: [],
  loans: [],
  records: {},
  ...over,
});

/** Every string of a value, deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value === null ? null : typeof value;
}

describe('the wording tables', () => {
  it('name every category and every reason code in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const w = STATEMENT_WORDING[lang];
      for (const id of CATEGORY_IDS) expect(w.categoryNames[id], `${lang} ${id}`).toBeTruthy();
      for (const code of [...DELETION_CONDITION_CODES, ...NOT_DUE_CODES]) expect(w.reasons[code], `${lang} ${code}`).toBeTruthy();
      // Plain words for the customer: the codes themselves never appear.
      for (const text of strings({ ...w.reasons, ...w.categoryNames })) expect(text).not.toMatch(/[A-Z]{3,}_[A-Z_]+|Months\b/);
    }
  });

  it('writes dates out for the language', () => {
    expect(formatStatementDate('nl', '2027-03-01')).toBe('1 maart 2027');
    expect(formatStatementDate('en', '2027-03-01')).toBe('1 March 2027');
  });
});

describe('buildRetentionStatement', () => {
  it('the worked example in Dutch: the report unchanged, per category the rule in words, the reasons, removal, the legal basis', () => {
    const s = buildRetentionStatement(workedExample, TYPICAL_SETTINGS, 'nl');
    expect(s).toMatchObject({ actorId: 1001, asOf: '2024-01-01', lang: 'nl', found: true });
    expect(s.report).toEqual(workedExample);
    const t = s.text;
    expect(t.title).toBe('Overzicht van uw gegevens en hoe lang wij ze bewaren');
    expect(t.asOf).toBe('Stand van 1 januari 2024');
    expect(t.status).toContain('Uw lidmaatschap is beëindigd op 15 november 2022.');
    // Only the categories that hold records, in the table's order.
    expect(t.categories.map((c) => c.category)).toEqual(CATEGORY_IDS.filter((id) => workedExample.categories[id].records > 0));
    const fin = t.categories.find((c) => c.category === 'financial_transactions')!;
    expect(fin).toMatchObject({ records: 9, recordsText: '9 gegevens', nextDate: '2025-01-01', lastDate: '2029-08-10', last: '10 augustus 2029' });
    expect(fin.rule).toBe('7 jaar na de boeking, of 7 jaar na het einde van uw lidmaatschap, wat het eerst komt');
    expect(fin.next).toBe('3 gegevens nu, op 1 januari 2024; daarna 1 januari 2025');
    expect(t.categories.find((c) => c.category === 'loan_history')!.rule).toBe('2 jaar na het terugbrengen');
    expect(t.categories.find((c) => c.category === 'credentials')!.rule).toBe('2 jaar na het einde van uw lidmaatschap');
    expect(t.reasons.map((r) => [r.code, r.until, r.untilText])).toEqual(
      workedExample.removal.reasons.map((r) => [r.code, r.until, `Tot ${formatStatementDate('nl', r.until!)}`]),
    );
    expect(t.removal).toBe('Als er niets verandert, verwijderen wij al uw gegevens op 10 augustus 2029.');
    expect(t.legalBasis).toContain('fiscale bewaarplicht van zeven jaar');
    expect(t.legalBasis).toContain('artikel 52 van de Algemene wet inzake rijksbelastingen');
    expect(t.removalRequest).toBeNull();
    expect(t.legalHold).toBeNull();
    expect(t.closing).toContain('Autoriteit Persoonsgegevens');
  });

  it('the worked example in English: the same structure and figures, English words and dates', () => {
    const nl = buildRetentionStatement(workedExample, TYPICAL_SETTINGS, 'nl');
    const en = buildRetentionStatement(workedExample, TYPICAL_SETTINGS, 'en');
    expect(shape(en)).toEqual(shape(nl));
    expect(en.report).toEqual(nl.report);
    expect(en.lang).toBe('en');
    expect(en.text.asOf).toBe('As of 1 January 2024');
    expect(en.text.removal).toBe('If nothing changes, we remove all your data on 10 August 2029.');
    expect(en.text.categories.find((c) => c.category === 'financial_transactions')!.rule).toBe(
      '7 years after it was booked, or 7 years after your membership ended, whichever comes first',
    );
    expect(en.text.legalBasis).toContain('fiscal retention obligation of seven years');
    expect(en.text.legalBasis).toContain('fiscale bewaarplicht, article 52 of the Algemene wet inzake rijksbelastingen');
    expect(en.text.categories.map((c) => c.nextDate)).toEqual(nl.text.categories.map((c) => c.nextDate));
  });

  it('names no legal basis when no financial records are held', () => {
    const report = buildActorReport(actor({}), TYPICAL_SETTINGS, '2026-12-01');
    const s = buildRetentionStatement(report, TYPICAL_SETTINGS, 'en');
    expect(s.text.legalBasis).toBeNull();
    expect(s.text.status[0]).toBe('You are a member of the library.');
    expect(s.text.reasons.map((r) => r.code)).toEqual(['ACTIVE_MEMBERSHIP']);
    expect(s.text.reasons[0]).toMatchObject({ until: null, untilText: 'No end date', ends: 'This ends when your membership stops.' });
    expect(s.text.removal).toBe(`That date is not yet known, because a reason without an end date holds: ${STATEMENT_WORDING.en.reasons.ACTIVE_MEMBERSHIP}`);
  });

  it('shows the removal request with its date and that a legal hold holds, with its end, never its reason', () => {
    const data = actor({
      roles: [{ type: 'ABON', subtype: null, status: 9, startDate: '2018-01-01', endDate: '2025-06-30', deregistrationDate: null }],
      financial: [{ kind: 'fine', bookedOn: '2025-05-01', amountCents: 250, settled: true }],
      removalRequestedOn: '2026-03-02',
      legalHold: { until: '2027-03-01' },
    });
    const report = buildActorReport(data, TYPICAL_SETTINGS, '2026-12-01');
    expect(report.removal.reasons.map((r) => r.code).sort()).toEqual(['LEGAL_HOLD', 'RECENT_FINANCIAL_ARCHIVE']);
    const nl = buildRetentionStatement(report, TYPICAL_SETTINGS, 'nl');
    expect(nl.text.removalRequest).toContain('2 maart 2026');
    expect(nl.text.legalHold).toBe('Er geldt een juridische bewaarplicht voor uw gegevens tot 1 maart 2027. Zolang die geldt, verwijderen wij niets van u.');
    expect(nl.text.legalBasis).toContain('artikel 52');
    const en = buildRetentionStatement(report, TYPICAL_SETTINGS, 'en');
    expect(en.text.removalRequest).toBe('On 2 March 2026 you asked us to remove your data. We remove it as soon as no legal or other compelling reason to keep it holds any more.');
    expect(en.text.legalHold).toContain('until 1 March 2027');
    // Nothing in the statement can carry a hold's reason: the builder has only the report.
    expect(JSON.stringify(en)).not.toMatch(/reason"\s*:\s*"/);

    const noEnd = buildRetentionStatement(buildActorReport({ ...data, legalHold: { until: null } }, TYPICAL_SETTINGS, '2026-12-01'), TYPICAL_SETTINGS, 'en');
    expect(noEnd.text.legalHold).toContain('without an end date');
    expect(noEnd.text.reasons.find((r) => r.code === 'LEGAL_HOLD')).toMatchObject({ until: null, untilText: 'No end date' });
  });

  it('with every setting at 0: no period applies, the cleanup switched off is the reason, the opt-out rule only for loan history off', () => {
    const data = actor({ loans: [{ returnedOn: '2026-01-10' }], loanHistoryOptIn: false });
    const off = buildRetentionStatement(buildActorReport(data, DISABLED_SETTINGS, '2026-12-01'), DISABLED_SETTINGS, 'nl');
    expect(off.text.categories.find((c) => c.category === 'loan_history')!.rule).toBe(STATEMENT_WORDING.nl.rule.none);
    expect(off.text.reasons.map((r) => r.code)).toContain('CLEANUP_DISABLED');
    const on = buildRetentionStatement(buildActorReport(data, TYPICAL_SETTINGS, '2026-12-01'), TYPICAL_SETTINGS, 'nl');
    expect(on.text.categories.find((c) => c.category === 'loan_history')!.rule).toBe(
      '90 dagen na het terugbrengen, omdat u uw leengeschiedenis niet laat bewaren, of 2 jaar na het terugbrengen, wat het eerst komt',
    );
  });

  it('a customer due for removal and one with a current loan: removal now, or not yet known and why', () => {
    const gone = actor({
      roles: [{ type: 'ABON', subtype: null, status: 9, startDate: '2015-01-01', endDate: '2020-01-31', deregistrationDate: null }],
    });
    const due = buildRetentionStatement(buildActorReport(gone, TYPICAL_SETTINGS, '2026-12-01'), TYPICAL_SETTINGS, 'en');
    expect(due.text.removal).toBe('There is no reason left to keep you: we remove all your data at the next cleanup, on 1 December 2026.');
    expect(due.text.noReasons).toBe('There is no reason left to keep you.');
    const loan = buildRetentionStatement(buildActorReport({ ...gone, loans: [{ returnedOn: null }] }, TYPICAL_SETTINGS, '2026-12-01'), TYPICAL_SETTINGS, 'nl');
    expect(loan.text.removal).toContain('Die datum is nog niet bekend');
    expect(loan.text.removal).toContain(STATEMENT_WORDING.nl.reasons.CURRENT_LOANS);
    const lh = loan.text.categories.find((c) => c.category === 'loan_history')!;
    expect(lh).toMatchObject({ lastDate: null, last: 'nog niet bekend', note: STATEMENT_WORDING.nl.keptWhile.loan_history });
  });

  it('prints as plain text with every part of the wording', () => {
    const s = buildRetentionStatement(workedExample, TYPICAL_SETTINGS, 'nl');
    const text = statementAsPlainText(s);
    for (const part of [s.text.title, s.text.intro, s.text.removal, s.text.legalBasis!, s.text.closing, ...s.text.categories.map((c) => c.rule)])
      expect(text).toContain(part);
  });
});

// ---- Against a real database: the API route and the command line.

const t = await setupTestDatabase('statement');
pointServerAtDatabase(t.url);
const BY = { label: 'statement test', userId: null };
const tokens = {
  manager: (await createApiToken(t.db, { role: 'manager', name: 'm', by: BY })).token,
  ops: (await createApiToken(t.db, { role: 'ops', name: 'o', by: BY })).token,
  support: (await createApiToken(t.db, { role: 'support', name: 'support-token', by: BY })).token,
  admin: (await createApiToken(t.db, { role: 'admin', name: 'a', by: BY })).token,
};
const HOLD_REASON = 'Marker-HoldReason-Zq police case 77';
const scenario = JSON.parse(seedText) as { actors: Record<string, unknown>[] };
scenario.actors.push({
  actorId: 1099,
  registeredOn: '2016-01-01',
  loanHistoryOptIn: true,
  roles: [{ instanceId: 1, type: 'ABON', subtype: null, status: 9, startDate: '2016-01-01', endDate: null, deregistrationDate: null }],
  financial: [{ kind: 'fine', bookedOn: '2023-04-01', amountCents: 100, settled: true }],
  removalRequestedOn: '2023-06-01',
  legalHold: { until: null, reason: HOLD_REASON },
});
await loadScenario(t.db, parseScenarioText(JSON.stringify(scenario)), { replace: true, by: 'test', reason: 'statement test' });

function get(actorId: string, query: string, token?: string) {
  const request = new Request(`http://localhost/api/v1/actors/${actorId}/statement${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return GET(request, { params: Promise.resolve({ actorId }) });
}

async function accessLog() {
  const r = await t.db.$client.query(`select caller_kind, caller_label, actor_id, as_of::text, via from access_log order by id`);
  return r.rows as { caller_kind: string; caller_label: string; actor_id: number | null; as_of: string; via: string }[];
}

describe('GET actors/<id>/statement', () => {
  it('is for support and admin: 401 without credentials, 403 for manager and ops', async () => {
    expect((await get('1001', '')).status).toBe(401);
    expect((await get('1001', '', tokens.manager)).status).toBe(403);
    expect((await get('1001', '', tokens.ops)).status).toBe(403);
    expect((await get('1001', '?asOf=2024-01-01', tokens.admin)).status).toBe(200);
  });

  it('answers the report of that day unchanged and its wording, Dutch by default, English on request; access-logged', async () => {
    const before = (await accessLog()).length;
    const r = await get('1001', '?asOf=2024-01-01', tokens.support);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const body = (await r.json()) as RetentionStatement;
    expect(Object.keys(body).sort()).toEqual(['actorId', 'asOf', 'found', 'lang', 'report', 'text']);
    expect(body).toMatchObject({ actorId: 1001, asOf: '2024-01-01', lang: 'nl', found: true });
    expect(body.report).toEqual(await getActorReport(t.db, 1001, '2024-01-01'));
    expect(body.report).toMatchObject(workedExample);
    expect(body).toEqual(JSON.parse(JSON.stringify(buildRetentionStatement(body.report, TYPICAL_SETTINGS, 'nl'))));
    expect(body.text.legalBasis).toContain('fiscale bewaarplicht');
    const en = (await (await get('1001', '?asOf=2024-01-01&lang=en', tokens.support)).json()) as RetentionStatement;
    expect(en.lang).toBe('en');
    expect(en.report).toEqual(body.report);
    expect(en.text.removal).toContain('10 August 2029');
    const log = (await accessLog()).slice(before);
    expect(log).toEqual([
      { caller_kind: 'token', caller_label: 'support-token', actor_id: 1001, as_of: '2024-01-01', via: 'statement' },
      { caller_kind: 'token', caller_label: 'support-token', actor_id: 1001, as_of: '2024-01-01', via: 'statement' },
    ]);
  });

  it('shows the request and that a hold exists, never the hold reason', async () => {
    const r = await get('1099', '?asOf=2026-12-01&lang=en', tokens.support);
    const text = await r.text();
    expect(r.status).toBe(200);
    expect(text).not.toContain('Marker-HoldReason');
    const body = JSON.parse(text) as RetentionStatement;
    expect(body.report.removal.requestedOn).toBe('2023-06-01');
    expect(body.text.removalRequest).toContain('1 June 2023');
    expect(body.text.legalHold).toContain('without an end date');
  });

  it('answers 400 naming lang or asOf, and any unknown parameter; 404 with found: false for an unknown actor (logged too)', async () => {
    for (const [query, parameter] of [
      ['?lang=de', 'lang'],
      ['?lang=', 'lang'],
      ['?lang=NL', 'lang'],
      ['?asOf=2026-02-30', 'asOf'],
      ['?asOf=1899-12-31', 'asOf'],
      ['?asOf=2024-01-01&asOf=2024-01-02', 'asOf'],
      ['?locale=en', 'locale'],
    ] as const) {
      const r = await get('1001', query, tokens.support);
      expect(r.status, query).toBe(400);
      expect(((await r.json()) as { error: { parameter: string } }).error.parameter, query).toBe(parameter);
    }
    expect(((await (await get('abc', '', tokens.support)).json()) as { error: { parameter: string } }).error.parameter).toBe('actorId');
    const missing = await get('424242', '?asOf=2024-01-01&lang=en', tokens.support);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ actorId: 424242, asOf: '2024-01-01', lang: 'en', found: false });
    expect((await accessLog()).at(-1)).toMatchObject({ actor_id: 424242, via: 'statement' });
  });
});

describe('retention statement (command line)', () => {
  const o = { databaseUrl: t.url };

  it('prints the statement in Dutch, in English with --lang en, and with --json exactly the API JSON; access-logged as cli', async () => {
    const before = (await accessLog()).length;
    const nl = await runCli(['statement', '1001', '--as-of', '2024-01-01'], o);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain('Overzicht van uw gegevens en hoe lang wij ze bewaren');
    expect(nl.stdout).toContain('10 augustus 2029');
    expect(nl.stdout).toContain('artikel 52 van de Algemene wet inzake rijksbelastingen');
    const en = await runCli(['statement', '1001', '--as-of', '2024-01-01', '--lang', 'en'], o);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Statement of your data and how long we keep it');
    const json = await runCli(['statement', '1001', '--as-of', '2024-01-01', '--lang', 'en', '--json'], o);
    expect(json.code).toBe(0);
    const api = await (await get('1001', '?asOf=2024-01-01&lang=en', tokens.support)).json();
    expect(JSON.parse(json.stdout)).toEqual(api);
    const log = (await accessLog()).slice(before, before + 3);
    expect(log.map((e) => [e.caller_kind, e.actor_id, e.via])).toEqual([
      ['cli', 1001, 'statement'],
      ['cli', 1001, 'statement'],
      ['cli', 1001, 'statement'],
    ]);
    expect(log[0]!.caller_label).toMatch(/^cli/);
  });

  it('exits 0 with found: false for an unknown actor, and 2 naming the flag for bad input', async () => {
    const missing = await runCli(['statement', '424242', '--as-of', '2024-01-01', '--json'], o);
    expect(missing.code).toBe(0);
    expect(JSON.parse(missing.stdout)).toEqual({ actorId: 424242, asOf: '2024-01-01', lang: 'nl', found: false });
    const lang = await runCli(['statement', '1001', '--lang', 'de'], o);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang');
    const asOf = await runCli(['statement', '1001', '--as-of', '2026-02-30'], o);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of');
    expect((await runCli(['statement'], o)).code).toBe(2);
    expect((await runCli(['statement', 'abc'], o)).code).toBe(2);
    expect((await runCli(['statement', '1001', '1002'], o)).code).toBe(2);
  });
});
