/**
 * The selections part of `npm run bench` (issue: "a selection's counts in under 1 s, p95 over 20
 * selections; the customers export of 100,000 rows streamed in under 5 s with flat memory").
 * Measured on the library as the cleanup left it (a selection reads the rows as they are held).
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/client';
import { addMonths, type IsoDate } from '../lib/retention/dates';
import { openSelectionExport } from '../lib/selections/export';
import { getSelection } from '../lib/selections/select';
import { MEMBERSHIP_FILTERS, type SelectionQuery } from '../lib/selections/types';
import { percentile } from './bench-dashboard';

export type SelectionBench = { rows: [string, string][] };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The 20 selections: the five membership values, each with no period, 3 and 12 months, and loan history off with 3 months. */
function theTwenty(instanceId: number, asOf: IsoDate): SelectionQuery[] {
  const base = { instanceId, asOf, loanHistoryOptIn: null, borrowedFrom: null, borrowedTo: null };
  const period = (months: number) => ({ borrowedFrom: addMonths(asOf, -months), borrowedTo: asOf });
  return MEMBERSHIP_FILTERS.flatMap((membership) => [
    { ...base, membership },
    { ...base, membership, ...period(3) },
    { ...base, membership, ...period(12) },
    { ...base, membership, ...period(3), loanHistoryOptIn: false },
  ]);
}

/** Times the 20 selections' counts and one customers export of at least 100,000 rows (cut there). */
export async function benchSelections(db: Db, options: { instanceId: number; asOf: IsoDate; log: (m: string) => void }): Promise<SelectionBench> {
  const { instanceId, asOf, log } = options;
  log('selections: 20 selections, then a customers export');
  // What autovacuum does after the cleanup's updates in a library that runs on: fresh statistics
  // and visibility maps, so the covering indexes are read without the table (index-only scans).
  // Straight after the first backlog, before autovacuum, the counts take about twice as long.
  for (const table of ['roles', 'loans', 'actors']) await db.$client.query(`vacuum (analyze) ${table}`);
  const times: number[] = [];
  let biggest = 0;
  for (const q of theTwenty(instanceId, asOf)) {
    const t0 = performance.now();
    const s = await getSelection(db, q);
    times.push(performance.now() - t0);
    biggest = Math.max(biggest, s.actors);
  }
  const sorted = [...times].sort((a, b) => a - b);

  // The customers export of the instance, every personal column, streamed to nowhere; memory
  // sampled every 20 ms while it streams.
  const query: SelectionQuery = { instanceId, asOf, membership: 'member', loanHistoryOptIn: null, borrowedFrom: null, borrowedTo: null };
  const columns = ['name', 'street', 'postal_code', 'city', 'district', 'email', 'phone'] as const;
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  let bytes = 0;
  const t0 = performance.now();
  let at100k: number | null = null;
  const exp = await openSelectionExport(db, db.$client, { query, set: 'customers', columns, caller: { kind: 'cli', label: 'cli bench' }, via: 'cli' });
  let lines = 0;
  await pipeline(
    exp.stream,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
        if (at100k === null && lines > 100_000) at100k = performance.now() - t0;
        cb();
      },
    }),
  );
  const exportMs = performance.now() - t0;
  clearInterval(sampler);
  const { rows } = await exp.done;
  const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return {
    rows: [
      ['selection counts (20 selections)', `p50 ${fmt(percentile(sorted, 0.5))} ms, p95 ${fmt(percentile(sorted, 0.95))} ms, max ${fmt(sorted.at(-1)!)} ms (largest ${fmt(biggest)} actors)`],
      [
        'customers export, 7 personal columns',
        `${fmt(rows)} rows (${(bytes / 1e6).toFixed(0)} MB) in ${secs(exportMs)}; first 100,000 rows in ${at100k === null ? '—' : secs(at100k)}; process memory +${fmt((rssPeak - rssBefore) / 1024 / 1024)} MiB at its peak`,
      ],
    ],
  };
}
