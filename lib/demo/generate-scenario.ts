import { RECORD_TABLE_CATEGORIES } from '../retention/categories';
import { DELETION_CONDITION_CODES, OTHER_ROLE_CONDITION, OTHER_ROLE_KINDS, type DeletionConditionCode } from '../retention/conditions';
import { addDays, addMonths, maxDate, type IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import type { Scenario, ScenarioActor } from '../scenario/schema';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same library. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, int, chance, pick };
}

export type Random = ReturnType<typeof createRandom>;

const DISTRICTS = ['Centrum', 'Oost', 'West', 'Noord', 'Zuid'];
const CITIES = ['Tiel', 'Culemborg', 'Geldermalsen', 'Zaltbommel'];

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dateIn(r: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, r.int(0, span));
}

/**
 * One generated actor as of `today`: most active, many cancelled over the years, some with loan
 * history off, and every deletion condition somewhere in a large enough library. Records are spread
 * over the membership so that every rule has work at some date.
 */
export function generateActor(r: Random, actorId: number, today: IsoDate, instanceIds: number[], showcase?: Showcase): ScenarioActor {
  const actor = generateBaseActor(r, actorId, today, instanceIds);
  return showcase ? withCondition(r, actor, showcase, today) : actor;
}

/**
 * What one of the first generated actors shows: a deletion condition, or (`REMOVAL_REQUEST`) a
 * customer whose removal request waits for one.
 */
export type Showcase = DeletionConditionCode | 'REMOVAL_REQUEST';

/**
 * Makes `actor` a customer who cancelled years ago and is kept only by `code` (RECENT_MEMBERSHIP_END:
 * one who cancelled recently). The demo starts with one such actor per deletion condition, so
 * every condition is there to be seen whatever the library's size. LEGAL_HOLD and REMOVAL_REQUEST
 * rest on rows the product writes (a hold, a request), which the demo adds after loading
 * (lib/demo/history.ts): here the first is a former customer free of every condition, the second a
 * member with an unpaid fine and nothing else that would keep them once they ask to be removed.
 */
function withCondition(r: Random, actor: ScenarioActor, code: Showcase, today: IsoDate): ScenarioActor {
  const a: ScenarioActor = structuredClone(actor);
  const longAgo = addMonths(today, -60);
  const instanceId = a.roles[0]!.instanceId;
  a.registeredOn = a.registeredOn < addMonths(longAgo, -24) ? a.registeredOn : addMonths(longAgo, -24);
  a.roles = [{ instanceId, type: 'ABON', subtype: null, status: 9, startDate: a.registeredOn, endDate: code === 'RECENT_MEMBERSHIP_END' ? addDays(today, -120) : longAgo, deregistrationDate: null }];
  a.financial = a.financial.filter((f) => f.settled && f.bookedOn <= addMonths(longAgo, -90));
  a.loans = a.loans.filter((l) => l.returnedOn !== null).map((l) => (l.loanedOn > longAgo ? { ...l, loanedOn: addDays(longAgo, -30), returnedOn: addDays(longAgo, -10) } : l));
  a.otherRoles = [];
  a.blocks = a.blocks.filter((b) => b.type !== 'ALG' && b.type !== 'DEU');
  a.credentials = a.credentials.map((c) => ({ ...c, sipPort: false }));
  const role = a.roles[0]!;
  switch (code) {
    case 'OPEN_FINANCIAL_ITEMS':
      a.financial.push({ kind: 'fine', bookedOn: addDays(longAgo, -40), amountCents: r.int(200, 2000), settled: false });
      break;
    case 'RECENT_FINANCIAL_ARCHIVE':
      a.financial.push({ kind: 'fine', bookedOn: addDays(today, -r.int(30, 300)), amountCents: r.int(200, 2000), settled: true });
      a.roles[0] = { ...role, endDate: addDays(today, -r.int(800, 1000)) };
      break;
    case 'CURRENT_LOANS':
      a.loans.push({ instanceId, itemId: `I${r.int(1, 999_999)}`, loanedOn: addDays(longAgo, -20), returnedOn: null });
      break;
    case 'RECENT_EDUB_DEREGISTRATION':
      a.roles.push({ instanceId, type: 'EDUB', subtype: null, status: 9, startDate: a.registeredOn, endDate: null, deregistrationDate: addDays(today, -r.int(5, 60)) });
      break;
    case 'RECENT_MEMBERSHIP_END':
      break;
    case 'BRANCH_OR_EXTERNAL_ROLE':
      a.roles.push({ instanceId, type: r.pick(['VEST', 'EXTR', 'XTRN']), subtype: null, status: 1, startDate: a.registeredOn, endDate: longAgo, deregistrationDate: null });
      break;
    case 'GENERAL_OR_BAILIFF_BLOCK':
      a.blocks.push({ type: r.pick(['ALG', 'DEU']), createdOn: addDays(longAgo, -100) });
      break;
    case 'SIP_PORT_USERNAME':
      a.credentials.push({ username: `sip-${a.actorId}`, sipPort: true });
      break;
    case 'OPEN_ENDED_SUBSCRIPTION':
      a.roles.push({ instanceId, type: 'SUBSCRIBE', subtype: null, status: 1, startDate: a.registeredOn, endDate: null, deregistrationDate: null });
      break;
    // Both rest on an ABON role, which the `memberships` rule deletes historyMonths (24) after its
    // end: a role that ended 18 months ago is still held, and keeps the actor, for six months more.
    // (While it is held, RECENT_MEMBERSHIP_END holds too: the same 24 months from the same end.)
    case 'RUNNING_MEMBERSHIP_STATUS':
      a.roles[0] = { ...role, status: r.int(1, 7), endDate: addMonths(today, -18) };
      break;
    case 'SPECIAL_MEMBERSHIP':
      a.roles[0] = { ...role, subtype: r.pick(['SPEC', 'ADMI']), endDate: addMonths(today, -18) };
      break;
    case 'REMOVAL_REQUEST':
      a.roles[0] = { ...role, status: r.int(1, 7), endDate: null };
      a.financial.push({ kind: 'fine', bookedOn: addDays(today, -r.int(200, 400)), amountCents: r.int(200, 2000), settled: false });
      break;
    default: {
      const kind = OTHER_ROLE_KINDS.find((k) => OTHER_ROLE_CONDITION[k] === code);
      if (kind) a.otherRoles.push({ kind });
    }
  }
  return a;
}

