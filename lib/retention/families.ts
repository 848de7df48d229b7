import { CATEGORY_IDS, type CategoryId } from './categories';

/*
 * Category families: the 20 categories of RETENTION.md grouped by what they are about for a
 * reader of a chart (loans, money, the account itself, contact, services), so a chart has five
 * colours instead of twenty. One definition, used by every chart and table that groups by family
 * (the forecast now, the per-day report later). Unlike the setting families of the overview (a
 * category's colour there follows the setting that drives it), these follow the kind of record.
 */

/** The families, in the order they are stacked, listed and given columns. */
export const FAMILY_IDS = ['loans', 'financial', 'account', 'contact', 'service'] as const;

export type FamilyId = (typeof FAMILY_IDS)[number];

/** The categories of each family, in RETENTION.md's order within the family. */
export const FAMILY_CATEGORIES: { readonly [F in FamilyId]: readonly CategoryId[] } = {
  loans: ['loan_history', 'titles_previously_borrowed'],
  financial: ['financial_transactions', 'collection_records', 'collections_agency'],
  account: ['personal_details', 'memberships', 'account_changes', 'credentials', 'documents', 'relationships', 'blocks', 'asset_profiles'],
  contact: ['marketing', 'ksm', 'customer_notifications', 'to_inform'],
  service: ['holds', 'tickets', 'instance_history'],
};

function buildCategoryFamily(): Record<CategoryId, FamilyId> {
  const out: Partial<Record<CategoryId, FamilyId>> = {};
  for (const family of FAMILY_IDS) for (const id of FAMILY_CATEGORIES[family]) out[id] = family;
  // A category left out of every family would vanish from every sum without a word: fail at load.
  const missing = CATEGORY_IDS.filter((id) => !out[id]);
  if (missing.length > 0) throw new Error(`categories without a family: ${missing.join(', ')}`);
  return out as Record<CategoryId, FamilyId>;
}

/** The family of each category. */
export const CATEGORY_FAMILY: Readonly<Record<CategoryId, FamilyId>> = buildCategoryFamily();

const isCategoryId = (value: string): value is CategoryId => Object.hasOwn(CATEGORY_FAMILY, value);

/** The family of a category id, or null for anything else (such as the report's `actors`). */
export function familyOfCategory(category: string): FamilyId | null {
  return isCategoryId(category) ? CATEGORY_FAMILY[category] : null;
}

/** A count per family, every family present. */
export type FamilyCounts = Record<FamilyId, number>;

/** Zero for every family. */
export function emptyFamilyCounts(): FamilyCounts {
  return { loans: 0, financial: 0, account: 0, contact: 0, service: 0 };
}

/** Deleted and anonymized records per category, as a run, the forecast and the backlog give them. */
export type CategoryRecordCounts = Partial<Record<CategoryId, { deleted: number; anonymized: number }>>;

/**
 * Folds per-category counts into records per family (deleted + anonymized: the number of records
 * processed, whatever was done to them). Categories left out count as zero; keys that are not
 * category ids are ignored.
 */
export function countRecordsByFamily(records: CategoryRecordCounts): FamilyCounts {
  const out = emptyFamilyCounts();
  for (const [category, c] of Object.entries(records)) {
    const family = familyOfCategory(category);
    if (family && c) out[family] += c.deleted + c.anonymized;
  }
  return out;
}

/** The sum over the families. */
export function sumFamilyCounts(counts: FamilyCounts): number {
  return FAMILY_IDS.reduce((n, family) => n + counts[family], 0);
}
