import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { ForbiddenError } from '@/lib/auth/errors';
import { hasPermission } from '@/lib/auth/permissions';
import type { IsoDate } from '@/lib/retention/dates';
import type { LoanMonth, Selection } from '@/lib/selections/types';
import { BadParameterError } from '@/lib/validation/api';
import { parseSelectionParams, type RawSelectionParams, type SelectionRequest } from '@/lib/validation/selections';
import { getCleanupStatus } from '@/server/data/cleanup';
import { loansPerMonth, selectableInstances, selectCustomers } from '@/server/data/selections';
import { getSettingsDto } from '@/server/data/settings';

/*
 * What the Selections screen (/selections) shows, from the criteria of its URL. The parameters are
 * the API's (GET selections), parsed by the same function, so a bad one is named the same way; the
 * screen shows the message beside its field instead of an error page.
 */

/** The criteria fields of the screen's form, named as the API names its parameters. */
export const SELECTION_FIELDS = ['instanceId', 'membership', 'loanHistoryOptIn', 'borrowedFrom', 'borrowedTo', 'asOf'] as const;
export type SelectionField = (typeof SELECTION_FIELDS)[number];

const isField = (name: string): name is SelectionField => (SELECTION_FIELDS as readonly string[]).includes(name);

type Instance = { id: number; name: string };

export type SelectionScreenResult = {
  request: SelectionRequest & { instanceId: number };
  instance: Instance;
  selection: Selection;
  /** The loans per month of the period; null without one. */
  months: LoanMonth[] | null;
  /** The settings that decide when loans are anonymized (0: disabled). */
  settings: { optOutLoanDays: number; historyMonths: number };
  /** What the cleanup job still has to do today, as counted at the end of its last run; null when nothing or not counted. */
  dueToday: { records: number; actors: number; countedAt: string } | null;
};

export type SelectionScreen = {
  /** The values of the fields as asked (even when bad), the instance defaulted. */
  values: Record<SelectionField, string>;
  instances: Instance[];
  /** The instance a tied login is limited to; null when the caller may choose. */
  tiedTo: Instance | null;
  errors: Partial<Record<SelectionField, string[]>>;
  /** A problem no field names. */
  formError: string | null;
  result: SelectionScreenResult | null;
};

/**
 * The screen's data for a caller who may make selections: the instances to choose from (a tied
 * caller only theirs; an untied one defaults to the first), the selection with its loans per month
 * for a period, the anonymization settings, and the cleanup backlog when the as-of date is today.
 */
export async function loadSelectionScreen(caller: Caller, asked: Partial<Record<SelectionField, string>>, today: IsoDate): Promise<SelectionScreen> {
  if (!hasPermission(caller.role, 'selection.read')) throw new ForbiddenError('This role may not make selections.');
  const instances = await selectableInstances(caller);
  const tiedTo = caller.instanceId === null ? null : (instances.find((i) => i.id === caller.instanceId) ?? { id: caller.instanceId, name: `#${caller.instanceId}` });
  const raw: RawSelectionParams = {};
  for (const field of SELECTION_FIELDS) {
    const value = asked[field];
    if (value !== undefined && value !== '') raw[field] = value;
  }
  if (raw.instanceId === undefined && tiedTo === null && instances[0]) raw.instanceId = String(instances[0].id);
  const values = Object.fromEntries(SELECTION_FIELDS.map((f) => [f, raw[f] ?? ''])) as Record<SelectionField, string>;
  if (values.asOf === '') values.asOf = today;
  const screen: SelectionScreen = { values, instances, tiedTo, errors: {}, formError: null, result: null };

  try {
    const request = parseSelectionParams(raw, today);
    const selection = await selectCustomers(caller, request);
    const instanceId = selection.instanceId;
    const period = request.borrowedFrom !== null && request.borrowedTo !== null ? { borrowedFrom: request.borrowedFrom, borrowedTo: request.borrowedTo } : null;
    const [months, settings, status] = await Promise.all([
      period ? loansPerMonth(caller, { ...request, ...period }) : Promise.resolve(null),
      getSettingsDto(),
      request.asOf === today ? getCleanupStatus() : Promise.resolve(null),
    ]);
    const backlog = status?.backlog ?? null;
    const dueToday = backlog && (backlog.recordsTotal > 0 || backlog.actors > 0) ? { records: backlog.recordsTotal, actors: backlog.actors, countedAt: backlog.countedAt } : null;
    screen.result = {
      request: { ...request, instanceId },
      instance: instances.find((i) => i.id === instanceId) ?? { id: instanceId, name: `#${instanceId}` },
      selection,
      months,
      settings: { optOutLoanDays: settings.settings.optOutLoanDays, historyMonths: settings.settings.historyMonths },
      dueToday,
    };
  } catch (e) {
    if (e instanceof BadParameterError) {
      if (isField(e.parameter)) screen.errors[e.parameter] = [e.message];
      else screen.formError = e.message;
    } else if (e instanceof ForbiddenError) {
      // A tied login asking for another instance (a hand-made URL): said beside the instance.
      screen.errors.instanceId = [e.message];
    } else throw e;
  }
  return screen;
}
