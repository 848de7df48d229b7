import type { ReactNode } from 'react';
import type { TimelineBar, TimelineLayout } from '@/lib/timeline/layout';
import { FAMILIES, FAMILY_COLOUR } from './timeline-style';

/*
 * The drawing pieces of the retention timeline (components/actors/retention-timeline.tsx): the
 * x-position helper, the colours, the shared gradients and patterns, the lines that run through
 * every row, the glyph at a record's end, and one row of the chart (its name and its drawing).
 */

export const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
export const OK = 'var(--color-ok)';
export const WARN = 'var(--color-warn)';
export const DANGER = 'var(--color-danger)';
export const INK = 'var(--color-ink)';
export const MUTED = 'var(--color-muted)';
export const LINE = 'var(--color-line)';
export const BRAND = 'var(--color-brand)';

/** Text beside a marker: to its right in the left part of the axis, to its left near the end. */
export function sideOf(x: number): { anchor: 'start' | 'end'; dx: number } {
  return x < 0.62 ? { anchor: 'start', dx: 8 } : { anchor: 'end', dx: -8 };
}
/** Text centred on a marker, kept inside the axis near its ends. */
export function centredOn(x: number): 'start' | 'middle' | 'end' {
  return x < 0.3 ? 'start' : x > 0.7 ? 'end' : 'middle';
}

