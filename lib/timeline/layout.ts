import { CATEGORY_IDS, type CategoryAction, type CategoryId } from '../retention/categories';
import type { ReasonCode } from '../retention/conditions';
import { maxDate, type IsoDate } from '../retention/dates';
import type { Reason } from '../retention/types';
import type { GoesBy, TimelineRecord } from './records';

/*
 * The retention timeline's geometry, as pure data: dates become x positions between 0 (the axis
 * start) and 1 (its end), so the drawing scales to any width (the SVG uses percentages). No I/O,
 * no clock, no React: unit-tested on every actor of every scenario file.
 */

export type TimelineInput = {
  registeredOn: IsoDate;
  asOf: IsoDate;
  active: boolean;
  /** The report's cancellation date (null when active or never a member). */
  cancellationDate: IsoDate | null;
  removal: { due: boolean; date: IsoDate | null; reasons: Reason[] };
  records: TimelineRecord[];
  /** The actor's legal hold (also one that ended by its date); absent or null: none. */
  legalHold?: { until: IsoDate | null } | null;
  /** The report's `removal.requestedOn`; absent or null: no request (or a void one). */
  removalRequestedOn?: IsoDate | null;
};

/** Held: goes after the as-of date. Due: a run on the as-of date processes it. Kept: goes only when someone acts. */
export type BarStatus = 'held' | 'due' | 'kept';

export type TimelineBar = {
  /** Index of the record in the input's `records` (and in the table view). */
  index: number;
  category: CategoryId;
  action: CategoryAction;
  /** The bar's start: the record's start, or the registration date when the record has none (`startKnown` false). */
  start: IsoDate;
  startKnown: boolean;
  /** The record's day of going; null: open-ended (drawn to the axis end). */
  end: IsoDate | null;
  goesBy: GoesBy;
  status: BarStatus;
  x0: number;
  x1: number;
  /** Sub-row within the lane (bars that overlap in time get rows of their own). */
  row: number;
};

export type TimelineLane = { category: CategoryId; action: CategoryAction; rows: number; bars: TimelineBar[] };

export type TimelineReasonBar = { code: ReasonCode; until: IsoDate | null; x0: number; x1: number; open: boolean };

export type TimelineLayout = {
  axis: {
    start: IsoDate;
    end: IsoDate;
    /** True when the actor is kept until someone acts: the axis ends at a margin, not at a removal. */
    openEnded: boolean;
    /** One per calendar year on the axis: x of its 1 January, and of the middle of the year (for its label). */
    years: { year: number; x: number; labelX: number }[];
  };
  /** The membership period: registration to cancellation, or open while still a member; null for an inactive actor who never was one. */
  membership: { start: IsoDate; end: IsoDate | null; x0: number; x1: number; open: boolean; cancellation: { date: IsoDate; x: number } | null } | null;
  lanes: TimelineLane[];
  reasons: TimelineReasonBar[];
  asOf: { date: IsoDate; x: number };
  removal: { date: IsoDate; x: number; due: boolean } | null;
  /**
   * A legal hold that holds on the as-of date, from the as-of date to its end (open: to the axis
   * end). Every record's day of going already lies on or after its end (the engine holds them back).
   */
  hold: { until: IsoDate | null; x0: number; x1: number; open: boolean } | null;
  /** The customer's removal request: a marker at its date. */
  request: { date: IsoDate; x: number } | null;
};

/** At most this many sub-rows per lane; further overlapping bars share the least busy row. */
export const MAX_ROWS_PER_LANE = 8;
/** Years added after the latest known date when the actor is kept indefinitely. */
export const OPEN_END_MARGIN_YEARS = 2;