/**
 * The deletion conditions a record of the actor's own makes, one showcase actor each at the start
 * of every generated library (LEGAL_HOLD is placed by an admin on the hold table: DEMO_SHOWCASES).
 */
export const SHOWCASE_CONDITIONS: readonly DeletionConditionCode[] = DELETION_CONDITION_CODES.filter((code) => code !== 'LEGAL_HOLD');

/**
 * The demo library's showcases, one actor each from id 10001 on: every deletion condition in the
 * order of RETENTION.md (10001–10019, LEGAL_HOLD last), then a removal request that waits (10020).
 * The demo adds the hold and the request with its history (a scenario file cannot hold them).
 */
export const DEMO_SHOWCASES: readonly Showcase[] = [...SHOWCASE_CONDITIONS, 'LEGAL_HOLD', 'REMOVAL_REQUEST'];

/**
 * A former customer whose retention ends on `removalOn`: a member from some years before until a
 * few months after the fee of `removalOn` − 84 months, the last fee, free of every other deletion
 * condition, so that with the typical settings (financialMonths 84, inactiveActorMonths 24) the
 * seven-year financial archive is the last thing that keeps them and the cleanup removes them on
 * `removalOn`. The demo spreads a few of them over its history's days.
 */
export function generateLeaver(r: Random, actorId: number, today: IsoDate, instanceIds: number[], removalOn: IsoDate): ScenarioActor {
  const lastFee = addMonths(removalOn, -84);
  const registeredOn = addMonths(lastFee, -12 * r.int(1, 8));
  const a = generateBaseActor(r, actorId, today, instanceIds, { registeredOn, endDate: addDays(lastFee, r.int(30, 330)) });
  const role = a.roles[0]!;
  a.roles = [{ ...role, type: 'ABON', subtype: null, status: 9 }];
  a.otherRoles = [];
  a.blocks = a.blocks.filter((b) => b.type !== 'ALG' && b.type !== 'DEU');
  a.credentials = a.credentials.map((c) => ({ ...c, sipPort: false }));
  // Settled, and none after the last fee (a later fine would keep the archive longer).
  a.financial = a.financial.filter((f) => f.settled && f.bookedOn <= lastFee);
  a.loans = a.loans.filter((l) => l.returnedOn !== null);
  return a;
}

