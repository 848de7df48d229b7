import type { CategoryId } from '@/lib/retention/categories';

/*
 * Colours of the timeline: each category drawn in the colour of its family (the cat-* tokens of
 * app/globals.css), so the timeline, the policy and the reports speak the same colour language.
 */

export type Family = 'personal' | 'history' | 'actor' | 'financial' | 'loans';

export const CATEGORY_FAMILY: Record<CategoryId, Family> = {
  personal_details: 'personal',
  memberships: 'history',
  titles_previously_borrowed: 'actor',
  asset_profiles: 'actor',
  loan_history: 'loans',
  instance_history: 'history',
  holds: 'history',
  marketing: 'history',
  ksm: 'history',
  customer_notifications: 'history',
  to_inform: 'history',
  tickets: 'history',
  account_changes: 'personal',
  blocks: 'actor',
  documents: 'personal',
  credentials: 'actor',
  relationships: 'actor',
  collection_records: 'history',
  collections_agency: 'history',
  financial_transactions: 'financial',
};

export const FAMILY_COLOUR: Record<Family, string> = {
  personal: 'var(--color-cat-personal)',
  history: 'var(--color-cat-history)',
  actor: 'var(--color-cat-actor)',
  financial: 'var(--color-cat-financial)',
  loans: 'var(--color-cat-loans)',
};

/** Swatch classes for the table view (spelled out so Tailwind finds them). */
export const FAMILY_SWATCH: Record<Family, string> = {
  personal: 'bg-cat-personal',
  history: 'bg-cat-history',
  actor: 'bg-cat-actor',
  financial: 'bg-cat-financial',
  loans: 'bg-cat-loans',
};

export const FAMILIES = Object.keys(FAMILY_COLOUR) as Family[];
