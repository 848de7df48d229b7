import type { ReactNode } from 'react';

/** The colours of a badge: a state (ok, warning, danger) or the classes of a kind (bg, text and ring). */
export const BADGE_TONES = {
  ok: 'bg-ok/5 text-ok ring-ok/40',
  warn: 'bg-warn/5 text-warn ring-warn/40',
  danger: 'bg-danger/5 text-danger ring-danger/40',
} as const;

/** A short state or kind in a rounded pill ("Active", "Disabled", "Settings"); never wraps inside. */
export function Badge({ tone, className, children }: { tone?: keyof typeof BADGE_TONES; className?: string; children: ReactNode }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone ? BADGE_TONES[tone] : ''} ${className ?? ''}`}>{children}</span>
  );
}
