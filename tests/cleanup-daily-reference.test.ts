import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { runCleanup } from '@/lib/cleanup/run';
import { runReferenceCleanup } from '@/lib/cleanup/reference';
import { generateScenario } from '@/lib/demo/generate-scenario';
import { addDays } from '@/lib/retention/dates';
import { type RetentionSettings, TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { setupTestDatabase } from './helpers/db';

/*
 * Day after day, the scheduled runs (after the first backlog: sparse batches of the actors the
 * retention schedule names, each table looked up for the actors whose plans have something there)
 * leave the library exactly as the plain set-based reference does on a copy, run for the same days.
 */

const a = await setupTestDatabase('daily_run');
const b = await setupTestDatabase('daily_ref');
const start = '2026-03-01';

/*
 * The typical settings, and settings that leave one side of a split rule alone: a sparse batch
 * works the loans of actors with the history on and off, and the financial records of cancelled
 * and other actors, as separate statements (statements.ts, PlannedPart), each with its own bound.
 */
const SETTINGS: [string, RetentionSettings][] = [
  ['typical settings', TYPICAL_SETTINGS],
  ['no loan-history rule for opt-ins, no financial rule', { ...TYPICAL_SETTINGS, historyMonths: 0, financialMonths: 0 }],
  ['no opt-out rule, financial records after 12 months', { ...TYPICAL_SETTINGS, optOutLoanDays: 0, financialMonths: 12 }],
];

const TABLES = ['actors', 'roles', 'other_roles', 'blocks', 'credentials', 'financial_items', 'loans', 'holds', 'marketing', 'titles_previously_borrowed', 'documents', 'ksm', 'tickets'];

async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const r = await db.$client.query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by id), '')) as h from ${table} x`);
    out[table] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

describe.each(SETTINGS)('daily runs against the reference, %s', (_, settings) => {
  const library = generateScenario({ actors: 1500, seed: 23, today: start, settings });
  it('leave the same rows as the set-based reference, day by day, while costing only what is due', async () => {
    for (const t of [a, b]) await loadScenario(t.db, library, { replace: true, by: 'test', reason: 'daily reference test' });
    const total = library.actors.length;
    let examinedAfterBacklog = 0;
    let processedAfterBacklog = 0;
    for (let day = 0; day < 40; day += 3) {
      const asOf = addDays(start, day);
      const run = await runCleanup(a.db, { asOf, trigger: 'test' });
      expect(run.errors).toBe(0);
      // One batch holds every actor due (at most a second for what changed while it worked): a
      // batch that failed would have been split and retried, and shown here as many batches.
      expect(run.batches, asOf).toBeLessThanOrEqual(2);
      expect(run.batchesSplit, asOf).toBe(0);
      const client = await b.db.$client.connect();
      try {
        await runReferenceCleanup(client, settings, asOf);
      } finally {
        client.release();
      }
      expect(await fingerprint(a.db), asOf).toEqual(await fingerprint(b.db));
      if (day > 0) {
        examinedAfterBacklog += run.actorsExamined;
        processedAfterBacklog += run.recordsProcessed;
      }
    }
    // The later runs worked on a few actors each (the schedule's), and did work.
    expect(processedAfterBacklog).toBeGreaterThan(0);
    expect(examinedAfterBacklog / 13).toBeLessThan(total / 4);
  });
});
