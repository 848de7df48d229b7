import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { getActorTimeline } from '@/lib/actors/get-actor-timeline';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { evaluateActor } from '@/lib/retention/report';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import { timelineRecords } from '@/lib/timeline/records';
import { setupTestDatabase } from './helpers/db';

/*
 * The actor screen's read from the database: the same report as the API, the records the
 * evaluation gives, and no loan items or amounts for a caller without `actor.details`.
 */

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
const t = await setupTestDatabase('actor-timeline');
const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, 'seed-example.json'), 'utf8'));
await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'actor timeline test' });

describe('getActorTimeline', () => {
  it('gives the actor report unchanged, with the records behind it', async () => {
    for (const asOf of ['2024-01-01', '2026-11-23', '2029-08-10']) {
      for (const actorId of [1001, 1002]) {
        const view = await getActorTimeline(t.db, actorId, asOf, { withDetails: true });
        expect(view.found).toBe(true);
        if (!view.found) continue;
        expect(view.report).toEqual(await getActorReport(t.db, actorId, asOf));
        // The database read gives the same records (with the same facts) as the scenario itself.
        const data = scenarioActorToData(scenario.actors.find((a) => a.actorId === actorId)!);
        const fromScenario = timelineRecords(data, evaluateActor(data, { ...DISABLED_SETTINGS, ...scenario.settings }, asOf));
        expect(view.records).toEqual(fromScenario);
        expect(view.reasons.map((r) => ({ code: r.code, until: r.until }))).toEqual(view.report.removal.reasons);
      }
    }
  });

  it('leaves loan items and amounts out without actor.details', async () => {
    const admin = await getActorTimeline(t.db, 1001, '2024-01-01', { withDetails: true });
    const support = await getActorTimeline(t.db, 1001, '2024-01-01', { withDetails: false });
    expect(JSON.stringify(admin)).toMatch(/"amountCents":350/);
    expect(JSON.stringify(admin)).toMatch(/B-100004/);
    const text = JSON.stringify(support);
    expect(text).not.toMatch(/amountCents|itemId|B-1000/);
    expect(text).toMatch(/"kind":"fine"/);
    expect(support.found && support.withDetails).toBe(false);
  });

  it('answers found: false for an unknown actor', async () => {
    expect(await getActorTimeline(t.db, 424242, '2024-01-01', { withDetails: false })).toEqual({ found: false, actorId: 424242, asOf: '2024-01-01' });
  });
});
