import 'server-only';
import { Readable } from 'node:stream';
import type { Caller } from '@/lib/auth/caller';
import { ForbiddenError } from '@/lib/auth/errors';
import { openSelectionExport, type ExportChannel } from '@/lib/selections/export';
import { listInstances } from '@/db/queries/instances';
import { getLoansPerMonth, getSelection } from '@/lib/selections/select';
import type { LoanMonth, Selection, SelectionQuery } from '@/lib/selections/types';
import { BadParameterError } from '@/lib/validation/api';
import type { SelectionExportRequest, SelectionRequest } from '@/lib/validation/selections';
import { getServerDb } from '@/server/db';

/*
 * Selections for a caller who may make them (`selection.read`, `selection.export`; checked by the
 * route or page first). A caller tied to an instance (INTERFACES.md, Roles) selects only that
 * instance's customers: no instance given means theirs, another one is refused (403). A caller
 * not tied to one chooses any, and must say which.
 */

/** The instance a caller's selection is for, or a typed error (403 for an instance not theirs, 400 for none). */
export function selectionInstanceFor(caller: Caller, requested: number | null): number {
  if (caller.instanceId !== null) {
    if (requested !== null && requested !== caller.instanceId) {
      throw new ForbiddenError(`This login or token is tied to instance ${caller.instanceId} and may select only its customers.`);
    }
    return caller.instanceId;
  }
  if (requested === null) throw new BadParameterError('instanceId', 'is needed (this login or token is not tied to an instance)');
  return requested;
}

function queryFor(caller: Caller, request: SelectionRequest): SelectionQuery {
  return { ...request, instanceId: selectionInstanceFor(caller, request.instanceId) };
}

/** A selection's counts (`GET selections`, the Selections screen). */
export async function selectCustomers(caller: Caller, request: SelectionRequest): Promise<Selection> {
  return getSelection(await getServerDb(), queryFor(caller, request));
}

/** The instance's loans per month of a period, linked and anonymized. */
export async function loansPerMonth(caller: Caller, request: SelectionRequest & { borrowedFrom: string; borrowedTo: string }): Promise<LoanMonth[]> {
  const q = queryFor(caller, request);
  return getLoansPerMonth(await getServerDb(), { instanceId: q.instanceId, from: request.borrowedFrom, to: request.borrowedTo });
}

/** The instances the caller may select from: their own when tied, else all. */
export async function selectableInstances(caller: Caller): Promise<{ id: number; name: string }[]> {
  const all = await listInstances(await getServerDb());
  return caller.instanceId === null ? all : all.filter((i) => i.id === caller.instanceId);
}

/**
 * An export as an HTTP answer: CSV streamed from the database cursor as it is read, with a file
 * name, never cached. Access-logged before the first row (lib/selections/export.ts).
 */
export async function exportResponse(caller: Caller, request: SelectionExportRequest, via: ExportChannel): Promise<Response> {
  const db = await getServerDb();
  const { set, columns, ...selection } = request;
  const exp = await openSelectionExport(db, db.$client, { query: queryFor(caller, selection), set, columns, caller, via });
  return new Response(Readable.toWeb(exp.stream) as ReadableStream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exp.filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
