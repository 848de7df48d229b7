import type { CategoryAction, CategoryId, RecordTableCategory } from './categories';
import type { OtherRoleKind, ReasonCode } from './conditions';
import type { IsoDate } from './dates';

/** Everything the rules look at for one actor, as held on the as-of date. */
export type ActorData = {
  actorId: number;
  registeredOn: IsoDate;
  loanHistoryOptIn: boolean;
  /** The cancellation date kept on the actor (latest membership end date ever seen), if any. */
  storedCancellationDate: IsoDate | null;
  /** Whether any personal field (name, address, phone, e-mail, …) is non-empty. */
  hasPersonalDetails: boolean;
  roles: ActorRole[];
  otherRoles: { kind: OtherRoleKind }[];
  /** `createdOn` and the other optional fields below are for the timeline only; no rule reads them. */
  blocks: { type: string; createdOn?: IsoDate | null }[];
  credentials: { sipPort: boolean }[];
  financial: { bookedOn: IsoDate; settled: boolean; kind?: string; amountCents?: number }[];
  /** Loans still linked to the actor (anonymized ones are no longer the actor's). */
  loans: { returnedOn: IsoDate | null; loanedOn?: IsoDate; itemId?: string }[];
  records: Partial<Record<RecordTableCategory, { date: IsoDate; open?: boolean }[]>>;
  /** The day the actor's removal request was recorded (RETENTION.md, "Removal on request"), if any. */
  removalRequestedOn?: IsoDate | null;
  /** The actor's legal hold, if one was placed and not released; `until: null` holds without end. */
  legalHold?: { until: IsoDate | null } | null;
};

export type ActorRole = {
  type: string;
  /** For the timeline only. */
  startDate?: IsoDate | null;
  subtype: string | null;
  status: number;
  endDate: IsoDate | null;
  deregistrationDate: IsoDate | null;
};

export type Reason = { code: ReasonCode; until: IsoDate | null };

export type CategoryReport = {
  records: number;
  due: number;
  nextDate: IsoDate | null;
  lastDate: IsoDate | null;
  action: CategoryAction;
};

/** The actor report of INTERFACES.md. */
export type FoundActorReport = {
  actorId: number;
  asOf: IsoDate;
  found: true;
  active: boolean;
  cancellationDate: IsoDate | null;
  loanHistoryOptIn: boolean;
  /** `requestedOn`: the removal request's date; `null` without one, or when a later membership made it void. */
  removal: { due: boolean; date: IsoDate | null; reasons: Reason[]; requestedOn: IsoDate | null };
  categories: Record<CategoryId, CategoryReport>;
};

export type MissingActorReport = { actorId: number; asOf: IsoDate; found: false };

export type ActorReport = FoundActorReport | MissingActorReport;
