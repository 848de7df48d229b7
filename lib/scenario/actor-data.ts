import { RECORD_TABLE_CATEGORIES } from '../retention/categories';
import type { ActorData } from '../retention/types';
import type { ScenarioActor } from './schema';

/** True when any personal field is non-empty: the actor then holds one `personal_details` record. */
export function hasPersonalDetails(personal: Record<string, string | null | undefined> | null | undefined): boolean {
  if (!personal) return false;
  return Object.values(personal).some((v) => typeof v === 'string' && v !== '');
}

/** The rules' view of a scenario actor, as loaded and before any cleanup. */
export function scenarioActorToData(actor: ScenarioActor): ActorData {
  const records: ActorData['records'] = {};
  for (const category of RECORD_TABLE_CATEGORIES) {
    const list = actor.records[category];
    if (list?.length) records[category] = list.map((r) => ({ date: r.date, open: r.open ?? false }));
  }
  return {
    actorId: actor.actorId,
    registeredOn: actor.registeredOn,
    loanHistoryOptIn: actor.loanHistoryOptIn,
    storedCancellationDate: null,
    hasPersonalDetails: hasPersonalDetails(actor.personal),
    roles: actor.roles.map((r) => ({
      type: r.type,
      startDate: r.startDate ?? null,
      subtype: r.subtype ?? null,
      status: r.status,
      endDate: r.endDate ?? null,
      deregistrationDate: r.deregistrationDate ?? null,
    })),
    otherRoles: actor.otherRoles,
    blocks: actor.blocks.map((b) => ({ type: b.type, createdOn: b.createdOn ?? null })),
    credentials: actor.credentials.map((c) => ({ sipPort: c.sipPort })),
    financial: actor.financial.map((f) => ({ bookedOn: f.bookedOn, settled: f.settled, kind: f.kind, amountCents: f.amountCents })),
    loans: actor.loans.map((l) => ({ returnedOn: l.returnedOn ?? null, loanedOn: l.loanedOn, itemId: l.itemId })),
    records,
    removalRequestedOn: actor.removalRequestedOn ?? null,
    legalHold: actor.legalHold ? { until: actor.legalHold.until } : null,
  };
}
