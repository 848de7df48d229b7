import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { writeSettings } from '@/db/queries/settings';
import { MESSAGES } from '@/i18n/messages';
import { LOCALES } from '@/i18n/locales';
import { getPolicyDocument } from '@/lib/policy/document';
import {
  buildPolicyTable,
  CONDITIONS_CSV_COLUMNS,
  conditionsCsvRows,
  POLICY_CSV_COLUMNS,
  policyCsvRows,
  wholeYears,
} from '@/lib/policy/table';
import { CATEGORIES, CATEGORY_IDS } from '@/lib/retention/categories';
import { DELETION_CONDITION_CODES, NOT_DUE_CODES } from '@/lib/retention/conditions';
import { DISABLED_SETTINGS, SETTING_NAMES, TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { policyQuerySchema } from '@/lib/validation/policy';
import { parseCsv as parse } from './helpers/csv';
import { setupTestDatabase } from './helpers/db';

const RETENTION_MD = fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/spec/RETENTION.md'), 'utf8');

/** The backticked ids in the first column of a markdown table that follows `heading`. */
function firstColumnCodes(heading: string): string[] {
  const start = RETENTION_MD.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const lines = RETENTION_MD.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows = table.slice(0, table.findIndex((l) => !l.startsWith('|')));
  return rows.map((l) => /^\|\s*`([a-zA-Z_]+)`/.exec(l)?.[1]).filter((c): c is string => c !== undefined);
}

describe('the policy table', () => {
  it('has every category of RETENTION.md, in its order, with the rules of its table', () => {
    const specCategories = firstColumnCodes('## Categories');
    expect(specCategories).toHaveLength(20);
    const table = buildPolicyTable(TYPICAL_SETTINGS);
    expect(table.categories.map((r) => r.category)).toEqual(specCategories);
    expect(table.categories.map((r) => r.category)).toEqual([...CATEGORY_IDS]);
    for (const row of table.categories) {
      expect(row.ageRule?.setting ?? null).toBe(CATEGORIES[row.category].ageSetting);
      expect(row.cancellationRule?.setting ?? null).toBe(CATEGORIES[row.category].cancellationSetting);
      expect(row.action).toBe(CATEGORIES[row.category].action);
    }
  });

  it('has the source document’s overview with the typical settings: 2 and 7 years, active and inactive', () => {
    const rows = new Map(buildPolicyTable(TYPICAL_SETTINGS).categories.map((r) => [r.category, r]));
    expect(rows.get('personal_details')).toMatchObject({ ageRule: null, cancellationRule: { setting: 'personalDataMonths', value: 84, inForce: true }, action: 'erase' });
    expect(rows.get('memberships')).toMatchObject({ ageRule: { setting: 'historyMonths', value: 24, unit: 'months' }, cancellationRule: null });
    expect(rows.get('account_changes')).toMatchObject({ ageRule: { setting: 'personalDataMonths', value: 84 }, cancellationRule: null });
    expect(rows.get('collection_records')).toMatchObject({ ageRule: { value: 24 }, cancellationRule: { setting: 'inactiveActorMonths', value: 24 } });
    expect(rows.get('financial_transactions')).toMatchObject({ ageRule: { setting: 'financialMonths', value: 84 }, cancellationRule: { setting: 'financialMonths', value: 84 } });
    expect(rows.get('loan_history')).toMatchObject({ action: 'anonymize', optOutRule: { setting: 'optOutLoanDays', value: 90, unit: 'days', inForce: true } });
    expect([...rows.values()].filter((r) => r.optOutRule !== null).map((r) => r.category)).toEqual(['loan_history']);
    expect([...rows.values()].every((r) => r.deletedByARule)).toBe(true);
    expect(wholeYears(24)).toBe(2);
    expect(wholeYears(84)).toBe(7);
    expect(wholeYears(30)).toBeNull();
    expect(wholeYears(0)).toBeNull();
  });

  it('follows the settings: every period is the value of its setting', () => {
    const settings = { inactiveActorMonths: 13, financialMonths: 120, historyMonths: 6, personalDataMonths: 48, optOutLoanDays: 30 };
    const table = buildPolicyTable(settings);
    for (const row of table.categories) {
      for (const r of [row.ageRule, row.cancellationRule, row.optOutRule]) {
        if (r) expect(r).toMatchObject({ value: settings[r.setting], inForce: true });
      }
    }
    expect(table.removal).toMatchObject({ setting: 'inactiveActorMonths', value: 13, inForce: true });
    expect(table.conditions.find((c) => c.code === 'RECENT_FINANCIAL_ARCHIVE')).toMatchObject({ period: { setting: 'financialMonths', months: 120 }, inForce: true });
    expect(table.settings).toEqual(settings);
  });

  it('shows a setting of 0 as a rule not in force, never as a period of 0', () => {
    const table = buildPolicyTable({ ...TYPICAL_SETTINGS, historyMonths: 0, financialMonths: 0 });
    const rows = new Map(table.categories.map((r) => [r.category, r]));
    expect(rows.get('holds')).toMatchObject({ ageRule: { setting: 'historyMonths', value: 0, inForce: false }, deletedByARule: false });
    // Still deleted after cancellation: one rule off leaves the other in force.
    expect(rows.get('collection_records')).toMatchObject({ ageRule: { inForce: false }, cancellationRule: { inForce: true }, deletedByARule: true });
    expect(rows.get('financial_transactions')).toMatchObject({ ageRule: { inForce: false }, cancellationRule: { inForce: false }, deletedByARule: false });
    expect(rows.get('loan_history')).toMatchObject({ ageRule: { inForce: false }, optOutRule: { inForce: true }, deletedByARule: true });
    expect(table.conditions.find((c) => c.code === 'RECENT_FINANCIAL_ARCHIVE')?.inForce).toBe(false);

    const off = buildPolicyTable(DISABLED_SETTINGS);
    expect(off.categories.every((r) => !r.deletedByARule)).toBe(true);
    expect(off.removal.inForce).toBe(false);
    // Conditions that rest on no setting hold whatever the settings.
    expect(off.conditions.filter((c) => !c.inForce).map((c) => c.code)).toEqual(['RECENT_FINANCIAL_ARCHIVE']);
  });

  it('lists every deletion condition and not-due code of RETENTION.md, with the fixed periods', () => {
    const specConditions = firstColumnCodes('### Deletion conditions');
    expect(specConditions).toHaveLength(19);
    const table = buildPolicyTable(TYPICAL_SETTINGS);
    expect(table.conditions.map((c) => c.code)).toEqual(specConditions);
    expect(table.conditions.map((c) => c.code)).toEqual([...DELETION_CONDITION_CODES]);
    for (const code of ['CLEANUP_DISABLED', 'ACTIVE_MEMBERSHIP', 'NOT_INACTIVE_LONG_ENOUGH']) expect(RETENTION_MD).toContain(`\`${code}\``);
    expect(table.notDueReasons).toEqual([...NOT_DUE_CODES]);
    const byCode = new Map(table.conditions.map((c) => [c.code, c]));
    expect(byCode.get('RECENT_EDUB_DEREGISTRATION')?.period).toEqual({ setting: null, months: 3 });
    expect(byCode.get('RECENT_MEMBERSHIP_END')?.period).toEqual({ setting: null, months: 24 });
    expect(byCode.get('STAFF_ROLE')).toMatchObject({ source: 'wise_rol', period: null, inForce: true });
  });
});

describe('the CSV rows', () => {
  it('are the table’s rows as plain cells under stable column names, and survive a CSV round trip', () => {
    const table = buildPolicyTable({ ...TYPICAL_SETTINGS, historyMonths: 0 });
    const rows = policyCsvRows(table);
    expect(rows.map((r) => r.category)).toEqual([...CATEGORY_IDS]);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...POLICY_CSV_COLUMNS].sort());
    const byCategory = new Map(rows.map((r) => [r.category, r]));
    expect(byCategory.get('holds')).toMatchObject({ age_setting: 'historyMonths', age_period: '0', age_unit: 'months', age_in_force: 'false', cancellation_setting: '', deleted_by_a_rule: 'false', kept_until_removal: 'open holds' });
    expect(byCategory.get('loan_history')).toMatchObject({ action: 'anonymize', opt_out_setting: 'optOutLoanDays', opt_out_period: '90', opt_out_unit: 'days', opt_out_in_force: 'true' });
    expect(byCategory.get('documents')).toMatchObject({ age_setting: '', age_period: '', cancellation_setting: 'personalDataMonths', cancellation_period: '84', cancellation_in_force: 'true', kept_until_removal: '' });

    const csv = stringify(rows, { header: true, columns: [...POLICY_CSV_COLUMNS] });
    expect(csv.split('\n')[0]).toBe(POLICY_CSV_COLUMNS.join(','));
    expect(parse(csv)).toEqual(rows);

    const conditions = conditionsCsvRows(table);
    expect(conditions.map((c) => c.code)).toEqual([...DELETION_CONDITION_CODES]);
    expect(conditions[1]).toEqual({ code: 'RECENT_FINANCIAL_ARCHIVE', source: 'fin_posten_archive younger than financial_inactive', period_setting: 'financialMonths', period_months: '84', in_force: 'true' });
    expect(parse(stringify(conditions, { header: true, columns: [...CONDITIONS_CSV_COLUMNS] }))).toEqual(conditions);
  });
});

