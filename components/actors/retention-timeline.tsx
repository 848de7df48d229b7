import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatIsoDate } from '@/i18n/format';
import type { TimelineBar, TimelineLayout } from '@/lib/timeline/layout';
import type { TimelineRecord } from '@/lib/timeline/records';
import { CATEGORY_FAMILY, FAMILIES, FAMILY_COLOUR, type Family } from './timeline-style';

/*
 * The retention timeline, drawn like the source's membership bar diagram: a year axis from
 * registration to the day the actor is gone, the membership as a green bar, one lane per category
 * that holds records, the reasons that keep the actor, and the as-of and removal lines. Plain SVG
 * with x positions in percent (from lib/timeline/layout.ts), so it scales to any width; below
 * 46rem the chart scrolls sideways inside its own region with the lane names kept in view. The
 * picture is one image for assistive technology (its name says what it shows); the table view
 * below carries the same data.
 */

const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
const OK = 'var(--color-ok)';
const WARN = 'var(--color-warn)';
const DANGER = 'var(--color-danger)';
const INK = 'var(--color-ink)';
const MUTED = 'var(--color-muted)';
const LINE = 'var(--color-line)';
const BRAND = 'var(--color-brand)';

/** Text beside a marker: to its right in the left part of the axis, to its left near the end. */
function sideOf(x: number): { anchor: 'start' | 'end'; dx: number } {
  return x < 0.62 ? { anchor: 'start', dx: 8 } : { anchor: 'end', dx: -8 };
}
/** Text centred on a marker, kept inside the axis near its ends. */
function centredOn(x: number): 'start' | 'middle' | 'end' {
  return x < 0.3 ? 'start' : x > 0.7 ? 'end' : 'middle';
}