export function Defs() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <defs>
        {/* Each family's fades, and a neutral one for the legend's swatches. */}
        {[...FAMILIES.map((f) => [f, FAMILY_COLOUR[f]] as const), ['neutral', 'var(--color-muted)'] as const].map(([f, colour]) => (
          <g key={f}>
            <linearGradient id={`tl-${f}-kept`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor={colour} stopOpacity="0.85" />
              <stop offset="0.75" stopColor={colour} stopOpacity="0.85" />
              <stop offset="1" stopColor={colour} stopOpacity="0.05" />
            </linearGradient>
            <linearGradient id={`tl-${f}-unknown`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor={colour} stopOpacity="0.05" />
              <stop offset="0.25" stopColor={colour} stopOpacity="0.85" />
              <stop offset="1" stopColor={colour} stopOpacity="0.85" />
            </linearGradient>
            <linearGradient id={`tl-${f}-both`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor={colour} stopOpacity="0.05" />
              <stop offset="0.2" stopColor={colour} stopOpacity="0.85" />
              <stop offset="0.8" stopColor={colour} stopOpacity="0.85" />
              <stop offset="1" stopColor={colour} stopOpacity="0.05" />
            </linearGradient>
          </g>
        ))}
        <linearGradient id="tl-member-open" x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" stopColor={OK} stopOpacity="0.9" />
          <stop offset="0.85" stopColor={OK} stopOpacity="0.9" />
          <stop offset="1" stopColor={OK} stopOpacity="0.1" />
        </linearGradient>
        <linearGradient id="tl-reason-open" x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" stopColor={WARN} stopOpacity="0.35" />
          <stop offset="0.8" stopColor={WARN} stopOpacity="0.35" />
          <stop offset="1" stopColor={WARN} stopOpacity="0.02" />
        </linearGradient>
        <pattern id="tl-hold" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <rect width="8" height="8" fill={BRAND} fillOpacity="0.06" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={BRAND} strokeOpacity="0.22" strokeWidth="2" />
        </pattern>
        <pattern id="tl-gone" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" stroke={DANGER} strokeOpacity="0.18" strokeWidth="2" />
        </pattern>
      </defs>
    </svg>
  );
}

/** Year lines, the time after removal, and the as-of and removal lines: drawn in every row so they run through the chart. */
export function Backdrop({ layout }: { layout: TimelineLayout }) {
  const { removal, hold, request } = layout;
  const height = '100%';
  return (
    <g>
      {removal && removal.x < 1 ? <rect x={pct(removal.x)} y="0" width={pct(1 - removal.x)} height={height} fill="url(#tl-gone)" /> : null}
      {hold ? <rect data-testid="hold-band" x={pct(hold.x0)} y="0" width={pct(Math.max(0.002, hold.x1 - hold.x0))} height={height} fill="url(#tl-hold)" /> : null}
      {hold && !hold.open ? <line x1={pct(hold.x1)} x2={pct(hold.x1)} y1="0" y2={height} stroke={BRAND} strokeWidth="2" strokeDasharray="6 3" /> : null}
      {request ? <line x1={pct(request.x)} x2={pct(request.x)} y1="0" y2={height} stroke={DANGER} strokeWidth="1.5" strokeDasharray="1 3" strokeLinecap="round" /> : null}
      {layout.axis.years.map((y) => (
        <line key={y.year} x1={pct(y.x)} x2={pct(y.x)} y1="0" y2={height} stroke={LINE} strokeWidth="1" />
      ))}
      <line x1="100%" x2="100%" y1="0" y2={height} stroke={LINE} strokeWidth="1" strokeDasharray={layout.axis.openEnded ? '2 3' : undefined} />
      <line x1={pct(layout.asOf.x)} x2={pct(layout.asOf.x)} y1="0" y2={height} stroke={INK} strokeWidth="1.5" strokeDasharray="4 3" />
      {removal ? <line x1={pct(removal.x)} x2={pct(removal.x)} y1="0" y2={height} stroke={DANGER} strokeWidth="2" /> : null}
    </g>
  );
}

/** The end of a record's bar: ✕ deleted, ○ anonymized, ◇ erased. */
export function EndGlyph({ action, x, y, size, colour }: { action: TimelineBar['action']; x: number; y: number; size: number; colour: string }) {
  return (
    <svg x={pct(x)} y={y} overflow="visible">
      {action === 'anonymize' ? (
        <circle cx="0" cy="0" r={size} fill="white" stroke={colour} strokeWidth="1.8" />
      ) : action === 'erase' ? (
        <path d={`M0 ${-size - 1} L${size + 1} 0 L0 ${size + 1} L${-size - 1} 0 Z`} fill="white" stroke={colour} strokeWidth="1.8" />
      ) : (
        <g stroke={INK} strokeWidth="1.8" strokeLinecap="round">
          <line x1={-size} y1={-size} x2={size} y2={size} />
          <line x1={-size} y1={size} x2={size} y2={-size} />
        </g>
      )}
    </svg>
  );
}

/**
 * One row of the chart: its name and its drawing. From `sm` on the names form a column that stays
 * in view while the chart scrolls; on a phone each name sits above its drawing, which then takes
 * the full width (no sideways scrolling). The drawing fills the row and its content is centred in
 * it, so a name that wraps never leaves a gap in the lines that run through the chart.
 */
export function Row({ label, height, layout, children, labelOnPhone = true }: { label: ReactNode; height: number; layout: TimelineLayout; children?: ReactNode; labelOnPhone?: boolean }) {
  return (
    <div className="grid grid-cols-1 sm:grid-cols-[15rem_minmax(0,1fr)]">
      <div
        className={`${labelOnPhone ? 'flex' : 'hidden sm:flex'} min-w-0 flex-col justify-center bg-surface px-3 pt-2 sm:sticky sm:left-0 sm:z-10 sm:border-r sm:border-line sm:py-1 sm:pr-3 sm:pl-2`}
      >
        {label}
      </div>
      <div className="px-3 sm:px-5">
        <div className="relative h-full" style={{ minHeight: height }}>
          <svg width="100%" height="100%" className="absolute inset-0 overflow-visible [&_text]:stroke-white [&_text]:[paint-order:stroke] [&_text]:[stroke-linejoin:round] [&_text]:[stroke-width:3px]" focusable="false">
            <Backdrop layout={layout} />
            <svg y="50%" overflow="visible">
              <g transform={`translate(0 ${-height / 2})`}>{children}</g>
            </svg>
          </svg>
        </div>
      </div>
    </div>
  );
}
