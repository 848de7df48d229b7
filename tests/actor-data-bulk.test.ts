/*
 * The page loader of the rules engine (getActorDataPageBulk: one range scan per table) gives, for
 * every actor of every scenario file, what the one-actor loader (getActorData) gives of the fields
 * the rules read, list for list (each list in its table's index order, not the timeline's), and
 * pages by id without skipping or repeating an actor; and the rules give the same report and plan
 * on either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getActorData, getActorDataForIds, getActorDataPage, getActorDataPageBulk } from '@/db/queries/actor-data';
import { getSettings } from '@/db/queries/settings';
import { planActor } from '@/lib/retention/plan';
import { buildActorReport } from '@/lib/retention/report';
import type { ActorData } from '@/lib/retention/types';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('actor_data_bulk');

/** The fields the rules read, each list sorted (the bulk loader leaves out the timeline's own fields and order). */
function rulesView(d: ActorData | undefined) {
  if (!d) return d;
  const sorted = <T>(list: T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  return {
    ...d,
    roles: sorted(d.roles),
    blocks: sorted(d.blocks.map((b) => ({ type: b.type }))),
    credentials: sorted(d.credentials),
    financial: sorted(d.financial.map((f) => ({ bookedOn: f.bookedOn, settled: f.settled }))),
    loans: sorted(d.loans.map((l) => ({ returnedOn: l.returnedOn }))),
    records: Object.fromEntries(Object.entries(d.records).map(([c, list]) => [c, sorted(list ?? [])])),
  };
}
const files = [
  ...fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(path.join(SCENARIO_DIR, 'extended')).filter((f) => f.endsWith('.json')).map((f) => `extended/${f}`),
];

describe.each(files)('%s', (file) => {
  it('loads every actor page by page as the one-actor loader does', async () => {
    const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
    await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'loader test' });
    const settings = await getSettings(t.db);
    const ids = scenario.actors.map((a) => a.actorId).sort((a, b) => a - b);
    for (const pageSize of [1, 7, 1000]) {
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const [bulk, json] = await Promise.all([getActorDataPageBulk(t.db, after, pageSize), getActorDataPage(t.db, after, pageSize)]);
        expect(bulk.map(rulesView)).toEqual(json.map(rulesView));
        // No timeline field is read, and the rules answer the same on either.
        for (const d of bulk) {
          expect(d.loans.every((l) => Object.keys(l).join() === 'returnedOn')).toBe(true);
          expect(d.financial.every((f) => Object.keys(f).sort().join() === 'bookedOn,settled')).toBe(true);
        }
        for (const [i, d] of bulk.entries()) {
          for (const asOf of ['2020-01-01', '2024-01-01', '2026-11-22', '2031-06-30']) {
            expect(buildActorReport(d, settings, asOf)).toEqual(buildActorReport(json[i]!, settings, asOf));
            expect(planActor(d, settings, asOf)).toEqual(planActor(json[i]!, settings, asOf));
          }
        }
        if (bulk.length === 0) break;
        seen.push(...bulk.map((d) => d.actorId));
        after = bulk.at(-1)!.actorId;
      }
      expect(seen).toEqual(ids);
    }
    const one = await getActorData(t.db, ids[0]!);
    expect(rulesView((await getActorDataPageBulk(t.db, ids[0]! - 1, 1))[0])).toEqual(rulesView(one));

    // The loader by ids reads a few actors in one statement and more table by table: the two give
    // the same, in id order, each actor once, absent ones left out (51 absent ids force the second).
    const few = [...ids].reverse().slice(0, 40);
    const absent = Array.from({ length: 51 }, (_, i) => -1 - i);
    const oneStatement = await getActorDataForIds(t.db, [...few, few[0]!]);
    const perTable = await getActorDataForIds(t.db, [...few, ...absent]);
    expect(oneStatement.map((d) => d.actorId)).toEqual([...few].sort((a, b) => a - b));
    expect(oneStatement.map(rulesView)).toEqual(perTable.map(rulesView));
    for (const [i, d] of oneStatement.entries()) {
      for (const asOf of ['2024-01-01', '2026-11-22', '2031-06-30']) expect(planActor(d, settings, asOf)).toEqual(planActor(perTable[i]!, settings, asOf));
    }
  }, 120_000);
});
