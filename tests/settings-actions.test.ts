/*
 * The settings screen's server actions against a real database: the what-if (preview) and the
 * save with its reason, confirmation, second confirmation beyond the circuit breaker (the number
 * checked on the server), and the changed-meanwhile conflict. Every refusal changes nothing.
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { getSettings, getSettingsAudit } from '@/db/queries/settings';
import { users } from '@/db/schema';
import { createUser as createLogin } from '@/lib/auth/users';
import type { UserRole } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/retention/dates';
import { DISABLED_SETTINGS, SETTING_NAMES, type RetentionSettings } from '@/lib/retention/settings';
import { getJobStatus, runScheduledCleanup } from '@/lib/cleanup/job';
import { loadScenario } from '@/lib/scenario/load';
import { computeSettingsWhatIf } from '@/lib/settings/what-if';
import { parseSaveForm } from '@/lib/validation/settings-form';
import { previewSettingsChange, type PreviewSettingsResult } from '@/server/actions/preview-settings-change';
import { saveSettingsChange, type SaveSettingsResult } from '@/server/actions/save-settings-change';
import { getSettingsScreen } from '@/server/data/settings-screen';
import { abon, scenarioOf } from './helpers/build';
import { setupTestDatabase } from './helpers/db';
import { form, pointServerAtDatabase, runAs, signInCookie } from './helpers/next-request';

const t = await setupTestDatabase('settings_actions');
const db = t.db;
pointServerAtDatabase(t.url);

const run = crypto.randomBytes(3).toString('hex');
let seq = 0;

async function newLogin(role: UserRole) {
  const email = `${role}-${run}-${++seq}@library.example`;
  const created = await createLogin(db, { email, role, by: { label: 'test setup', userId: null } });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  return { email, cookie: await signInCookie(email, created.oneTimePassword) };
}

const START: RetentionSettings = { ...DISABLED_SETTINGS, financialMonths: 84 };

/*
 * Three actors: one cancelled in 2020 (removed once inactiveActorMonths is on: 1 of 3 actors, far
 * beyond the breaker's 1 %), two active ones with old history (records newly due when
 * historyMonths is on, but no actor).
 */
const library = scenarioOf(START, [
  {
    actorId: 1,
    personal: { name: 'Anna Oud' },
    roles: [abon('2020-01-31')],
    loans: [{ instanceId: 1, itemId: 'A', loanedOn: '2019-03-01', returnedOn: '2019-03-20' }],
  },
  {
    actorId: 2,
    roles: [abon(null, { status: 1 })],
    loans: [{ instanceId: 1, itemId: 'B', loanedOn: '2021-01-01', returnedOn: '2021-02-01' }],
    records: { instance_history: [{ date: '2020-01-01' }], marketing: [{ date: '2019-01-01' }] },
  },
  { actorId: 3, roles: [abon(null, { status: 1 })], records: { ksm: [{ date: '2018-01-01' }] } },
]);

async function reset() {
  await loadScenario(db, library, { replace: true, by: 'test', reason: 'settings actions test' });
  await db.execute(sql`update cleanup_state set approved_actors_left = 0, approved_at = null, approved_by = null where id = 1`);
}

/** What a refused call must leave alone: the settings, the audit log, the breaker's approval. */
async function snapshot() {
  const r = await db.execute(sql`select (select count(*)::int from settings_audit) as audit,
    (select approved_actors_left from cleanup_state where id = 1) as approved`);
  return JSON.stringify([await getSettings(db), r.rows]);
}

/** The save form for a change previewed with the settings `expected`. */
function saveForm(changes: Partial<RetentionSettings>, extra: Record<string, string | undefined> = {}, expected: RetentionSettings = START) {
  const fields: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(changes)) fields[name] = String(value);
  for (const name of SETTING_NAMES) fields[`expected_${name}`] = String(expected[name]);
  return form({ reason: 'the library decided so', confirmed: 'yes', ...fields, ...extra });
}

const admin = await newLogin('admin');
const manager = await newLogin('manager');
const support = await newLogin('support');

