import { useLocale, useTranslations } from 'next-intl';
import { useTerms } from '@/components/ui/terms';
import { formatIsoDate } from '@/i18n/format';
import type { TimelineLayout } from '@/lib/timeline/layout';
import type { TimelineRecord } from '@/lib/timeline/records';
import { TimelineLegend } from './timeline-legend';
import { BRAND, centredOn, DANGER, Defs, EndGlyph, INK, MUTED, OK, pct, Row, sideOf, WARN } from './timeline-parts';
import { CATEGORY_FAMILY, FAMILY_COLOUR, type Family } from './timeline-style';

/*
 * The retention timeline, drawn like the source's membership bar diagram: a year axis from
 * registration to the day the actor is gone, the membership as a green bar, one lane per category
 * that holds records, the reasons that keep the actor, and the as-of and removal lines. Plain SVG
 * with x positions in percent (from lib/timeline/layout.ts), so it scales to any width; below
 * 46rem the chart scrolls sideways inside its own region with the lane names kept in view. The
 * picture is one image for assistive technology (its name says what it shows); the table view
 * below carries the same data.
 */

export type RetentionTimelineProps = {
  actorId: number;
  layout: TimelineLayout;
  records: TimelineRecord[];
};

/** The retention timeline of one actor (see the module comment). */
export function RetentionTimeline({ actorId, layout, records }: RetentionTimelineProps) {
  const t = useTranslations('actors.chart');
  const terms = useTerms();
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
                      <span className="line-clamp-2 text-sm leading-tight font-medium" title={terms.category(lane.category)}>
                        {terms.category(lane.category)}
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
                  const label = `${terms.category(lane.category)}${kindLabel(record)}`;
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
                // The reason in words on a line of its own above its bar, pointing into the chart from wherever the bar starts (the code is in its tooltip, the reasons panel and the table view).
                const anchor = r.x0 > 0.5 ? 'end' : 'start';
                return (
                  <g key={r.code} data-testid="reason-bar" data-code={r.code} data-until={r.until ?? ''}>
                    <title>{`${terms.condition(r.code)} (${r.code}) → ${r.until ? dateIso(r.until) : t('openEnd')}`}</title>
                    <text
                      x={pct(anchor === 'end' ? r.x1 : r.x0)}
                      y={y + 10}
                      textAnchor={anchor}
                      fontSize="11"
                      fill={INK}
                    >
                      {terms.condition(r.code)}
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
      <TimelineLegend families={new Set(lanes.map((l) => CATEGORY_FAMILY[l.category]))} hasDue={lanes.some((l) => l.bars.some((b) => b.status === 'due'))} hasKept={lanes.some((l) => l.bars.some((b) => b.status === 'kept'))} hasUnknown={lanes.some((l) => l.bars.some((b) => !b.startKnown))} hasReasons={reasons.length > 0} hasRemoval={removal !== null} hasHold={hold !== null} hasRequest={request !== null} actions={new Set(lanes.flatMap((l) => l.bars.map((b) => b.action)))} />
      <p className="mt-2 text-xs text-muted">{t('goneNote')}</p>
    </div>
  );
}