describe('the policy texts', () => {
  for (const locale of LOCALES) {
    it(`${locale}: words for every category, kept record, condition and not-due code`, () => {
      const p = MESSAGES[locale].policy as unknown as Record<string, Record<string, unknown>>;
      for (const id of CATEGORY_IDS) {
        expect(p.categories![id], id).toMatchObject({ name: expect.any(String), date: expect.any(String) });
        if (CATEGORIES[id].keptUntilRemoval) expect(p.kept![id], id).toEqual(expect.any(String));
      }
      expect(Object.keys(p.kept!).sort()).toEqual(CATEGORY_IDS.filter((id) => CATEGORIES[id].keptUntilRemoval).sort());
      expect(Object.keys(p.conditions!)).toEqual([...DELETION_CONDITION_CODES]);
      expect(Object.keys(p.notDue!)).toEqual([...NOT_DUE_CODES]);
      // The conditions that end by themselves (a period, the memberships rule, a hold's end date) say until when.
      expect(Object.keys(p.conditionUntil!).sort()).toEqual(
        ['RECENT_FINANCIAL_ARCHIVE', 'RECENT_EDUB_DEREGISTRATION', 'RECENT_MEMBERSHIP_END', 'RUNNING_MEMBERSHIP_STATUS', 'SPECIAL_MEMBERSHIP', 'LEGAL_HOLD'].sort(),
      );
    });
  }
});

