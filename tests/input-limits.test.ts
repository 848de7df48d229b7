/*
 * The limits every entry point shares (INTERFACES.md, "Scenario file" › Validation; SAFETY.md,
 * "Bad input"): dates of the years 1900 to 2200 only, and no NUL character in any text, for the
 * screens' filters and the server actions' forms as for the loader, the command line and the API.
 */
import { describe, expect, it } from 'vitest';
import { isIsoDate, isSupportedIsoDate } from '@/lib/retention/dates';
import { accessLogFiltersSchema } from '@/lib/validation/access-log';
import { parseScreenAsOf } from '@/lib/validation/actors';
import { createApiTokenFormSchema, createUserFormSchema, userIdFormSchema } from '@/lib/validation/admin';
import { auditFiltersSchema } from '@/lib/validation/audit';
import { isoDateSchema, withoutNul } from '@/lib/validation/common';
import { settingsReasonSchema } from '@/lib/validation/settings';
import { parseSaveForm } from '@/lib/validation/settings-form';
import { z } from 'zod';

const OUTSIDE = ['1899-12-31', '2201-01-01', '0001-01-01', '9999-12-31'];
const EDGES = ['1900-01-01', '2200-12-31'];

describe('the shared date rule', () => {
  it.each(OUTSIDE)('refuses %s, a real calendar date outside the years 1900 to 2200', (date) => {
    expect(isIsoDate(date)).toBe(true);
    expect(isSupportedIsoDate(date)).toBe(false);
    const result = isoDateSchema.safeParse(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/1900 to 2200/);
  });

  it.each(EDGES)('accepts %s', (date) => {
    expect(isSupportedIsoDate(date)).toBe(true);
    expect(isoDateSchema.parse(date)).toBe(date);
  });

  it.each(['2026-02-30', '1900-02-29', '2200-02-29', '2000-02-30', 'x'.repeat(100), ''])('still refuses %j', (value) => {
    expect(isSupportedIsoDate(value)).toBe(false);
  });
  it('takes 2000-02-29 (a leap day)', () => expect(isSupportedIsoDate('2000-02-29')).toBe(true));
});

describe('the screens: dates of the years 1900 to 2200', () => {
  it.each(OUTSIDE)('the actor screen refuses as-of %s', (date) => expect(parseScreenAsOf(date)).toBe(false));
  it.each(EDGES)('the actor screen takes as-of %s', (date) => expect(parseScreenAsOf(date)).toBe(date));

  it.each(OUTSIDE)('the audit and access log filters refuse %s, naming the field', (date) => {
    for (const schema of [auditFiltersSchema, accessLogFiltersSchema] as z.ZodType[]) {
      expect(schema.safeParse({ from: date }).error?.issues[0]?.path).toEqual(['from']);
      expect(schema.safeParse({ to: date }).error?.issues[0]?.path).toEqual(['to']);
    }
  });

  it('the access log refuses a NUL character in who looked, naming the field', () => {
    const result = accessLogFiltersSchema.safeParse({ caller: 'admin\u0000@' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['caller'], message: expect.stringMatching(/NUL/) });
    expect(accessLogFiltersSchema.parse({ caller: 'admin@' })).toEqual({ caller: 'admin@' });
  });
});

describe('the forms: no NUL character in any text, refused on its field', () => {
  it('the settings reason', () => {
    expect(settingsReasonSchema.safeParse('a\u0000b').error?.issues[0]?.message).toBe('reason must not contain NUL characters');
    const fields = { historyMonths: '24', reason: 'because\u0000', confirmed: 'yes', ...Object.fromEntries(['inactiveActorMonths', 'financialMonths', 'historyMonths', 'personalDataMonths', 'optOutLoanDays'].map((n) => [`expected_${n}`, '0'])) };
    expect(parseSaveForm(fields)).toEqual({ ok: false, errors: { reason: 'reasonInvalid' } });
  });

  it.each<[string, z.ZodType, Record<string, string>, string]>([
    ['a user name', createUserFormSchema, { email: 'a@library.example', role: 'ops', name: 'A\u0000B' }, 'name'],
    ['a user email', createUserFormSchema, { email: 'a\u0000@library.example', role: 'ops' }, 'email'],
    ['a token name', createApiTokenFormSchema, { role: 'ops', name: 'bot\u0000' }, 'name'],
    ['a user id', userIdFormSchema, { userId: 'abc\u0000' }, 'userId'],
  ])('%s', (_what, schema, input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('withoutNul keeps the schema it refines', () => {
    const schema = withoutNul(z.string().max(5), 'code');
    expect(schema.parse('abc')).toBe('abc');
    expect(schema.safeParse('a\u0000').error?.issues[0]?.message).toBe('code must not contain NUL characters');
    expect(schema.safeParse('abcdef').success).toBe(false);
  });
});
