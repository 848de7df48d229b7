import type { CSSProperties, ReactNode } from 'react';

type ScrollRegionProps = {
  /** Id of the element that names the region (the table's caption). */
  labelledBy: string;
  children: ReactNode;
  className?: string;
};

/*
 * Shadows at the edges that have more to scroll to, so a phone user sees that the table goes on
 * (the white covers scroll with the content and hide a shadow once its edge is reached). The
 * colours are the surface and ink tokens of globals.css.
 */
const SCROLL_SHADOWS: CSSProperties = {
  background: [
    'linear-gradient(to right, var(--color-surface) 30%, transparent) left center / 2.5rem 100% no-repeat local',
    'linear-gradient(to left, var(--color-surface) 30%, transparent) right center / 2.5rem 100% no-repeat local',
    'radial-gradient(farthest-side at 0 50%, rgb(28 36 48 / 0.2), transparent) left center / 0.75rem 100% no-repeat scroll',
    'radial-gradient(farthest-side at 100% 50%, rgb(28 36 48 / 0.2), transparent) right center / 0.75rem 100% no-repeat scroll',
    'var(--color-surface)',
  ].join(', '),
};

/**
 * A box that scrolls a wide table sideways on a narrow screen. It takes the keyboard focus (and
 * shows it), so the table can be scrolled with the arrow keys even when it holds no link or
 * button (axe: scrollable-region-focusable), and it is named by the table's caption. A group, not
 * a region: a landmark per table would crowd the page's landmarks (and share the panel's name).
 * `relative`
 * makes it the containing block of visually hidden (absolutely positioned) text inside, which
 * would otherwise widen the page on a phone.
 */
export function ScrollRegion({ labelledBy, children, className = '' }: ScrollRegionProps) {
  return (
    <div role="group" aria-labelledby={labelledBy} tabIndex={0} style={SCROLL_SHADOWS} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
