import type { DbOrTx } from '../../db/client';
import { getActorDataPageBulk } from '../../db/queries/actor-data';
import type { CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import { evaluateActor } from '../retention/report';
import type { RetentionSettings } from '../retention/settings';

/*
 * What a settings change keeps longer (RETENTION.md, "Changing settings": the product shows what a
 * change would do): with a longer period nothing becomes due, but records and actors go later. Each
 * actor is evaluated by the rules engine with both the current and the proposed settings on the
 * as-of date; a record whose day of going moves later (or to never) is kept longer, by the days
 * between, and so is an actor whose removal moves later.
 */

/** How many go later, and by how much: the typical (median) and the longest delay in days; `never`: no longer go by any rule. */
export type Delay = { count: number; typicalDays: number | null; maxDays: number | null; never: number };

export type KeptLonger = {
  records: Partial<Record<CategoryId, Delay>>;
  recordsTotal: number;
  actors: Delay;
};

/** Days from `a` to `b` (both `YYYY-MM-DD`). */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Delays kept as a histogram (they cluster on a few values: the change's own length). */
class DelayTally {
  private readonly days = new Map<number, number>();
  count = 0;
  never = 0;

  add(from: IsoDate | null, to: IsoDate | null): void {
    if (from === null) return; // never went: cannot go later
    if (to === null) {
      this.count += 1;
      this.never += 1;
      return;
    }
    if (to <= from) return;
    const d = daysBetween(from, to);
    this.count += 1;
    this.days.set(d, (this.days.get(d) ?? 0) + 1);
  }

  result(): Delay {
    const dated = this.count - this.never;
    let typical: number | null = null;
    let max: number | null = null;
    if (dated > 0) {
      const sorted = [...this.days.entries()].sort((a, b) => a[0] - b[0]);
      max = sorted.at(-1)![0];
      let seen = 0;
      for (const [d, n] of sorted) {
        seen += n;
        if (seen * 2 >= dated) {
          typical = d;
          break;
        }
      }
    }
    return { count: this.count, typicalDays: typical, maxDays: max, never: this.never };
  }
}

/** True when a change of a period from `oldValue` to `newValue` keeps data longer (0 means disabled: never). */
export function lengthens(oldValue: number, newValue: number): boolean {
  return oldValue > 0 && (newValue === 0 || newValue > oldValue);
}

/**
 * What `proposed` keeps longer than `current` on `asOf`, over every actor (walked page by page in
 * one read-only snapshot, as the forecast's walk). Work: the whole library, twice through the
 * rules engine; the settings screen asks for it only when a period gets longer.
 */
export async function computeKeptLonger(
  db: DbOrTx,
  params: { asOf: IsoDate; current: RetentionSettings; proposed: RetentionSettings; pageSize?: number; onProgress?: (done: number) => void },
): Promise<KeptLonger> {
  return db.transaction(
    async (tx) => {
      const records = new Map<CategoryId, DelayTally>();
      const actors = new DelayTally();
      let after = 0;
      let done = 0;
      for (;;) {
        const page = await getActorDataPageBulk(tx, after, params.pageSize ?? 5000);
        if (page.length === 0) break;
        for (const data of page) {
          const now = evaluateActor(data, params.current, params.asOf);
          const then = evaluateActor(data, params.proposed, params.asOf);
          // The same rows give the same records in the same order, whatever the settings.
          now.records.forEach((record, i) => {
            const other = then.records[i]!;
            let tally = records.get(record.category);
            if (!tally) records.set(record.category, (tally = new DelayTally()));
            tally.add(record.goDate, other.goDate);
          });
          actors.add(now.report.removal.date, then.report.removal.date);
        }
        after = page.at(-1)!.actorId;
        done += page.length;
        params.onProgress?.(done);
      }
      const out: KeptLonger = { records: {}, recordsTotal: 0, actors: actors.result() };
      for (const [category, tally] of records) {
        const delay = tally.result();
        if (delay.count === 0) continue;
        out.records[category] = delay;
        out.recordsTotal += delay.count;
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
