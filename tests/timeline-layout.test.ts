import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { evaluateActor } from '@/lib/retention/report';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { parseScenarioText, type ScenarioActor } from '@/lib/scenario/schema';
import { layoutTimeline, MAX_ROWS_PER_LANE, OPEN_END_MARGIN_YEARS, type TimelineLayout } from '@/lib/timeline/layout';
import { explainReasons } from '@/lib/timeline/reasons';
import { stripDetails, timelineRecords } from '@/lib/timeline/records';

/*
 * The timeline's layout (dates to lanes and bars) over every actor of every scenario file, on
 * every as-of date the file's expectations use and on a later day: what the chart draws must be
 * exactly what the evaluation and the actor report say.
 */

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
const files = fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'));
const DAY = 86_400_000;
const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;

function build(actor: ScenarioActor, settings: typeof DISABLED_SETTINGS, asOf: string) {
  const data = scenarioActorToData(actor);
  const evaluation = evaluateActor(data, settings, asOf);
  const records = timelineRecords(data, evaluation);
  const { report } = evaluation;
  const layout = layoutTimeline({
    registeredOn: data.registeredOn,
    asOf,
    active: report.active,
    cancellationDate: report.cancellationDate,
    removal: report.removal,
    records,
  });
  return { data, evaluation, records, report, layout, reasons: explainReasons(data, settings, report.removal.reasons, asOf) };
}

const fraction = (layout: TimelineLayout, d: string) => (days(d) - days(layout.axis.start)) / (days(layout.axis.end) - days(layout.axis.start));

describe.each(files)('timeline layout on %s', (file) => {
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
  const settings = { ...DISABLED_SETTINGS, ...scenario.settings };
  const dates = [...new Set([...((scenario.expectations ?? []) as { asOf: string }[]).map((e) => e.asOf), '2026-11-23'])].sort();

  it.each(dates)('every actor as of %s', (asOf) => {
    for (const actor of scenario.actors) {
      const { evaluation, records, report, layout, reasons } = build(actor, settings, asOf);
      const where = `actor ${actor.actorId} as of ${asOf}`;

      // One record per evaluated record, unchanged dates.
      expect(records.map((r) => [r.category, r.date, r.goDate, r.ruleDate]), where).toEqual(evaluation.records.map((r) => [r.category, r.date, r.goDate, r.ruleDate]));

      // Lanes: exactly the categories that hold records, in RETENTION.md order, each with all its records.
      const held = CATEGORY_IDS.filter((c) => report.categories[c].records > 0);
      expect(layout.lanes.map((l) => l.category), where).toEqual(held);
      for (const lane of layout.lanes) expect(lane.bars.length, `${where} ${lane.category}`).toBe(report.categories[lane.category].records);
      const drawn = layout.lanes.flatMap((l) => l.bars.map((b) => b.index)).sort((a, b) => a - b);
      expect(drawn, where).toEqual(records.map((_, i) => i));

      // Bars: from the record's date (or start) to its day of going, inside the axis.
      for (const lane of layout.lanes) {
        for (const bar of lane.bars) {
          const record = evaluation.records[bar.index]!;
          expect(bar.category).toBe(record.category);
          expect(bar.end, where).toBe(record.goDate);
          if (record.date !== null) expect(bar.start, where).toBe(record.date);
          else expect(bar.start, where).toBe(records[bar.index]!.start ?? actor.registeredOn);
          expect(bar.startKnown).toBe(records[bar.index]!.start !== null);
          expect(bar.x0).toBeGreaterThanOrEqual(0);
          expect(bar.x1).toBeLessThanOrEqual(1);
          expect(bar.x0).toBeLessThanOrEqual(bar.x1);
          expect(bar.x0).toBeCloseTo(fraction(layout, bar.start), 9);
          if (bar.end !== null && bar.end >= bar.start) expect(bar.x1).toBeCloseTo(fraction(layout, bar.end), 9);
          if (bar.end === null) expect(bar.x1).toBe(1);
          expect(bar.status).toBe(bar.end === null ? 'kept' : bar.end === asOf ? 'due' : 'held');
          expect(bar.row).toBeGreaterThanOrEqual(0);
          expect(bar.row).toBeLessThan(lane.rows);
        }
        // Bars that share a row do not overlap (while there are rows enough).
        if (lane.rows < MAX_ROWS_PER_LANE) {
          for (let row = 0; row < lane.rows; row++) {
            const inRow = lane.bars.filter((b) => b.row === row).sort((a, b) => a.x0 - b.x0);
            for (let i = 1; i < inRow.length; i++) expect(inRow[i]!.x0, where).toBeGreaterThan(inRow[i - 1]!.x1);
          }
        }
      }

      // Axis: registration → removal (or an open end after the latest date), whole years.
      expect(layout.axis.start <= actor.registeredOn, where).toBe(true);
      expect(layout.axis.start.endsWith('-01-01') && layout.axis.end.endsWith('-01-01')).toBe(true);
      expect(layout.axis.end > asOf).toBe(true);
      expect(layout.axis.openEnded).toBe(report.removal.date === null);
      if (report.removal.date) expect(layout.axis.end > report.removal.date, where).toBe(true);
      for (const r of records) if (r.goDate) expect(layout.axis.end > r.goDate).toBe(true);
      expect(layout.axis.years.map((y) => y.year)).toEqual(
        Array.from({ length: Number(layout.axis.end.slice(0, 4)) - Number(layout.axis.start.slice(0, 4)) }, (_, i) => Number(layout.axis.start.slice(0, 4)) + i),
      );

      // Markers: as-of and removal, the report's dates.
      expect(layout.asOf.date).toBe(asOf);
      expect(layout.asOf.x).toBeCloseTo(fraction(layout, asOf), 9);
      expect(layout.removal?.date ?? null, where).toBe(report.removal.date);
      expect(layout.removal?.due ?? false).toBe(report.removal.date === null ? false : report.removal.due);

      // Reasons: the report's, unchanged and in its order, each with the records behind it.
      expect(layout.reasons.map((r) => ({ code: r.code, until: r.until })), where).toEqual(report.removal.reasons);
      expect(reasons.map((r) => ({ code: r.code, until: r.until }))).toEqual(report.removal.reasons);
      for (const r of reasons) expect(r.evidence.length, `${where} ${r.code}`).toBeGreaterThan(0);
      for (const r of layout.reasons) {
        expect(r.x0).toBeCloseTo(layout.asOf.x, 9);
        expect(r.x1 >= r.x0 && r.x1 <= 1).toBe(true);
        expect(r.open).toBe(r.until === null);
      }

      // Membership: registration to cancellation, open while active, none for a never-member.
      if (report.active) expect(layout.membership).toMatchObject({ start: actor.registeredOn, end: null, open: true, x1: 1 });
      else if (report.cancellationDate) expect(layout.membership).toMatchObject({ end: report.cancellationDate, cancellation: { date: report.cancellationDate } });
      else expect(layout.membership).toBeNull();
    }
  });
});

