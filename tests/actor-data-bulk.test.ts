/*
 * The page loader of the rules engine (getActorDataPageBulk: one range scan per table) gives, for
 * every actor of every scenario file, exactly what the one-actor loader (getActorData) gives, and
 * pages by id without skipping or repeating an actor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getActorData, getActorDataPage, getActorDataPageBulk } from '@/db/queries/actor-data';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('actor_data_bulk');
const files = [
  ...fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(path.join(SCENARIO_DIR, 'extended')).filter((f) => f.endsWith('.json')).map((f) => `extended/${f}`),
];

describe.each(files)('%s', (file) => {
  it('loads every actor page by page as the one-actor loader does', async () => {
    const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
    await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'loader test' });
    const ids = scenario.actors.map((a) => a.actorId).sort((a, b) => a - b);
    for (const pageSize of [1, 7, 1000]) {
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const [bulk, json] = await Promise.all([getActorDataPageBulk(t.db, after, pageSize), getActorDataPage(t.db, after, pageSize)]);
        expect(bulk).toEqual(json);
        if (bulk.length === 0) break;
        seen.push(...bulk.map((d) => d.actorId));
        after = bulk.at(-1)!.actorId;
      }
      expect(seen).toEqual(ids);
    }
    const one = await getActorData(t.db, ids[0]!);
    expect((await getActorDataPageBulk(t.db, ids[0]! - 1, 1))[0]).toEqual(one);
  }, 120_000);
});
