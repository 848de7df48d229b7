import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { TimelineBar } from '@/lib/timeline/layout';
import { BRAND, DANGER, INK, OK, WARN } from './timeline-parts';
import { FAMILIES, FAMILY_COLOUR, type Family } from './timeline-style';

/*
 * The legend below the retention timeline, only what this actor's chart holds, in two parts:
 * the colours (a record's bar takes the colour of the setting that decides when it goes, as on the
 * overview) and the marks (how it goes: ✕ deleted, ○ anonymized, ◇ erased, drawn on a neutral bar
 * so that no mark seems to belong to one colour), with the lines and bands of the chart.
 */

/** A neutral bar for the marks' swatches. */
const NEUTRAL = 'var(--color-muted)';

function LegendList({ items }: { items: { key: string; swatch: ReactNode; text: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1.5 text-xs text-muted">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5" data-legend={item.key}>
          <Swatch>{item.swatch}</Swatch>
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width="28" height="14" aria-hidden="true" focusable="false" className="shrink-0" overflow="visible">
      {children}
    </svg>
  );
}

export function TimelineLegend(props: { families: Set<Family>; hasDue: boolean; hasKept: boolean; hasUnknown: boolean; hasReasons: boolean; hasRemoval: boolean; hasHold: boolean; hasRequest: boolean; actions: Set<TimelineBar['action']> }) {
  const t = useTranslations('actors.chart');
  const colours = FAMILIES.filter((f) => props.families.has(f)).map((f) => ({
    key: `family-${f}`,
    swatch: <rect x="0" y="3" width="26" height="8" rx="2" fill={FAMILY_COLOUR[f]} fillOpacity="0.85" />,
    text: t(`legend.families.${f}`),
  }));
  const items: { key: string; swatch: ReactNode; text: string }[] = [
    {
      key: 'membership',
      swatch: (
        <>
          <rect x="0" y="3" width="20" height="8" rx="2" fill={OK} />
          <path d="M20 2 L25 7 L20 12 L15 7 Z" fill={OK} stroke="white" strokeWidth="1" />
        </>
      ),
      text: t('legend.membership'),
    },
  ];
  if (props.actions.has('delete'))
    items.push({
      key: 'delete',
      swatch: (
        <>
          <rect x="0" y="3" width="20" height="8" rx="2" fill={NEUTRAL} fillOpacity="0.45" />
          <g stroke={INK} strokeWidth="1.6" strokeLinecap="round">
            <line x1="17" y1="4" x2="23" y2="10" />
            <line x1="17" y1="10" x2="23" y2="4" />
          </g>
        </>
      ),
      text: t('legend.delete'),
    });
  if (props.actions.has('anonymize'))
    items.push({
      key: 'anonymize',
      swatch: (
        <>
          <rect x="0" y="3" width="20" height="8" rx="2" fill={NEUTRAL} fillOpacity="0.45" />
          <circle cx="20" cy="7" r="3.5" fill="white" stroke={INK} strokeWidth="1.6" />
        </>
      ),
      text: t('legend.anonymize'),
    });
  if (props.actions.has('erase'))
    items.push({
      key: 'erase',
      swatch: (
        <>
          <rect x="0" y="3" width="20" height="8" rx="2" fill={NEUTRAL} fillOpacity="0.45" />
          <path d="M20 2 L25 7 L20 12 L15 7 Z" fill="white" stroke={INK} strokeWidth="1.6" />
        </>
      ),
      text: t('legend.erase'),
    });
  if (props.hasDue)
    items.push({
      key: 'due',
      swatch: <rect x="0" y="3" width="22" height="8" rx="2" fill={NEUTRAL} fillOpacity="0.25" stroke={NEUTRAL} strokeDasharray="3 2" />,
      text: t('legend.due'),
    });
  if (props.hasKept)
    items.push({ key: 'kept', swatch: <rect x="0" y="3" width="26" height="8" rx="2" fill="url(#tl-neutral-kept)" />, text: t('legend.kept') });
  if (props.hasUnknown)
    items.push({ key: 'unknown', swatch: <rect x="0" y="3" width="26" height="8" rx="2" fill="url(#tl-neutral-unknown)" />, text: t('legend.unknownStart') });
  if (props.hasReasons)
    items.push({
      key: 'reason',
      swatch: <rect x="0" y="2" width="26" height="10" rx="2" fill={WARN} fillOpacity="0.35" stroke={WARN} />,
      text: t('legend.reason'),
    });
  items.push({ key: 'today', swatch: <line x1="13" x2="13" y1="0" y2="14" stroke={INK} strokeWidth="1.5" strokeDasharray="4 3" />, text: t('legend.today') });
  if (props.hasRemoval)
    items.push({
      key: 'removal',
      swatch: (
        <>
          <rect x="13" y="0" width="15" height="14" fill="url(#tl-gone)" />
          <line x1="13" x2="13" y1="0" y2="14" stroke={DANGER} strokeWidth="2" />
        </>
      ),
      text: t('legend.removal'),
    });
  if (props.hasHold)
    items.push({
      key: 'hold',
      swatch: (
        <>
          <rect x="0" y="0" width="22" height="14" fill="url(#tl-hold)" />
          <line x1="22" x2="22" y1="0" y2="14" stroke={BRAND} strokeWidth="2" strokeDasharray="4 2" />
        </>
      ),
      text: t('legend.hold'),
    });
  if (props.hasRequest)
    items.push({
      key: 'request',
      swatch: <line x1="13" x2="13" y1="0" y2="14" stroke={DANGER} strokeWidth="1.5" strokeDasharray="1 3" strokeLinecap="round" />,
      text: t('legend.request'),
    });
  return (
    <div className="mt-3">
      <h3 className="sr-only">{t('legendTitle')}</h3>
      {colours.length > 0 ? (
        <>
          <p className="mb-1 text-xs font-medium text-ink">{t('legend.coloursTitle')}</p>
          <LegendList items={colours} />
          <p className="mt-2 mb-1 text-xs font-medium text-ink">{t('legend.marksTitle')}</p>
        </>
      ) : null}
      <LegendList items={items} />
    </div>
  );
}