describe('the worked example (seed-example.json, actor 1001)', () => {
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, 'seed-example.json'), 'utf8'));
  const settings = { ...DISABLED_SETTINGS, ...scenario.settings };
  const actor = scenario.actors.find((a) => a.actorId === 1001)!;

  it('as of 2024-01-01: membership 2015-01-01 → 2022-11-15, removal 2029-08-10, the fine keeps the actor', () => {
    const { layout, records, reasons } = build(actor, settings, '2024-01-01');
    expect(layout.axis).toMatchObject({ start: '2015-01-01', end: '2030-01-01', openEnded: false });
    expect(layout.axis.years).toHaveLength(15);
    expect(layout.membership).toMatchObject({ start: '2015-01-01', end: '2022-11-15', open: false, x0: 0, cancellation: { date: '2022-11-15' } });
    expect(layout.removal).toEqual({ date: '2029-08-10', x: fraction(layout, '2029-08-10'), due: false });
    expect(layout.lanes.map((l) => l.category)).toEqual([
      'personal_details',
      'memberships',
      'titles_previously_borrowed',
      'loan_history',
      'holds',
      'customer_notifications',
      'account_changes',
      'blocks',
      'documents',
      'credentials',
      'financial_transactions',
    ]);

    const financial = layout.lanes.find((l) => l.category === 'financial_transactions')!;
    const bar = (booked: string) => financial.bars.find((b) => b.start === booked)!;
    // Each fee goes 7 years after booking; those already past on the as-of date are due that day.
    expect(bar('2015-01-01')).toMatchObject({ end: '2024-01-01', status: 'due', action: 'delete' });
    expect(bar('2018-01-01')).toMatchObject({ end: '2025-01-01', status: 'held', goesBy: 'rule' });
    expect(bar('2022-01-01')).toMatchObject({ end: '2029-01-01', status: 'held' });
    expect(bar('2022-08-10')).toMatchObject({ end: '2029-08-10', status: 'held' });
    expect(records[bar('2022-08-10').index]).toMatchObject({ kind: 'fine', amountCents: 350 });
    // Fees of consecutive years overlap in time, so they stack in rows.
    expect(financial.rows).toBeGreaterThan(1);

    // Loans are anonymized (○), two years after they were returned; titles go 2 years after cancellation.
    const loans = layout.lanes.find((l) => l.category === 'loan_history')!;
    expect(loans.bars.every((b) => b.action === 'anonymize')).toBe(true);
    expect(loans.bars.find((b) => b.start === '2022-10-20')).toMatchObject({ end: '2024-10-20' });
    const titles = layout.lanes.find((l) => l.category === 'titles_previously_borrowed')!;
    expect(titles.bars.map((b) => b.end)).toEqual(['2024-11-15', '2024-11-15', '2024-11-15', '2024-11-15']);
    // Personal details would be erased 7 years after cancellation, but the actor goes first.
    const personal = layout.lanes.find((l) => l.category === 'personal_details')!;
    expect(personal.bars[0]).toMatchObject({ action: 'erase', end: '2029-08-10', goesBy: 'removal', startKnown: false, start: '2015-01-01' });
    // A block carries its creation date, the timeline starts its bar there.
    expect(layout.lanes.find((l) => l.category === 'blocks')!.bars[0]).toMatchObject({ start: '2022-09-01', startKnown: true, end: '2024-11-15' });

    const archive = reasons.find((r) => r.code === 'RECENT_FINANCIAL_ARCHIVE')!;
    expect(archive.until).toBe('2029-08-10');
    expect(archive.evidence).toContainEqual({ kind: 'financial', financialKind: 'fine', bookedOn: '2022-08-10', settled: true, until: '2029-08-10' });
    expect(reasons.find((r) => r.code === 'NOT_INACTIVE_LONG_ENOUGH')!.evidence).toEqual([
      { kind: 'cancellation', date: '2022-11-15', fromRegistration: false, until: '2024-11-15' },
    ]);
    const reasonBar = layout.reasons.find((r) => r.code === 'RECENT_FINANCIAL_ARCHIVE')!;
    expect(reasonBar.x1).toBeCloseTo(layout.removal!.x, 9);
  });

  it('as of 2029-08-10: removal is due, every record goes that day', () => {
    const { layout } = build(actor, settings, '2029-08-10');
    expect(layout.removal).toMatchObject({ date: '2029-08-10', due: true });
    expect(layout.reasons).toEqual([]);
    for (const lane of layout.lanes) for (const bar of lane.bars) expect(bar).toMatchObject({ end: '2029-08-10', status: 'due' });
  });

  it('strips loan items and amounts for callers without actor.details', () => {
    const { records } = build(actor, settings, '2024-01-01');
    expect(records.some((r) => r.itemId !== undefined)).toBe(true);
    expect(records.some((r) => r.amountCents !== undefined)).toBe(true);
    const stripped = stripDetails(records);
    expect(JSON.stringify(stripped)).not.toMatch(/amountCents|itemId|B-1000/);
    expect(stripped.find((r) => r.kind === 'fine')).toBeDefined();
  });
});