const DAY_MS = 86_400_000;
const dayNumber = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
const yearOf = (d: IsoDate) => Number(d.slice(0, 4));
const jan1 = (year: number): IsoDate => `${String(year).padStart(4, '0')}-01-01`;
const minOf = (dates: IsoDate[]) => dates.reduce((a, b) => (b < a ? b : a));
const maxOf = (dates: IsoDate[]) => dates.reduce((a, b) => (b > a ? b : a));
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Lays out one actor's timeline. */
export function layoutTimeline(input: TimelineInput): TimelineLayout {
  const { asOf, removal, records } = input;
  const openEnded = removal.date === null;

  // Every date the drawing must show, so the axis covers registration → removal (or the latest date).
  const known: IsoDate[] = [input.registeredOn, asOf];
  if (removal.date) known.push(removal.date);
  if (input.cancellationDate) known.push(input.cancellationDate);
  for (const r of records) {
    if (r.start) known.push(r.start);
    if (r.date) known.push(r.date);
    if (r.goDate) known.push(r.goDate);
  }
  for (const reason of removal.reasons) if (reason.until) known.push(reason.until);
  const holdNow = input.legalHold && (input.legalHold.until === null || input.legalHold.until > asOf) ? input.legalHold : null;
  if (holdNow?.until) known.push(holdNow.until);
  if (input.removalRequestedOn) known.push(input.removalRequestedOn);
  const first = minOf(known);
  const last = maxOf(known);
  // Whole calendar years, so the year bands are even; an open end gets a visible margin.
  const start = jan1(yearOf(first));
  const end = jan1(yearOf(last) + 1 + (openEnded ? OPEN_END_MARGIN_YEARS : 0));
  const s = dayNumber(start);
  const span = dayNumber(end) - s;
  const x = (d: IsoDate) => clamp01((dayNumber(d) - s) / span);

  const years: TimelineLayout['axis']['years'] = [];
  for (let y = yearOf(start); y < yearOf(end); y++) years.push({ year: y, x: x(jan1(y)), labelX: (x(jan1(y)) + x(jan1(y + 1))) / 2 });

  let membership: TimelineLayout['membership'] = null;
  if (input.active) {
    membership = { start: input.registeredOn, end: null, x0: x(input.registeredOn), x1: 1, open: true, cancellation: null };
  } else if (input.cancellationDate) {
    const endDate = maxDate(input.cancellationDate, input.registeredOn);
    membership = {
      start: input.registeredOn,
      end: input.cancellationDate,
      x0: x(input.registeredOn),
      x1: x(endDate),
      open: false,
      cancellation: { date: input.cancellationDate, x: x(input.cancellationDate) },
    };
  }

  const lanes: TimelineLane[] = [];
  for (const category of CATEGORY_IDS) {
    const bars: TimelineBar[] = [];
    records.forEach((r, index) => {
      if (r.category !== category) return;
      const barStart = r.start ?? input.registeredOn;
      const x0 = x(barStart);
      const status: BarStatus = r.goDate === null ? 'kept' : r.goDate === asOf ? 'due' : 'held';
      bars.push({
        index,
        category,
        action: r.action,
        start: barStart,
        startKnown: r.start !== null,
        end: r.goDate,
        goesBy: r.goesBy,
        status,
        x0,
        x1: r.goDate === null ? 1 : Math.max(x0, x(r.goDate)),
        row: 0,
      });
    });
    if (bars.length === 0) continue;
    const rows = packRows(bars);
    lanes.push({ category, action: bars[0]!.action, rows, bars });
  }

  const asOfX = x(asOf);
  const reasons = removal.reasons.map((r) => ({
    code: r.code,
    until: r.until,
    x0: asOfX,
    x1: r.until === null ? 1 : Math.max(asOfX, x(r.until)),
    open: r.until === null,
  }));

  return {
    axis: { start, end, openEnded, years },
    membership,
    lanes,
    reasons,
    asOf: { date: asOf, x: asOfX },
    removal: removal.date ? { date: removal.date, x: x(removal.date), due: removal.due } : null,
    hold: holdNow ? { until: holdNow.until, x0: asOfX, x1: holdNow.until === null ? 1 : Math.max(asOfX, x(holdNow.until)), open: holdNow.until === null } : null,
    request: input.removalRequestedOn ? { date: input.removalRequestedOn, x: x(input.removalRequestedOn) } : null,
  };
}

/**
 * Puts each bar in the first sub-row where it does not overlap the previous bar (sorted by start);
 * beyond MAX_ROWS_PER_LANE rows, in the row that frees up first. Returns the number of rows.
 */
function packRows(bars: TimelineBar[]): number {
  const GAP = 0.004;
  const order = [...bars].sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1 || a.index - b.index);
  const rowEnds: number[] = [];
  for (const bar of order) {
    let row = rowEnds.findIndex((endX) => endX + GAP <= bar.x0);
    if (row === -1) {
      if (rowEnds.length < MAX_ROWS_PER_LANE) row = rowEnds.length;
      else row = rowEnds.indexOf(Math.min(...rowEnds));
    }
    bar.row = row;
    rowEnds[row] = Math.max(rowEnds[row] ?? 0, bar.x1);
  }
  return Math.max(1, rowEnds.length);
}
