import type { Scenario } from '@/lib/scenario/schema';
import { parseScenario } from '@/lib/scenario/schema';

type ActorInput = Partial<Scenario['actors'][number]> & { actorId: number };

/** A validated scenario from a few hand-written actors (instance 1 exists). */
export function scenarioOf(settings: Scenario['settings'], actors: ActorInput[], extra: Partial<Scenario> = {}): Scenario {
  return parseScenario({
    settings,
    instances: [{ id: 1, name: 'Bibliotheek Test' }],
    actors: actors.map((a) => ({ registeredOn: '2015-01-01', loanHistoryOptIn: true, ...a })),
    ...extra,
  });
}

export const typical = { inactiveActorMonths: 24, financialMonths: 84, historyMonths: 24, personalDataMonths: 84, optOutLoanDays: 90 };

export const abon = (endDate: string | null, more: Record<string, unknown> = {}) => ({
  instanceId: 1,
  type: 'ABON',
  subtype: null,
  status: 9,
  startDate: '2015-01-01',
  endDate,
  deregistrationDate: null,
  ...more,
});