async function asAdmin<T>(fn: () => Promise<T>): Promise<T> {
  const result = await runAs({ cookie: admin.cookie }, fn);
  if (result.outcome.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(result.outcome)}`);
  return result.outcome.value;
}

const today = () => todayIn('Europe/Amsterdam');

describe('previewSettingsChange', () => {
  it('returns the what-if of the cleanup’s own counts and changes nothing', async () => {
    await reset();
    const before = await snapshot();
    const result = (await asAdmin(() => previewSettingsChange(null, form({ inactiveActorMonths: '24', historyMonths: '24' })))) as PreviewSettingsResult;
    expect(result.ok).toBe(true);
    const whatIf = (result as { data: Awaited<ReturnType<typeof computeSettingsWhatIf>> }).data;
    expect(whatIf.asOf).toBe(today());
    expect(whatIf.changes).toEqual([
      { name: 'inactiveActorMonths', oldValue: 0, newValue: 24 },
      { name: 'historyMonths', oldValue: 0, newValue: 24 },
    ]);
    expect(whatIf.actorsTotal).toBe(3);
    expect(whatIf.newlyDue.actors).toBe(1);
    expect(whatIf.newlyDue.records.marketing).toBe(1);
    expect(whatIf.newlyDue.records.ksm).toBe(1);
    expect(whatIf.exceedsBreaker).toBe(true);
    // The same figures as the library function the command line uses.
    const direct = await computeSettingsWhatIf(db, {
      changes: [
        { name: 'inactiveActorMonths', value: 24 },
        { name: 'historyMonths', value: 24 },
      ],
      asOf: today(),
    });
    expect(whatIf.newlyDue).toEqual(direct.newlyDue);
    expect(whatIf.proposed).toEqual(direct.proposed);
    expect(await snapshot()).toBe(before);
  });

  it('names the field of a bad value, and refuses a form without a change', async () => {
    await reset();
    for (const bad of ['-1', '1.5', '', '1201', 'abc', '1e3', ' ', '99999999999999999']) {
      const result = await asAdmin(() => previewSettingsChange(null, form({ historyMonths: bad })));
      expect(result, bad).toEqual({ ok: false, formError: null, fieldErrors: { historyMonths: ['Enter a whole number of months from 0 to 1200.'] } });
    }
    const days = await asAdmin(() => previewSettingsChange(null, form({ optOutLoanDays: '36501' })));
    expect(days).toMatchObject({ fieldErrors: { optOutLoanDays: ['Enter a whole number of days from 0 to 36500.'] } });
    for (const fields of [{}, { financialMonths: '84', historyMonths: '0' }]) {
      const result = await asAdmin(() => previewSettingsChange(null, form(fields)));
      expect(result).toEqual({ ok: false, formError: 'Change at least one value: these are the current ones.', fieldErrors: {} });
    }
  });

  it('is refused to a manager (redirected to /forbidden)', async () => {
    const result = await runAs({ cookie: manager.cookie }, () => previewSettingsChange(null, form({ historyMonths: '24' })));
    expect(result.outcome).toEqual({ kind: 'redirect', url: '/forbidden' });
  });
});

describe('saveSettingsChange', () => {
  it('saves a confirmed change: the setting, one audit row with the reason and who, the breaker approval', async () => {
    await reset();
    const auditBefore = (await getSettingsAudit(db, { setting: 'historyMonths' })).length;
    const result = (await runAs({ cookie: admin.cookie }, () => saveSettingsChange(null, saveForm({ historyMonths: 24 }, { reason: '  GDPR review 2026  ' })))) as {
      outcome: { kind: 'value'; value: SaveSettingsResult };
      revalidated: string[];
    };
    expect(result.outcome.value).toMatchObject({ ok: true, data: { changed: [{ name: 'historyMonths', oldValue: 0, newValue: 24 }] } });
    expect(result.revalidated).toEqual(expect.arrayContaining(['/settings', '/', '/admin/audit']));
    expect((await getSettings(db)).historyMonths).toBe(24);
    const audit = await getSettingsAudit(db, { setting: 'historyMonths' });
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit[0]).toMatchObject({ changedBy: admin.email, oldValue: 0, newValue: 24, reason: 'GDPR review 2026' });
    const [state] = (await db.execute<{ approved_by: string | null }>(sql`select approved_by from cleanup_state where id = 1`)).rows;
    expect(state!.approved_by).toBe(admin.email);
  });

  it('refuses without the explicit confirmation or a reason, and changes nothing', async () => {
    await reset();
    const before = await snapshot();
    const cases: [Record<string, string | undefined>, Record<string, string[]>][] = [
      [{ confirmed: undefined }, { confirmed: ['Confirm that you have checked what the change does.'] }],
      [{ confirmed: 'no' }, { confirmed: ['Confirm that you have checked what the change does.'] }],
      [{ reason: '   ' }, { reason: ['Give the reason for the change.'] }],
      [{ reason: undefined }, { reason: ['Give the reason for the change.'] }],
      [{ reason: 'x'.repeat(501) }, { reason: ['The reason can be at most 500 characters.'] }],
      [{ reason: 'a\u0000b' }, { reason: ['The reason contains characters that cannot be saved.'] }],
    ];
    for (const [extra, fieldErrors] of cases) {
      const result = await asAdmin(() => saveSettingsChange(null, saveForm({ historyMonths: 24 }, extra)));
      expect(result, JSON.stringify(extra)).toEqual({ ok: false, formError: null, fieldErrors });
    }
    // Hidden fields the screen always sends: missing ones are refused too.
    const missing = form({ historyMonths: '24', reason: 'r', confirmed: 'yes' });
    expect(await asAdmin(() => saveSettingsChange(null, missing))).toMatchObject({ ok: false, formError: 'Enter a value.' });
    expect(await snapshot()).toBe(before);
  });

  it('beyond the circuit breaker asks for the number, checks it on the server, then saves and approves', async () => {
    await reset();
    const before = await snapshot();
    const noNumber = await asAdmin(() => saveSettingsChange(null, saveForm({ inactiveActorMonths: 24 })));
    expect(noNumber).toMatchObject({ ok: false, code: 'secondConfirmation', whatIf: { exceedsBreaker: true, newlyDue: { actors: 1 } } });
    for (const wrong of ['2', '0', '10']) {
      const result = await asAdmin(() => saveSettingsChange(null, saveForm({ inactiveActorMonths: 24 }, { confirmedActors: wrong })));
      expect(result).toMatchObject({
        ok: false,
        code: 'numberMismatch',
        fieldErrors: { confirmedActors: [expect.stringContaining('not the number of actors newly due')] },
        whatIf: { newlyDue: { actors: 1 } },
      });
    }
    const notANumber = await asAdmin(() => saveSettingsChange(null, saveForm({ inactiveActorMonths: 24 }, { confirmedActors: 'one' })));
    expect(notANumber).toMatchObject({ ok: false, fieldErrors: { confirmedActors: ['Type the number as digits.'] } });
    expect(await snapshot()).toBe(before);

    const saved = await asAdmin(() => saveSettingsChange(null, saveForm({ inactiveActorMonths: 24 }, { confirmedActors: '1' })));
    expect(saved).toMatchObject({ ok: true, data: { changed: [{ name: 'inactiveActorMonths', oldValue: 0, newValue: 24 }] } });
    expect((await getSettings(db)).inactiveActorMonths).toBe(24);
    // The confirmed what-if approves the removals due with the new values (RETENTION.md, "The cleanup job").
    const [state] = (await db.execute<{ approved_actors_left: number }>(sql`select approved_actors_left from cleanup_state where id = 1`)).rows;
    expect(state!.approved_actors_left).toBe(1);
  });

  it('approves only the actors the change newly makes due: a backlog already due beyond the breaker still trips it', async () => {
    // Actor 10 is due already with inactiveActorMonths 120 (cancelled 2015) and nobody approved it:
    // a backlog of 1 of 3 actors, beyond the breaker's 1 %. Lowering the setting to 24 months makes
    // actor 11 (cancelled 2020) due too: that one is the change's, and only that one is approved.
    const old: RetentionSettings = { ...DISABLED_SETTINGS, inactiveActorMonths: 120 };
    const backlog = scenarioOf(old, [
      { actorId: 10, roles: [abon('2015-01-31')] },
      { actorId: 11, roles: [abon('2020-01-31')] },
      { actorId: 12, roles: [abon(null, { status: 1 })] },
    ]);
    await loadScenario(db, backlog, { replace: true, by: 'test', reason: 'a backlog nobody approved' });
    await db.execute(sql`update cleanup_state set approved_actors_left = 0, approved_at = null, approved_by = null, tripped_at = null, trip = null where id = 1`);
    try {
      const whatIf = await computeSettingsWhatIf(db, { changes: [{ name: 'inactiveActorMonths', value: 24 }], asOf: today() });
      expect({ current: whatIf.current.actors, proposed: whatIf.proposed.actors, newlyDue: whatIf.newlyDue.actors }).toEqual({ current: 1, proposed: 2, newlyDue: 1 });

      const saved = await asAdmin(() => saveSettingsChange(null, saveForm({ inactiveActorMonths: 24 }, { confirmedActors: '1' }, old)));
      expect(saved).toMatchObject({ ok: true, data: { changed: [{ name: 'inactiveActorMonths', oldValue: 120, newValue: 24 }] } });
      const [state] = (await db.execute<{ approved_actors_left: number; approved_by: string }>(sql`select approved_actors_left, approved_by from cleanup_state where id = 1`)).rows;
      expect(state).toEqual({ approved_actors_left: 1, approved_by: admin.email });

      // The next scheduled run counts 2 due, 1 approved: the backlog of 1 is beyond the breaker.
      const outcome = await runScheduledCleanup(db, { asOf: today(), trigger: 'schedule' });
      expect(outcome).toMatchObject({ ran: false, reason: 'tripped', details: { dueActors: 2, unapproved: 1 } });
      expect((await db.execute(sql`select count(*)::int as n from actors`)).rows[0]).toEqual({ n: 3 });
      expect((await getJobStatus(db, { cadenceMinutes: 10 })).state).toBe('tripped');
    } finally {
      await db.execute(sql`update cleanup_state set tripped_at = null, trip = null where id = 1`);
      await reset();
    }
  });

  it('a number typed with a thousands separator is read as the number', () => {
    const fields = { historyMonths: '24', reason: 'r', confirmed: 'yes', confirmedActors: '1,234', ...Object.fromEntries(SETTING_NAMES.map((n) => [`expected_${n}`, '0'])) };
    expect(parseSaveForm(fields)).toMatchObject({ ok: true, form: { confirmedActors: 1234 } });
    expect(parseSaveForm({ ...fields, confirmedActors: '1.234' })).toMatchObject({ ok: true, form: { confirmedActors: 1234 } });
  });

  it('a change saved by someone else since the what-if saves nothing and answers with the new what-if', async () => {
    await reset();
    // The admin previewed with historyMonths 0; someone else has set it to 12 since.
    await loadScenario(db, { ...library, settings: { ...START, historyMonths: 12 } }, { replace: true, by: 'someone else', reason: 'meanwhile' });
    const before = await snapshot();
    const result = await asAdmin(() => saveSettingsChange(null, saveForm({ historyMonths: 24 })));
    expect(result).toMatchObject({
      ok: false,
      code: 'changedMeanwhile',
      formError: expect.stringContaining('nothing was saved'),
      whatIf: { currentSettings: { historyMonths: 12 }, changes: [{ name: 'historyMonths', oldValue: 12, newValue: 24 }] },
    });
    expect(await snapshot()).toBe(before);
    expect((await getSettings(db)).historyMonths).toBe(12);
  });

  it('values equal to the current ones save nothing', async () => {
    await reset();
    const before = await snapshot();
    const result = await asAdmin(() => saveSettingsChange(null, saveForm({ financialMonths: 84 })));
    expect(result).toEqual({ ok: false, formError: 'Change at least one value: these are the current ones.', fieldErrors: {} });
    expect(await snapshot()).toBe(before);
  });

  it('answers in Dutch with the Dutch locale cookie', async () => {
    await reset();
    const result = await runAs({ cookie: `${admin.cookie}; locale=nl` }, () => saveSettingsChange(null, saveForm({ historyMonths: 24 }, { confirmed: undefined })));
    expect(result.outcome).toMatchObject({ value: { fieldErrors: { confirmed: ['Bevestig dat u hebt gecontroleerd wat de wijziging doet.'] } } });
  });

  it('is refused to a manager (redirected to /forbidden) and changes nothing', async () => {
    await reset();
    const before = await snapshot();
    const result = await runAs({ cookie: manager.cookie }, () => saveSettingsChange(null, saveForm({ historyMonths: 24 })));
    expect(result.outcome).toEqual({ kind: 'redirect', url: '/forbidden' });
    expect(await snapshot()).toBe(before);
  });
});

describe('getSettingsScreen', () => {
  it('gives every setting with its categories and history, and says who may change them', async () => {
    await reset();
    await asAdmin(() => saveSettingsChange(null, saveForm({ historyMonths: 24 }, { reason: 'for the history' })));
    const asManager = await runAs({ cookie: manager.cookie }, () => getSettingsScreen());
    expect(asManager.outcome.kind).toBe('value');
    const screen = (asManager.outcome as { value: Awaited<ReturnType<typeof getSettingsScreen>> }).value;
    expect(screen.canChange).toBe(false);
    expect(screen.settings.map((s) => s.name)).toEqual([...SETTING_NAMES]);
    const history = screen.settings.find((s) => s.name === 'historyMonths')!;
    expect(history).toMatchObject({ value: 24, unit: 'months', updatedBy: admin.email });
    expect(history.categories).toContain('holds');
    expect(history.history[0]).toMatchObject({ changedBy: admin.email, oldValue: 0, newValue: 24, reason: 'for the history' });
    expect(history.historyTotal).toBe(history.history.length);
    expect(screen.settings.find((s) => s.name === 'optOutLoanDays')).toMatchObject({ unit: 'days', categories: ['loan_history'] });

    const asAdminScreen = await asAdmin(() => getSettingsScreen());
    expect(asAdminScreen.canChange).toBe(true);
    const asSupport = await runAs({ cookie: support.cookie }, () => getSettingsScreen());
    expect(asSupport.outcome).toEqual({ kind: 'redirect', url: '/forbidden' });
  });
});
