import type { MembershipState } from '@/lib/selections/types';

/*
 * The Selections screen's colours, from the @theme tokens of app/globals.css: the membership
 * states (active here the strongest), and loans linked to a customer against anonymized ones.
 */

export const STATE_COLOR: Record<MembershipState, string> = {
  active_here: 'var(--color-brand)',
  active_elsewhere: 'var(--color-cat-history)',
  inactive: 'var(--color-muted)',
};

export const LINKED_COLOR = 'var(--color-cat-loans)';
export const ANONYMIZED_COLOR = 'color-mix(in oklab, var(--color-muted) 40%, white)';
export const ANONYMIZED_EDGE = 'var(--color-muted)';
