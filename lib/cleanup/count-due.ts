import type { Db } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import { CATEGORY_IDS, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import type { DueCounts } from './schedule-sums';
import { computeCutoffs, countDueSql } from './statements';

export type { DueCounts };

/**
 * What one complete cleanup run on `asOf` would process now: actors removed and records per
 * category. Read-only and without locks, in ranges of actor ids (so memory and statement size stay
 * bounded), with the run's own predicates. `settings` defaults to the stored ones. It reads the
 * whole library: the job counts from the retention schedule (countDueNow); this is for other
 * settings (the settings what-if) and for checking the schedule in the tests.
 */
export async function countDue(
  db: Db,
  params: { asOf: IsoDate; settings?: RetentionSettings; rangeActors?: number; onProgress?: (done: number) => void },
): Promise<DueCounts> {
  const settings = params.settings ?? (await getSettings(db));
  const text = countDueSql(params.asOf, settings, computeCutoffs(settings, params.asOf));
  const size = params.rangeActors ?? 20_000;
  const out: DueCounts = { actors: 0, requestedActors: 0, records: Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>, recordsTotal: 0 };
  const client = await db.$client.connect();
  try {
    let lo = 0;
    let done = 0;
    for (;;) {
      const next = await client.query<{ hi: number | null; n: number; ids: string }>(
        `select max(id) as hi, count(*)::int as n, coalesce(array_agg(id order by id), '{}')::text as ids
           from (select id from actors where id > $1 order by id limit $2) x`,
        [lo, size],
      );
      const hi = next.rows[0]?.hi ?? null;
      if (hi === null) break;
      const r = await client.query<Record<string, number>>(text, [lo, hi, next.rows[0]!.ids]);
      const row = r.rows[0]!;
      out.actors += row.actors ?? 0;
      out.requestedActors += row.requested_actors ?? 0;
      for (const id of CATEGORY_IDS) {
        out.records[id] += row[id] ?? 0;
        out.recordsTotal += row[id] ?? 0;
      }
      done += next.rows[0]?.n ?? 0;
      params.onProgress?.(done);
      lo = hi;
    }
    return out;
  } finally {
    client.release();
  }
}