function Defs() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <defs>
        {FAMILIES.map((f) => (
          <g key={f}>
            <linearGradient id={`tl-${f}-kept`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.85" />
              <stop offset="0.75" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.85" />
              <stop offset="1" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.05" />
            </linearGradient>
            <linearGradient id={`tl-${f}-unknown`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.05" />
              <stop offset="0.25" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.85" />
              <stop offset="1" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.85" />
            </linearGradient>
            <linearGradient id={`tl-${f}-both`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.05" />
              <stop offset="0.2" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.85" />
              <stop offset="0.8" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.85" />
              <stop offset="1" stopColor={FAMILY_COLOUR[f]} stopOpacity="0.05" />
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
function Backdrop({ layout }: { layout: TimelineLayout }) {
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
function EndGlyph({ action, x, y, size, colour }: { action: TimelineBar['action']; x: number; y: number; size: number; colour: string }) {
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
function Row({ label, height, layout, children, labelOnPhone = true }: { label: ReactNode; height: number; layout: TimelineLayout; children?: ReactNode; labelOnPhone?: boolean }) {
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

export type RetentionTimelineProps = {
  actorId: number;
  layout: TimelineLayout;
  records: TimelineRecord[];
};

/** The retention timeline of one actor (see the module comment). */
export function RetentionTimeline({ actorId, layout, records }: RetentionTimelineProps) {
  const t = useTranslations('actors.chart');
  const tc = useTranslations('actorCategories');
  const th = useTranslations('actors.happens');
  const tk = useTranslations('actors.financialKinds');
  const locale = useLocale();
  const date = (d: string) => formatIsoDate(locale, d);
  const dateIso = (d: string) => `${formatIsoDate(locale, d)} (${d})`;
  const { axis, membership, lanes, reasons, removal, hold, request } = layout;
  const yearStride = axis.years.length > 36 ? 5 : axis.years.length > 18 ? 2 : 1;
  const phoneStride = axis.years.length > 24 ? 5 : axis.years.length > 8 ? 2 : 1;

  const kindLabel = (r: TimelineRecord) => {
    if (!r.kind) return '';
    if (r.category !== 'financial_transactions') return ` · ${r.kind}`;
    return ` · ${r.kind === 'membership_fee' || r.kind === 'fine' || r.kind === 'payment' ? tk(r.kind) : tk('other', { kind: r.kind })}`;
  };

  const alt = t('alt', {
    actorId,
    asOf: date(layout.asOf.date),
    lanes: lanes.length,
    removal: removal ? t('altRemoval', { date: date(removal.date) }) : t('altNoRemoval'),
  });

  const MEMBER_H = 40;
  const reasonRowH = 28;
  const reasonsH = Math.max(34, reasons.length * reasonRowH + 8);

  return (
    <div className="relative">
      <Defs />
      <div role="region" aria-label={t('scrollRegion')} tabIndex={0} className="overflow-x-auto rounded-md border border-line">
        <div role="img" aria-label={alt} className="bg-surface py-2 text-ink sm:min-w-[46rem]">
          {/* Year axis: every year from sm on, fewer on a phone */}
          <Row layout={layout} height={26} label={null} labelOnPhone={false}>
            <g className="hidden sm:inline">
              {axis.years.map((y, i) =>
                i % yearStride === 0 ? (
                  <text key={y.year} x={pct(yearStride === 1 ? y.labelX : y.x)} y="17" textAnchor={yearStride === 1 ? 'middle' : 'start'} fontSize="11" fill={MUTED} dx={yearStride === 1 ? 0 : 3}>
                    {y.year}
                  </text>
                ) : null,
              )}
            </g>
            <g className="sm:hidden">
              {axis.years.map((y, i) =>
                i % phoneStride === 0 ? (
                  <text key={y.year} x={pct(phoneStride === 1 ? y.labelX : y.x)} y="17" textAnchor={phoneStride === 1 ? 'middle' : 'start'} fontSize="10.5" fill={MUTED} dx={phoneStride === 1 ? 0 : 2}>
                    {y.year}
                  </text>
                ) : null,
              )}
            </g>
          </Row>

          {/* Membership */}
          <Row
            layout={layout}
            height={MEMBER_H}
            label={
              <>
                <span className="truncate text-sm font-semibold">{t('membership')}</span>
                {membership ? null : <span className="text-xs text-muted">{t('membershipNone')}</span>}
              </>
            }
          >
            {membership ? (
              <g data-testid="membership-bar" data-start={membership.start} data-end={membership.end ?? ''}>
                <title>
                  {membership.open
                    ? `${t('membership')}: ${dateIso(membership.start)} → ${t('memberOpen')}`
                    : `${t('membership')}: ${dateIso(membership.start)} → ${dateIso(membership.end!)}`}
                </title>
                <rect
                  x={pct(membership.x0)}
                  y="8"
                  width={pct(Math.max(0.002, membership.x1 - membership.x0))}
                  height="14"
                  rx="3"
                  fill={membership.open ? 'url(#tl-member-open)' : OK}
                  fillOpacity={membership.open ? 1 : 0.9}
                />
                {membership.cancellation ? (
                  <>
                    <svg x={pct(membership.cancellation.x)} y="15" overflow="visible">
                      <path d="M0 -7 L7 0 L0 7 L-7 0 Z" fill={OK} stroke="white" strokeWidth="1.5" />
                    </svg>
                    <text
                      x={pct(membership.cancellation.x)}
                      y="35"
                      fontSize="11"
                      fill={OK}
                      fontWeight="600"
                      textAnchor={sideOf(membership.cancellation.x).anchor}
                      dx={sideOf(membership.cancellation.x).dx / 2}
                    >
                      {t('cancelled', { date: date(membership.cancellation.date) })}
                    </text>
                  </>
                ) : (
                  <text x={pct(membership.x0)} y="35" fontSize="11" fill={OK} fontWeight="600" dx="2">
                    {t('member', { date: date(membership.start) })} · {t('memberOpen')}
                  </text>
                )}
              </g>
            ) : null}
          </Row>

          {/* One lane per category that holds records */}
          {lanes.map((lane) => {
            const family: Family = CATEGORY_FAMILY[lane.category];
            const colour = FAMILY_COLOUR[family];
            const barH = lane.rows === 1 ? 12 : 8;
            const gap = 3;
            const height = Math.max(38, 20 + lane.rows * barH + (lane.rows - 1) * gap);
            const top = (height - (lane.rows * barH + (lane.rows - 1) * gap)) / 2;
            return (
              <Row
                key={lane.category}
                layout={layout}
                height={height}
                label={
                  <>
                    <span className="flex min-w-0 items-baseline gap-1.5">
                      <span className="line-clamp-2 text-sm leading-tight font-medium" title={tc(lane.category)}>
                        {tc(lane.category)}
                      </span>
                      <span className="shrink-0 rounded-full bg-canvas px-1.5 text-xs text-muted tabular-nums ring-1 ring-line" title={t('records', { count: lane.bars.length })}>
                        {lane.bars.length}
                      </span>
                    </span>
                    <span className="truncate font-mono text-xs leading-tight text-muted">{lane.category}</span>
                  </>
                }
              >
                {lane.bars.map((bar) => {
                  const record = records[bar.index]!;
                  const y = top + bar.row * (barH + gap);
                  const fill =
                    bar.status === 'kept'
                      ? bar.startKnown
                        ? `url(#tl-${family}-kept)`
                        : `url(#tl-${family}-both)`
                      : bar.startKnown
                        ? colour
                        : `url(#tl-${family}-unknown)`;
                  const label = `${tc(lane.category)}${kindLabel(record)}`;
                  return (
                    <g key={bar.index} data-testid="bar" data-category={bar.category} data-start={bar.startKnown ? bar.start : ''} data-end={bar.end ?? ''}>
                      <title>
                        {bar.end === null
                          ? t('tooltipOpen', { category: label, start: dateIso(bar.start) })
                          : t('tooltip', { category: label, start: dateIso(bar.start), end: `${th(bar.action)} ${dateIso(bar.end)}` })}
                      </title>
                      <rect
                        x={pct(bar.x0)}
                        y={y}
                        width={pct(Math.max(0.003, bar.x1 - bar.x0))}
                        height={barH}
                        rx="2"
                        fill={fill}
                        fillOpacity={bar.status === 'due' ? 0.35 : bar.status === 'kept' || !bar.startKnown ? 1 : 0.85}
                        stroke={bar.status === 'due' ? colour : 'none'}
                        strokeDasharray={bar.status === 'due' ? '3 2' : undefined}
                      />
                      {bar.end !== null ? <EndGlyph action={bar.action} x={bar.x1} y={y + barH / 2} size={barH >= 12 ? 4 : 3} colour={colour} /> : null}
                    </g>
                  );
                })}
              </Row>
            );
          })}

          {/* The reasons that keep the actor, each up to the day it stops holding */}
          {reasons.length > 0 ? (
            <Row
              layout={layout}
              height={reasonsH}
              label={<span className="truncate text-sm font-semibold">{t('keptBy')}</span>}
            >
              {reasons.map((r, i) => {
                const y = 4 + i * reasonRowH;
                // The code on a line of its own above its bar, pointing into the chart from wherever the bar starts.
                const anchor = r.x0 > 0.5 ? 'end' : 'start';
                return (
                  <g key={r.code} data-testid="reason-bar" data-code={r.code} data-until={r.until ?? ''}>
                    <title>{r.until ? `${r.code} → ${dateIso(r.until)}` : `${r.code} → ${t('openEnd')}`}</title>
                    <text
                      x={pct(anchor === 'end' ? r.x1 : r.x0)}
                      y={y + 10}
                      textAnchor={anchor}
                      fontSize="10.5"
                      fontFamily="ui-monospace, SFMono-Regular, Menlo, monospace"
                      fill={INK}
                    >
                      {r.code}
                    </text>
                    <rect
                      x={pct(r.x0)}
                      y={y + 14}
                      width={pct(Math.max(0.003, r.x1 - r.x0))}
                      height="9"
                      rx="2"
                      fill={r.open ? 'url(#tl-reason-open)' : WARN}
                      fillOpacity={r.open ? 1 : 0.35}
                      stroke={WARN}
                      strokeWidth="1"
                      strokeOpacity={r.open ? 0 : 0.9}
                    />
                  </g>
                );
              })}
            </Row>
          ) : null}

          {/* As-of and removal labels (and the hold's end and the request, each on a line of its own) */}
          <Row layout={layout} height={44 + (hold ? 20 : 0) + (request ? 20 : 0)} label={null} labelOnPhone={false}>
            <text x={pct(layout.asOf.x)} y="16" textAnchor={centredOn(layout.asOf.x)} fontSize="11.5" fontWeight="600" fill={INK}>
              {t('today', { date: date(layout.asOf.date) })}
            </text>
            {removal ? (
              <text x={pct(removal.x)} y="36" textAnchor={centredOn(removal.x)} fontSize="11.5" fontWeight="700" fill={DANGER}>
                {t('removed', { date: date(removal.date) })}
              </text>
            ) : (
              <text x="100%" y="36" textAnchor="end" fontSize="11" fill={MUTED}>
                {t('openEnd')} →
              </text>
            )}
            {hold ? (
              <text data-testid="hold-label" x={pct(hold.open ? hold.x0 : hold.x1)} y="56" textAnchor={hold.open ? sideOf(hold.x0).anchor : centredOn(hold.x1)} dx={hold.open ? sideOf(hold.x0).dx : 0} fontSize="11.5" fontWeight="700" fill={BRAND}>
                {hold.until ? t('holdUntil', { date: date(hold.until) }) : `${t('holdOpen')} →`}
              </text>
            ) : null}
            {request ? (
              <text data-testid="request-label" x={pct(request.x)} y={hold ? 76 : 56} textAnchor={centredOn(request.x)} fontSize="11.5" fontWeight="600" fill={DANGER}>
                {t('requested', { date: date(request.date) })}
              </text>
            ) : null}
          </Row>
        </div>
      </div>
      <TimelineLegend hasDue={lanes.some((l) => l.bars.some((b) => b.status === 'due'))} hasKept={lanes.some((l) => l.bars.some((b) => b.status === 'kept'))} hasUnknown={lanes.some((l) => l.bars.some((b) => !b.startKnown))} hasReasons={reasons.length > 0} hasRemoval={removal !== null} hasHold={hold !== null} hasRequest={request !== null} actions={new Set(lanes.flatMap((l) => l.bars.map((b) => b.action)))} />
      <p className="mt-2 text-xs text-muted">{t('goneNote')}</p>
    </div>
  );
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width="28" height="14" aria-hidden="true" focusable="false" className="shrink-0" overflow="visible">
      {children}
    </svg>
  );
}

function TimelineLegend(props: { hasDue: boolean; hasKept: boolean; hasUnknown: boolean; hasReasons: boolean; hasRemoval: boolean; hasHold: boolean; hasRequest: boolean; actions: Set<TimelineBar['action']> }) {
  const t = useTranslations('actors.chart');
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
          <rect x="0" y="3" width="20" height="8" rx="2" fill={FAMILY_COLOUR.financial} fillOpacity="0.85" />
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
          <rect x="0" y="3" width="20" height="8" rx="2" fill={FAMILY_COLOUR.loans} fillOpacity="0.85" />
          <circle cx="20" cy="7" r="3.5" fill="white" stroke={FAMILY_COLOUR.loans} strokeWidth="1.6" />
        </>
      ),
      text: t('legend.anonymize'),
    });
  if (props.actions.has('erase'))
    items.push({
      key: 'erase',
      swatch: (
        <>
          <rect x="0" y="3" width="20" height="8" rx="2" fill={FAMILY_COLOUR.personal} fillOpacity="0.85" />
          <path d="M20 2 L25 7 L20 12 L15 7 Z" fill="white" stroke={FAMILY_COLOUR.personal} strokeWidth="1.6" />
        </>
      ),
      text: t('legend.erase'),
    });
  if (props.hasDue)
    items.push({
      key: 'due',
      swatch: <rect x="0" y="3" width="22" height="8" rx="2" fill={FAMILY_COLOUR.history} fillOpacity="0.35" stroke={FAMILY_COLOUR.history} strokeDasharray="3 2" />,
      text: t('legend.due'),
    });
  if (props.hasKept)
    items.push({ key: 'kept', swatch: <rect x="0" y="3" width="26" height="8" rx="2" fill="url(#tl-actor-kept)" />, text: t('legend.kept') });
  if (props.hasUnknown)
    items.push({ key: 'unknown', swatch: <rect x="0" y="3" width="26" height="8" rx="2" fill="url(#tl-actor-unknown)" />, text: t('legend.unknownStart') });
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
      <ul className="flex flex-wrap gap-x-5 gap-y-1.5 text-xs text-muted">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            <Swatch>{item.swatch}</Swatch>
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
