import { SETTING_INFO, type CategoryFamily } from '@/components/home/setting-info';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '@/lib/retention/categories';

/*
 * Chart colours: each category takes its family's colour token (--color-cat-*, app/globals.css),
 * the family of the setting that drives it (its age rule's, else its cancellation rule's), so the
 * report reads like the overview and the policy. Within a family the categories are told apart by
 * shades of that colour, darker and lighter in turn, fixed per category (not per range), so a
 * category keeps its colour whatever range is shown. Actors removed take the actor family's colour.
 */

const FAMILY_VAR: Record<CategoryFamily, string> = {
  actor: 'var(--color-cat-actor)',
  financial: 'var(--color-cat-financial)',
  history: 'var(--color-cat-history)',
  personal: 'var(--color-cat-personal)',
  loans: 'var(--color-cat-loans)',
};

export const ACTORS_COLOR = FAMILY_VAR.actor;
const UNKNOWN_COLOR = 'var(--color-muted)';

const isCategoryId = (value: string): value is CategoryId => (CATEGORY_IDS as readonly string[]).includes(value);

/** The family a category belongs to (the family of its setting), or null for an unknown id. */
export function familyOf(category: string): CategoryFamily | null {
  if (!isCategoryId(category)) return null;
  const rule = CATEGORIES[category];
  const setting = rule.ageSetting ?? rule.cancellationSetting;
  return setting ? SETTING_INFO[setting].family : null;
}

/** How far each shade is mixed with black (negative) or white (positive), darkest to lightest. */
function shadeSteps(n: number): number[] {
  if (n === 1) return [0];
  return Array.from({ length: n }, (_, i) => -0.3 + (i * 0.85) / (n - 1));
}

function shade(base: string, step: number): string {
  if (Math.abs(step) < 0.01) return base;
  const pct = Math.round(Math.abs(step) * 100);
  return `color-mix(in oklab, ${base}, ${step < 0 ? 'black' : 'white'} ${pct}%)`;
}

function buildColors(): Map<string, string> {
  const colors = new Map<string, string>();
  const byFamily = new Map<CategoryFamily, CategoryId[]>();
  for (const id of CATEGORY_IDS) {
    const family = familyOf(id);
    if (family) byFamily.set(family, [...(byFamily.get(family) ?? []), id]);
  }
  for (const [family, ids] of byFamily) {
    const steps = shadeSteps(ids.length);
    // Neighbours in RETENTION.md order (and so in a stack) alternate between the darker and the
    // lighter half, so two adjacent segments never have nearly the same shade.
    const half = Math.ceil(ids.length / 2);
    ids.forEach((id, i) => colors.set(id, shade(FAMILY_VAR[family], steps[i % 2 === 0 ? i / 2 : half + (i - 1) / 2]!)));
  }
  return colors;
}

const COLORS = buildColors();

/** The CSS colour of a category's series (a CSS colour expression, usable in SVG and in CSS). */
export function categoryColor(category: string): string {
  return COLORS.get(category) ?? UNKNOWN_COLOR;
}

/** The CSS background of a legend swatch: solid for deleted, stripes for anonymized (as the bars). */
export function swatchBackground(color: string, kind: 'deleted' | 'anonymized'): string {
  if (kind === 'deleted') return color;
  return `repeating-linear-gradient(45deg, ${color} 0 2px, color-mix(in oklab, ${color} 25%, white) 2px 4px)`;
}
