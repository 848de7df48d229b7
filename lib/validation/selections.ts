import { z } from 'zod';
import type { IsoDate } from '../retention/dates';
import {
  EXPORT_SETS,
  MEMBERSHIP_FILTERS,
  PERSONAL_COLUMNS,
  type ExportSet,
  type MembershipFilter,
  type PersonalColumn,
  type SelectionCriteria,
} from '../selections/types';
import { BadParameterError, parseParam, queryParams } from './api';
import { isoDateSchema } from './common';

/*
 * The parameters of a selection and its exports, shared by the API (`GET selections`,
 * `GET selections/export`), the command line (`select`) and the Selections screen. They are named
 * as the API names them; the command line maps its options onto these names and back in its
 * messages. Every problem is a BadParameterError naming the parameter (HTTP 400, CLI exit 2).
 */

const instanceIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, { message: 'must be a positive whole number' })
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, { message: 'must be at most 2147483647' });

const MEMBERSHIP_MESSAGE = `must be one of ${MEMBERSHIP_FILTERS.join(', ')}`;

const selectionShape = {
  instanceId: instanceIdSchema.optional(),
  membership: z.enum(MEMBERSHIP_FILTERS, { message: MEMBERSHIP_MESSAGE }).optional(),
  loanHistoryOptIn: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  borrowedFrom: isoDateSchema.optional(),
  borrowedTo: isoDateSchema.optional(),
  asOf: isoDateSchema.optional(),
};

export const selectionQuerySchema = z.strictObject(selectionShape);
export const selectionExportQuerySchema = z.strictObject({
  ...selectionShape,
  set: z.enum(EXPORT_SETS, { message: `must be one of ${EXPORT_SETS.join(', ')}` }),
  columns: z.string().max(200, { message: 'is too long' }).optional(),
});

/** A parsed selection request; `instanceId` is null when not given (a caller tied to one gets theirs). */
export type SelectionRequest = SelectionCriteria & { instanceId: number | null; asOf: IsoDate };
export type SelectionExportRequest = SelectionRequest & { set: ExportSet; columns: PersonalColumn[] };

/** The raw parameters, strings as a query string or the command line gives them. */
export type RawSelectionParams = Partial<Record<keyof typeof selectionShape | 'set' | 'columns', string>>;

function criteriaOf(input: z.infer<typeof selectionQuerySchema>, today: IsoDate): SelectionRequest {
  const from = input.borrowedFrom ?? null;
  const to = input.borrowedTo ?? null;
  // A period needs both ends (both days included), the end not before the start.
  if (from !== null && to === null) throw new BadParameterError('borrowedTo', 'is needed with borrowedFrom (a borrowing period has two ends)');
  if (to !== null && from === null) throw new BadParameterError('borrowedFrom', 'is needed with borrowedTo (a borrowing period has two ends)');
  if (from !== null && to !== null && to < from) throw new BadParameterError('borrowedTo', `must not be before borrowedFrom (${from})`);
  return {
    instanceId: input.instanceId ?? null,
    membership: (input.membership ?? 'member') as MembershipFilter,
    loanHistoryOptIn: input.loanHistoryOptIn === undefined ? null : input.loanHistoryOptIn === 'true',
    borrowedFrom: from,
    borrowedTo: to,
    asOf: input.asOf ?? today,
  };
}

/** The personal columns of `columns=name,email`: each known, each at most once, in the order given. */
export function parseColumns(value: string | undefined): PersonalColumn[] {
  if (value === undefined || value.trim() === '') return [];
  const columns: PersonalColumn[] = [];
  for (const raw of value.split(',')) {
    const column = raw.trim();
    if (!(PERSONAL_COLUMNS as readonly string[]).includes(column)) {
      throw new BadParameterError('columns', `"${column.slice(0, 40)}" is not a column; the personal columns are ${PERSONAL_COLUMNS.join(', ')}`);
    }
    if (columns.includes(column as PersonalColumn)) throw new BadParameterError('columns', `"${column}" is asked for more than once`);
    columns.push(column as PersonalColumn);
  }
  return columns;
}

/** A selection's parameters (`GET selections`, `select`); `asOf` defaults to `today`. */
export function parseSelectionParams(raw: RawSelectionParams, today: IsoDate): SelectionRequest {
  return criteriaOf(parseParam(raw, selectionQuerySchema), today);
}

/** An export's parameters (`GET selections/export`, `select --export`): the items export needs a period. */
export function parseSelectionExportParams(raw: RawSelectionParams, today: IsoDate): SelectionExportRequest {
  const input = parseParam(raw, selectionExportQuerySchema);
  const { set, columns, ...selection } = input;
  const request = criteriaOf(selection, today);
  if (set === 'items' && request.borrowedFrom === null) {
    throw new BadParameterError('borrowedFrom', 'the items export needs a borrowing period (borrowedFrom and borrowedTo)');
  }
  return { ...request, set, columns: parseColumns(columns) };
}

/** `GET selections?…`; unknown parameters are refused. */
export function parseSelectionQuery(url: URL, today: IsoDate): SelectionRequest {
  return parseSelectionParams(queryParams(url), today);
}

/** `GET selections/export?…`. */
export function parseSelectionExportQuery(url: URL, today: IsoDate): SelectionExportRequest {
  return parseSelectionExportParams(queryParams(url), today);
}
