import { beforeAll, describe, expect, it } from 'vitest';
import { countRuns, getRecentRuns, type RunFilter } from '@/lib/cleanup/job';
import { BadParameterError, parseQuery, runsQuerySchema } from '@/lib/validation/api';
import { setupTestDatabase } from './helpers/db';

/*
 * GET cleanup/runs's filters (the run history of the ops screen): the server filters every run
 * kept, not only the newest loaded, and reads the days in the job's time zone.
 */

const t = await setupTestDatabase('runs_filter');
const tz = 'Europe/Amsterdam';

type Seed = { at: string; trigger?: string; status?: string; dryRun?: boolean };

// Around the spring change of the clocks in Amsterdam: 29 March 2026 has 23 hours (23:00Z on the
// 28th to 22:00Z on the 29th). Plus 600 older scheduled runs, beyond any screen's first page.
const seeds: Seed[] = [
  { at: '2026-03-28T22:59:00Z' }, // 28 March, 23:59 in Amsterdam
  { at: '2026-03-28T23:00:00Z', trigger: 'dashboard', dryRun: true }, // 29 March, 00:00
  { at: '2026-03-29T21:59:00Z', trigger: 'api', status: 'failed' }, // 29 March, 23:59 (summer time)
  { at: '2026-03-29T22:00:00Z', trigger: 'cli', status: 'partial' }, // 30 March, 00:00
  ...Array.from({ length: 600 }, (_, i): Seed => ({ at: new Date(Date.UTC(2025, 0, 1, 1, 10) + i * 3_600_000).toISOString() })),
];

beforeAll(async () => {
  await t.db.$client.query(`delete from cleanup_runs`);
  for (const s of seeds) {
    await t.db.$client.query(
      `insert into cleanup_runs (trigger, as_of, dry_run, status, started_at, updated_at, finished_at, settings)
       values ($1, ($2::timestamptz at time zone 'Europe/Amsterdam')::date, $3, $4, $2, $2, $2, '{}')`,
      [s.trigger ?? 'schedule', s.at, s.dryRun ?? false, s.status ?? 'completed'],
    );
  }
});

const startedAt = async (filter: RunFilter, limit = 500) => (await getRecentRuns(t.db, { ...filter, limit })).map((r) => r.startedAt);

describe('the run history filters (GET cleanup/runs)', () => {
  it('without filters: the newest runs, newest first, and the count of all', async () => {
    const newest = await startedAt({}, 3);
    expect(newest).toEqual(['2026-03-29T22:00:00.000Z', '2026-03-29T21:59:00.000Z', '2026-03-28T23:00:00.000Z']);
    expect(await countRuns(t.db)).toBe(604);
  });

  it('by status, trigger and dry run, over every run kept', async () => {
    expect(await startedAt({ status: 'failed' })).toEqual(['2026-03-29T21:59:00.000Z']);
    expect(await startedAt({ trigger: 'dashboard' })).toEqual(['2026-03-28T23:00:00.000Z']);
    expect(await startedAt({ dryRun: true })).toEqual(['2026-03-28T23:00:00.000Z']);
    expect(await countRuns(t.db, { dryRun: false })).toBe(603);
    expect(await countRuns(t.db, { trigger: 'schedule', status: 'completed', dryRun: false })).toBe(601);
    expect(await countRuns(t.db, { status: 'tripped' })).toBe(0);
  });

  it('by days in the job time zone, both ends included, on a day of 23 hours', async () => {
    expect(await startedAt({ from: '2026-03-29', to: '2026-03-29', timeZone: tz })).toEqual(['2026-03-29T21:59:00.000Z', '2026-03-28T23:00:00.000Z']);
    expect(await startedAt({ to: '2026-03-28', timeZone: tz }, 1)).toEqual(['2026-03-28T22:59:00.000Z']);
    expect(await startedAt({ from: '2026-03-30', timeZone: tz })).toEqual(['2026-03-29T22:00:00.000Z']);
    // In UTC the same days cut elsewhere.
    expect(await startedAt({ from: '2026-03-29', to: '2026-03-29', timeZone: 'UTC' })).toEqual(['2026-03-29T22:00:00.000Z', '2026-03-29T21:59:00.000Z']);
  });

  it('reaches runs older than the newest 500: a day of the oldest scheduled runs', async () => {
    // The first of the 600 hourly runs: 1 January 2025, 01:10Z (02:10 in Amsterdam); 22 of them that day.
    const day = await startedAt({ from: '2025-01-01', to: '2025-01-01', timeZone: tz });
    expect(day).toHaveLength(22);
    expect(day.at(-1)).toBe('2025-01-01T01:10:00.000Z');
    expect(await countRuns(t.db, { from: '2025-01-01', to: '2025-01-01', timeZone: tz })).toBe(22);
  });

  it('combines the filters, and a filter passes as a parameter, never as SQL', async () => {
    expect(await startedAt({ trigger: 'api', status: 'failed', from: '2026-03-29', timeZone: tz })).toEqual(['2026-03-29T21:59:00.000Z']);
    expect(await startedAt({ trigger: "schedule' or 1=1 --" })).toEqual([]);
  });
});

describe('the parameters of GET cleanup/runs', () => {
  const query = (qs: string) => () => parseQuery(new URL(`http://x/api/v1/cleanup/runs${qs}`), runsQuerySchema);
  it('takes the filters beside limit', () => {
    expect(query('?limit=300&status=failed&trigger=schedule&dryRun=false&from=2026-03-01&to=2026-03-31')()).toEqual({
      limit: 300,
      status: 'failed',
      trigger: 'schedule',
      dryRun: false,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(query('?dryRun=true')()).toEqual({ dryRun: true });
  });
  it('refuses an unknown status, a bad trigger, dry run other than true or false, a bad day and a range ending before it starts', () => {
    for (const [qs, parameter] of [
      ['?status=done', 'status'],
      ['?trigger=Schedule%20x', 'trigger'],
      ['?dryRun=yes', 'dryRun'],
      ['?from=2026-02-30', 'from'],
      ['?from=2026-03-02&to=2026-03-01', 'to'],
      ['?day=2026-03-01', 'day'],
    ] as const) {
      try {
        query(qs)();
        expect.unreachable(qs);
      } catch (e) {
        expect(e).toBeInstanceOf(BadParameterError);
        expect((e as BadParameterError).parameter).toBe(parameter);
      }
    }
  });
});