describe('an actor kept until someone acts (seed-example.json, actor 1002)', () => {
  it('has an open-ended axis with a margin, an open membership and open reasons', () => {
    const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, 'seed-example.json'), 'utf8'));
    const actor = scenario.actors.find((a) => a.actorId === 1002)!;
    const { layout, reasons } = build(actor, { ...DISABLED_SETTINGS, ...scenario.settings }, '2024-01-01');
    expect(layout.removal).toBeNull();
    expect(layout.axis.openEnded).toBe(true);
    // The latest known date is RECENT_FINANCIAL_ARCHIVE's 2030-05-01: the axis runs on to 2031 + margin.
    expect(layout.axis.end).toBe(`${2031 + OPEN_END_MARGIN_YEARS}-01-01`);
    expect(layout.membership).toMatchObject({ open: true, x1: 1, cancellation: null });
    expect(layout.reasons.find((r) => r.code === 'CURRENT_LOANS')).toMatchObject({ open: true, x1: 1 });
    expect(reasons.find((r) => r.code === 'CURRENT_LOANS')!.evidence).toEqual([{ kind: 'loan', loanedOn: '2023-12-28', until: null }]);
    // The copy still on loan has no day of going: its bar starts when it was lent and runs open-ended.
    const current = layout.lanes.find((l) => l.category === 'loan_history')!.bars.find((b) => b.end === null);
    expect(current).toMatchObject({ status: 'kept', goesBy: 'never', start: '2023-12-28', startKnown: true, x1: 1 });
  });
});