/**
 * Makes `actor` a member with loan history off who borrows every week: a loan returned on every
 * seventh day (`weekday` 0–6 shifts them) over the last 400 days, the current one not yet back.
 * Seven of them make the `optOutLoanDays` rule anonymize a loan every day.
 */
export function withWeeklyLoans(r: Random, actor: ScenarioActor, today: IsoDate, weekday: number): ScenarioActor {
  const a: ScenarioActor = structuredClone(actor);
  const role = a.roles[0]!;
  // A member for well over the year of weekly loans.
  if (a.registeredOn > addDays(today, -420)) a.registeredOn = addDays(today, -420);
  a.roles[0] = { ...role, startDate: a.registeredOn, status: r.int(1, 7), endDate: null };
  a.loanHistoryOptIn = false;
  const instanceId = role.instanceId;
  const titles = a.records.titles_previously_borrowed ?? [];
  for (let returnedOn = addDays(today, -400 + weekday); returnedOn <= addDays(today, 7); returnedOn = addDays(returnedOn, 7)) {
    const loanedOn = addDays(returnedOn, -7);
    if (loanedOn < a.registeredOn) continue;
    a.loans.push({ instanceId, itemId: `I${r.int(1, 999_999)}`, loanedOn, returnedOn: returnedOn > today ? null : returnedOn });
    titles.push({ date: loanedOn });
  }
  a.records.titles_previously_borrowed = titles;
  return a;
}