describe('GET /api/v1/policy parameters', () => {
  it('takes format and table, and names a bad one', () => {
    expect(policyQuerySchema.safeParse({}).success).toBe(true);
    expect(policyQuerySchema.safeParse({ format: 'csv', table: 'conditions' }).success).toBe(true);
    const bad = policyQuerySchema.safeParse({ format: 'xml' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['format']);
    expect(policyQuerySchema.safeParse({ table: 'conditions' }).error?.issues[0]?.path).toEqual(['table']);
    expect(policyQuerySchema.safeParse({ other: '1' }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

const t = await setupTestDatabase('policy');

describe('the policy document from the database', () => {
  it('is computed from the settings in force and dated by their last change', async () => {
    await t.db.transaction((tx) =>
      writeSettings(tx, SETTING_NAMES.map((name) => ({ name, value: TYPICAL_SETTINGS[name] })), { by: 'admin@test', reason: 'typical' }),
    );
    const before = await getPolicyDocument(t.db, new Date('2026-01-01T00:00:00Z'));
    expect(before.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(before.settings).toEqual(TYPICAL_SETTINGS);
    expect(before.settingsInForce.map((s) => s.name)).toEqual([...SETTING_NAMES]);
    expect(before.lastChange?.by).toBe('admin@test');
    const firstChange = before.lastChange!.at;

    await new Promise((r) => setTimeout(r, 20));
    await t.db.transaction((tx) => writeSettings(tx, [{ name: 'historyMonths', value: 0 }], { by: 'other@test', reason: 'switch off' }));
    const after = await getPolicyDocument(t.db);
    expect(after.settings.historyMonths).toBe(0);
    expect(after.settingsInForce.find((s) => s.name === 'historyMonths')).toMatchObject({ value: 0, disabled: true, updatedBy: 'other@test' });
    expect(after.categories.find((r) => r.category === 'holds')).toMatchObject({ ageRule: { value: 0, inForce: false }, deletedByARule: false });
    expect(after.lastChange?.by).toBe('other@test');
    expect(after.lastChange!.at > firstChange).toBe(true);
  });
});
