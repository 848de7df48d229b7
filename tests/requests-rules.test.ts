import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildActorReport } from '@/lib/retention/report';
import { DISABLED_SETTINGS, TYPICAL_SETTINGS } from '@/lib/retention/settings';
import type { ActorData } from '@/lib/retention/types';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { parseScenarioText } from '@/lib/scenario/schema';
import { matchesExpectation, type Expectation } from './helpers/expectations';

/*
 * Removal requests and legal holds in the pure rules engine (RETENTION.md, "Requests about one
 * customer"), against the actor-report expectations before any cleanup of the extended scenario
 * files (the database path, after cleanups too, is in scenario-db.test.ts).
 */
const DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios/extended');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

function load(file: string) {
  return parseScenarioText(fs.readFileSync(path.join(DIR, file), 'utf8'));
}

describe.each(files)('removal requests and legal holds in the rules engine: %s, before any cleanup', (file) => {
  const scenario = load(file);
  const settings = { ...DISABLED_SETTINGS, ...scenario.settings };
  const before = ((scenario.expectations ?? []) as Expectation[]).filter((e) => !e.afterCleanup);
  it('has expectations to check', () => expect(before.length).toBeGreaterThan(0));
  it.each(before.map((e) => [`${e.actorId} on ${e.asOf}`, e] as const))('%s', (_name, expectation) => {
    const actor = scenario.actors.find((a) => a.actorId === expectation.actorId);
    const report = actor
      ? buildActorReport(scenarioActorToData(actor), settings, expectation.asOf)
      : { actorId: expectation.actorId, asOf: expectation.asOf, found: false as const };
    matchesExpectation(report, expectation);
  });
});

describe('corners of requests and holds', () => {
  const base: ActorData = {
    actorId: 1,
    registeredOn: '2015-01-01',
    loanHistoryOptIn: true,
    storedCancellationDate: null,
    hasPersonalDetails: true,
    roles: [],
    otherRoles: [],
    blocks: [],
    credentials: [],
    financial: [],
    loans: [],
    records: {},
  };

  it('a request of an actor who never had a membership keeps the cancellation date empty and removes by the request', () => {
    const report = buildActorReport({ ...base, removalRequestedOn: '2026-01-10' }, TYPICAL_SETTINGS, '2026-01-10');
    expect(report.cancellationDate).toBeNull();
    expect(report.removal).toMatchObject({ due: true, date: '2026-01-10', reasons: [], requestedOn: '2026-01-10' });
  });

  it('a request removes even when inactiveActorMonths is 0 (no CLEANUP_DISABLED)', () => {
    const data: ActorData = {
      ...base,
      removalRequestedOn: '2026-01-10',
      roles: [{ type: 'ABON', subtype: null, status: 9, startDate: '2015-01-01', endDate: null, deregistrationDate: null }],
    };
    const report = buildActorReport(data, { ...TYPICAL_SETTINGS, inactiveActorMonths: 0 }, '2026-01-10');
    expect(report.removal.reasons).toEqual([]);
    expect(report.removal.due).toBe(true);
  });

  it('a kept cancellation date after the request (a membership that was to end later) gives way to the request', () => {
    const data: ActorData = {
      ...base,
      storedCancellationDate: '2027-12-31',
      removalRequestedOn: '2026-03-31',
      roles: [{ type: 'ABON', subtype: null, status: 9, startDate: '2015-01-01', endDate: '2027-12-31', deregistrationDate: null }],
    };
    const report = buildActorReport(data, TYPICAL_SETTINGS, '2026-04-01');
    expect(report.active).toBe(false);
    expect(report.cancellationDate).toBe('2026-03-31');
    expect(report.removal.due).toBe(true);
  });

  it('a hold that ended before the as-of date holds nothing; one ending on it no longer holds', () => {
    const data: ActorData = { ...base, legalHold: { until: '2026-05-01' } };
    expect(buildActorReport(data, TYPICAL_SETTINGS, '2026-05-01').removal.reasons.map((r) => r.code)).not.toContain('LEGAL_HOLD');
    expect(buildActorReport(data, TYPICAL_SETTINGS, '2026-04-30').removal.reasons).toContainEqual({ code: 'LEGAL_HOLD', until: '2026-05-01' });
  });

  it('a hold without end keeps every record without a date', () => {
    const data: ActorData = { ...base, legalHold: { until: null }, financial: [{ bookedOn: '2001-01-01', settled: true }] };
    const report = buildActorReport(data, TYPICAL_SETTINGS, '2026-05-01');
    expect(report.removal).toMatchObject({ due: false, date: null });
    expect(report.categories.financial_transactions).toMatchObject({ records: 1, due: 0, nextDate: null, lastDate: null });
    expect(report.categories.personal_details).toMatchObject({ records: 1, due: 0, nextDate: null, lastDate: null });
  });
});