function generateBaseActor(
  r: Random,
  actorId: number,
  today: IsoDate,
  instanceIds: number[],
  /** A member from `registeredOn` until `endDate` (a former customer), instead of drawn. */
  shape?: { registeredOn: IsoDate; endDate: IsoDate },
): ScenarioActor {
  const registeredOn = shape ? shape.registeredOn : dateIn(r, '2008-01-01', addDays(today, -30));
  const cancelled = shape ? true : r.chance(0.35);
  const endDate = shape ? shape.endDate : cancelled ? dateIn(r, addDays(registeredOn, 60), today) : r.chance(0.1) ? addMonths(today, r.int(1, 12)) : null;
  const lastActive = endDate !== null && endDate < today ? endDate : today;
  const instanceId = r.pick(instanceIds);
  const roles: ScenarioActor['roles'] = [
    {
      instanceId,
      type: r.chance(0.9) ? 'ABON' : 'EDUV',
      subtype: r.chance(0.01) ? r.pick(['SPEC', 'ADMI']) : null,
      status: endDate !== null && endDate < today ? (r.chance(0.97) ? 9 : r.int(1, 7)) : r.int(1, 7),
      startDate: registeredOn,
      endDate,
      deregistrationDate: null,
    },
  ];
  if (r.chance(0.03)) {
    const end = dateIn(r, registeredOn, today);
    roles.push({ instanceId, type: 'EDUB', subtype: null, status: 9, startDate: registeredOn, endDate: r.chance(0.5) ? end : null, deregistrationDate: end });
  }
  if (r.chance(0.02)) roles.push({ instanceId, type: 'SUBSCRIBE', subtype: null, status: 1, startDate: registeredOn, endDate: r.chance(0.5) ? null : lastActive, deregistrationDate: null });
  if (r.chance(0.004)) roles.push({ instanceId, type: r.pick(['VEST', 'EXTR', 'XTRN']), subtype: null, status: 1, startDate: registeredOn, endDate: null, deregistrationDate: null });

  const otherRoles = r.chance(0.005) ? [{ kind: r.pick(OTHER_ROLE_KINDS) }] : [];
  const blocks: ScenarioActor['blocks'] = [];
  if (r.chance(0.1)) blocks.push({ type: r.pick(['TMP', 'BLK', 'INC']), createdOn: dateIn(r, registeredOn, lastActive) });
  if (r.chance(0.006)) blocks.push({ type: r.pick(['ALG', 'DEU']), createdOn: dateIn(r, registeredOn, lastActive) });
  const credentials = [{ username: `u${actorId}`, sipPort: r.chance(0.003) }];

  // The membership fee is booked every year on the day the membership started (its anniversary),
  // so the seven-year financial archive of a former customer ends on an ordinary day of the year.
  const financial: ScenarioActor['financial'] = [];
  for (let years = 0; addMonths(registeredOn, 12 * years) <= lastActive; years++) {
    financial.push({ kind: 'membership_fee', bookedOn: addMonths(registeredOn, 12 * years), amountCents: r.int(2000, 4500), settled: true });
  }
  const fines = r.int(0, 3);
  for (let i = 0; i < fines; i++) financial.push({ kind: 'fine', bookedOn: dateIn(r, registeredOn, lastActive), amountCents: r.int(50, 1500), settled: true });
  if (r.chance(0.03)) financial.push({ kind: r.pick(['fine', 'membership_fee']), bookedOn: dateIn(r, registeredOn, lastActive), amountCents: r.int(100, 3000), settled: false });

  const loans: ScenarioActor['loans'] = [];
  const titles: { date: IsoDate }[] = [];
  const loanCount = r.int(0, 12);
  // A customer who is still a member borrows mostly lately: half of their loans are of the last year.
  const recentFrom = maxDate(registeredOn, addDays(today, -365));
  for (let i = 0; i < loanCount; i++) {
    const loanedOn = lastActive === today && r.chance(0.5) ? dateIn(r, recentFrom, today) : dateIn(r, registeredOn, lastActive);
    const returnedOn = addDays(loanedOn, r.int(7, 60));
    loans.push({ instanceId: r.pick(instanceIds), itemId: `I${r.int(1, 999_999)}`, loanedOn, returnedOn: returnedOn > today ? null : returnedOn });
    titles.push({ date: loanedOn });
  }
  if (endDate === null && r.chance(0.2)) loans.push({ instanceId, itemId: `I${r.int(1, 999_999)}`, loanedOn: addDays(today, -r.int(1, 20)), returnedOn: null });
  else if (endDate !== null && endDate < today && r.chance(0.01)) loans.push({ instanceId, itemId: `I${r.int(1, 999_999)}`, loanedOn: endDate, returnedOn: null });

  const records: ScenarioActor['records'] = { titles_previously_borrowed: titles };
  const some = (max: number) => Array.from({ length: r.int(0, max) }, () => ({ date: dateIn(r, registeredOn, lastActive) }));
  for (const category of RECORD_TABLE_CATEGORIES) {
    if (category === 'titles_previously_borrowed') continue;
    if (category === 'holds' || category === 'tickets') {
      records[category] = some(category === 'holds' ? 3 : 1).map((x) => ({ ...x, open: r.chance(0.1) }));
    } else if (category === 'relationships') {
      if (r.chance(0.05)) records.relationships = [{ date: dateIn(r, registeredOn, lastActive), relatedActorId: r.int(1, actorId + 100) }];
    } else if (category === 'collection_records' || category === 'collections_agency') {
      if (r.chance(0.02)) records[category] = some(2);
    } else if (category === 'documents') {
      records.documents = [{ date: registeredOn }];
    } else {
      records[category] = some(category === 'customer_notifications' ? 4 : 2);
    }
  }

  return {
    actorId,
    registeredOn,
    loanHistoryOptIn: !r.chance(0.15),
    personal: {
      name: `Klant ${actorId}`,
      street: `Straat ${r.int(1, 200)}`,
      postalCode: `${r.int(4000, 4199)} ${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`,
      city: r.pick(CITIES),
      district: r.pick(DISTRICTS),
      email: `k${actorId}@example.org`,
      phone: r.chance(0.5) ? `+31 344 ${String(r.int(100000, 999999))}` : null,
    },
    roles,
    otherRoles,
    blocks,
    credentials,
    financial,
    loans,
    records,
  };
}

/** A deterministic generated library of `actors` actors (ids from `firstId`), as a scenario. */
export function generateScenario(options: { actors: number; seed: number; today: IsoDate; settings: RetentionSettings; firstId?: number }): Scenario {
  const r = createRandom(options.seed);
  const instances = [
    { id: 1, name: 'Bibliotheek Rivierenland' },
    { id: 2, name: 'Bibliotheek Betuwe' },
    { id: 3, name: 'Bibliotheek Bommelerwaard' },
  ];
  const first = options.firstId ?? 1;
  const actors: ScenarioActor[] = [];
  for (let i = 0; i < options.actors; i++) actors.push(generateActor(r, first + i, options.today, [1, 2, 3], SHOWCASE_CONDITIONS[i]));
  return { settings: options.settings, instances, actors, description: `generated: ${options.actors} actors, seed ${options.seed}, as of ${options.today}` };
}
