import type { FamilyId } from '@/lib/retention/families';

/*
 * The colour of each category family (lib/retention/families.ts): the --color-family-* tokens of
 * app/globals.css, chosen to be told apart with the common colour-vision deficiencies. Charts use
 * the CSS variable (SVG fills take it); HTML swatches use the Tailwind class, spelled out so
 * Tailwind finds it.
 */

/** The CSS colour of a family's series. */
export const FAMILY_COLOR: Record<FamilyId, string> = {
  loans: 'var(--color-family-loans)',
  financial: 'var(--color-family-financial)',
  account: 'var(--color-family-account)',
  contact: 'var(--color-family-contact)',
  service: 'var(--color-family-service)',
};

/** Tailwind classes of a family's swatch. */
export const FAMILY_SWATCH: Record<FamilyId, string> = {
  loans: 'bg-family-loans',
  financial: 'bg-family-financial',
  account: 'bg-family-account',
  contact: 'bg-family-contact',
  service: 'bg-family-service',
};
