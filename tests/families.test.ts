/*
 * The category families (lib/retention/families.ts): every category in exactly one family, the
 * fold of per-category counts into families, and what each family needs on screen: a name in
 * both languages and a colour token of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_COLOR } from '@/components/ui/family-colors';
import { MESSAGES } from '@/i18n/messages';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import {
  CATEGORY_FAMILY,
  countRecordsByFamily,
  FAMILY_CATEGORIES,
  FAMILY_IDS,
  familyOfCategory,
  sumFamilyCounts,
} from '@/lib/retention/families';

describe('the category families', () => {
  it('hold every category in exactly one family, and nothing else', () => {
    const listed = FAMILY_IDS.flatMap((f) => FAMILY_CATEGORIES[f]);
    for (const id of CATEGORY_IDS) expect(listed.filter((c) => c === id), id).toHaveLength(1);
    expect(listed).toHaveLength(CATEGORY_IDS.length);
    expect(new Set(listed)).toEqual(new Set(CATEGORY_IDS));
  });

  it('are the five of the issue, in their order, with their categories', () => {
    expect(FAMILY_IDS).toEqual(['loans', 'financial', 'account', 'contact', 'service']);
    expect(new Set(FAMILY_CATEGORIES.loans)).toEqual(new Set(['loan_history', 'titles_previously_borrowed']));
    expect(new Set(FAMILY_CATEGORIES.financial)).toEqual(new Set(['financial_transactions', 'collection_records', 'collections_agency']));
    expect(new Set(FAMILY_CATEGORIES.contact)).toEqual(new Set(['marketing', 'ksm', 'customer_notifications', 'to_inform']));
    expect(new Set(FAMILY_CATEGORIES.service)).toEqual(new Set(['holds', 'tickets', 'instance_history']));
    expect(FAMILY_CATEGORIES.account).toHaveLength(8);
  });

  it('map each category to the family that lists it', () => {
    for (const family of FAMILY_IDS) for (const id of FAMILY_CATEGORIES[family]) expect(CATEGORY_FAMILY[id], id).toBe(family);
    expect(Object.keys(CATEGORY_FAMILY).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it('know no family for what is not a category id', () => {
    for (const other of ['actors', '__proto__', 'toString', 'constructor', '', 'LOAN_HISTORY']) expect(familyOfCategory(other), other).toBeNull();
    expect(familyOfCategory('holds')).toBe('service');
  });

  it('fold deleted and anonymized records into their family; left-out categories count zero, other keys nothing', () => {
    const folded = countRecordsByFamily({
      loan_history: { deleted: 0, anonymized: 120 },
      titles_previously_borrowed: { deleted: 3, anonymized: 0 },
      financial_transactions: { deleted: 7, anonymized: 0 },
      personal_details: { deleted: 2, anonymized: 0 },
      credentials: { deleted: 1, anonymized: 0 },
      holds: { deleted: 10, anonymized: 0 },
      ...({ actors: { deleted: 99, anonymized: 0 } } as object),
    });
    expect(folded).toEqual({ loans: 123, financial: 7, account: 3, contact: 0, service: 10 });
    expect(sumFamilyCounts(folded)).toBe(143);
    expect(countRecordsByFamily({})).toEqual({ loans: 0, financial: 0, account: 0, contact: 0, service: 0 });
  });

  it('each have a name in English and in Dutch', () => {
    for (const locale of ['en', 'nl'] as const) {
      const names = MESSAGES[locale].families as Record<string, string>;
      expect(Object.keys(names).sort(), locale).toEqual([...FAMILY_IDS].sort());
      expect(new Set(Object.values(names)).size, `${locale}: distinct names`).toBe(FAMILY_IDS.length);
    }
  });

  it('each have a colour token of their own in app/globals.css', () => {
    const css = fs.readFileSync(path.resolve(import.meta.dirname, '../app/globals.css'), 'utf8');
    const colours = FAMILY_IDS.map((f) => {
      expect(FAMILY_COLOR[f]).toBe(`var(--color-family-${f})`);
      const m = new RegExp(`--color-family-${f}:\\s*(#[0-9a-f]{6});`, 'i').exec(css);
      expect(m, f).not.toBeNull();
      return m![1]!.toLowerCase();
    });
    expect(new Set(colours).size).toBe(FAMILY_IDS.length);
  });
});
