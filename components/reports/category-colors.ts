import { FAMILY_COLOR } from '@/components/ui/family-colors';
import type { CategoryId } from '@/lib/retention/categories';
import { FAMILY_CATEGORIES, FAMILY_IDS, familyOfCategory, type FamilyId } from '@/lib/retention/families';

/*
 * Chart colours of the report: each family its distinct colour (components/ui/family-colors.ts, as
 * the forecast), and within a family, when the reader drills into it, its categories in shades of
 * that colour, darker and lighter in turn, fixed per category (not per range), so a category keeps
 * its colour whatever range is shown. Actors removed take the actor colour, as in the forecast.
 */

export const ACTORS_COLOR = 'var(--color-cat-actor)';
const UNKNOWN_COLOR = 'var(--color-muted)';

/** How far each shade is mixed with black (negative) or white (positive), darkest to lightest. */
function shadeSteps(n: number): number[] {
  if (n === 1) return [0];
  return Array.from({ length: n }, (_, i) => -0.35 + (i * 0.9) / (n - 1));
}

function shade(base: string, step: number): string {
  if (Math.abs(step) < 0.01) return base;
  const pct = Math.round(Math.abs(step) * 100);
  return `color-mix(in oklab, ${base}, ${step < 0 ? 'black' : 'white'} ${pct}%)`;
}

function buildColors(): Map<string, string> {
  const colors = new Map<string, string>();
  for (const family of FAMILY_IDS) {
    const ids: readonly CategoryId[] = FAMILY_CATEGORIES[family];
    const steps = shadeSteps(ids.length);
    // Neighbours in the family's order (and so in a stack) alternate between the darker and the
    // lighter half, so two adjacent segments never have nearly the same shade.
    const half = Math.ceil(ids.length / 2);
    ids.forEach((id, i) => colors.set(id, shade(FAMILY_COLOR[family], steps[i % 2 === 0 ? i / 2 : half + (i - 1) / 2]!)));
  }
  return colors;
}

const COLORS = buildColors();

/** The CSS colour of a category's series: a shade of its family's colour. */
export function categoryColor(category: string): string {
  return COLORS.get(category) ?? UNKNOWN_COLOR;
}

/** The CSS colour of a family's series. */
export function familyColor(family: FamilyId): string {
  return FAMILY_COLOR[family];
}

/** The colour of a chart series: its category's shade when it has one, else its family's colour. */
export function seriesColor(series: { family: FamilyId; category: string | null }): string {
  return series.category ? categoryColor(series.category) : FAMILY_COLOR[series.family];
}

/** The colour of a category in a list by family (its family's colour), unknown ids muted. */
export function categoryFamilyColor(category: string): string {
  const family = familyOfCategory(category);
  return family ? FAMILY_COLOR[family] : UNKNOWN_COLOR;
}


/** The CSS background of a legend swatch: solid for deleted, stripes for anonymized (as the bars). */
export function swatchBackground(color: string, kind: 'deleted' | 'anonymized'): string {
  if (kind === 'deleted') return color;
  return `repeating-linear-gradient(45deg, ${color} 0 2px, color-mix(in oklab, ${color} 25%, white) 2px 4px)`;
}
