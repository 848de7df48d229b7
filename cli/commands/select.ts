import { finished } from 'node:stream/promises';
import type { Db } from '../../db/client';
import { openSelectionExport } from '../../lib/selections/export';
import { getSelection } from '../../lib/selections/select';
import type { Selection } from '../../lib/selections/types';
import { BadParameterError } from '../../lib/validation/api';
import { parseSelectionExportParams, parseSelectionParams, type RawSelectionParams } from '../../lib/validation/selections';
import { parse, shownArg, today } from '../args';
import { UsageError } from '../errors';
import { cliChangedBy } from '../who';

const USAGE =
  'usage: retention select --instance I [--membership member|active_here|active_elsewhere|inactive|wise_active] [--opt-in yes|no] ' +
  '[--borrowed-from D --borrowed-to D] [--as-of D] [--json] [--export customers|items [--columns name,email,…]]';

/** The API's parameter names as the command line's options, for messages. */
const OPTION_OF: Record<string, string> = {
  instanceId: '--instance',
  membership: '--membership',
  loanHistoryOptIn: '--opt-in',
  borrowedFrom: '--borrowed-from',
  borrowedTo: '--borrowed-to',
  asOf: '--as-of',
  set: '--export',
  columns: '--columns',
};

/** A problem of the shared validation, told in the command line's words (exit 2). */
function usageErrorOf(e: BadParameterError): UsageError {
  const option = OPTION_OF[e.parameter] ?? e.parameter;
  let message = e.message.slice(e.parameter.length + 2);
  for (const [param, opt] of Object.entries(OPTION_OF)) message = message.replaceAll(param, opt);
  return new UsageError(`${option} ${message}`);
}

export function parseSelectArgs(argv: string[]) {
  const { values } = parse(
    argv,
    {
      instance: { type: 'string' },
      membership: { type: 'string' },
      'opt-in': { type: 'string' },
      'borrowed-from': { type: 'string' },
      'borrowed-to': { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      export: { type: 'string' },
      columns: { type: 'string' },
    },
    false,
  );
  if (values.instance === undefined) throw new UsageError(`--instance is needed\n${USAGE}`);
  const optIn = values['opt-in'];
  if (optIn !== undefined && optIn !== 'yes' && optIn !== 'no') throw new UsageError(`--opt-in must be yes or no (got ${shownArg(optIn)})`);
  if (values.columns !== undefined && values.export === undefined) throw new UsageError('--columns needs --export customers|items');
  if (values.export !== undefined && values.json) throw new UsageError('--json and --export do not go together (an export is CSV)');
  const raw: RawSelectionParams = {
    instanceId: values.instance,
    ...(values.membership !== undefined ? { membership: values.membership } : {}),
    ...(optIn !== undefined ? { loanHistoryOptIn: optIn === 'yes' ? 'true' : 'false' } : {}),
    ...(values['borrowed-from'] !== undefined ? { borrowedFrom: values['borrowed-from'] } : {}),
    ...(values['borrowed-to'] !== undefined ? { borrowedTo: values['borrowed-to'] } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
  };
  try {
    if (values.export !== undefined) {
      const request = parseSelectionExportParams({ ...raw, set: values.export, ...(values.columns !== undefined ? { columns: values.columns } : {}) }, today());
      return { kind: 'export' as const, request: { ...request, instanceId: request.instanceId! } };
    }
    const request = parseSelectionParams(raw, today());
    return { kind: 'counts' as const, json: values.json ?? false, request: { ...request, instanceId: request.instanceId! } };
  } catch (e) {
    if (e instanceof BadParameterError) throw usageErrorOf(e);
    throw e;
  }
}

function asText(s: Selection): string {
  const c = s.criteria;
  const lines = [
    `Selection of instance ${s.instanceId} as of ${s.asOf}`,
    `  criteria: membership ${c.membership}` +
      (c.loanHistoryOptIn === null ? '' : `, loan history ${c.loanHistoryOptIn ? 'on' : 'off'}`) +
      (c.borrowedFrom ? `, borrowed ${c.borrowedFrom} to ${c.borrowedTo}` : ''),
    `  actors: ${s.actors}`,
    `  by membership: active_here ${s.byMembership.active_here}, active_elsewhere ${s.byMembership.active_elsewhere}, inactive ${s.byMembership.inactive}`,
  ];
  if (s.loans) {
    lines.push(`  loans of the period: ${s.loans.total} (linked ${s.loans.linked}, anonymized ${s.loans.anonymized})`);
    if (s.loans.anonymized > 0) lines.push('  anonymized loans lead to no customer: a selection on the period cannot reach their borrowers');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `retention select …`: a selection's counts (text, or the API's JSON with --json), or with
 * --export one of its CSV exports on stdout, access-logged with the caller `cli <os user>`.
 */
export async function selectCommand(db: Db, args: ReturnType<typeof parseSelectArgs>): Promise<number> {
  try {
    if (args.kind === 'counts') {
      const selection = await getSelection(db, args.request);
      process.stdout.write(args.json ? `${JSON.stringify(selection)}\n` : asText(selection));
      return 0;
    }
    const { set, columns, ...query } = args.request;
    const exp = await openSelectionExport(db, db.$client, { query, set, columns, caller: { kind: 'cli', label: cliChangedBy().label }, via: 'cli' });
    exp.stream.pipe(process.stdout, { end: false });
    await finished(exp.stream);
    const { rows } = await exp.done;
    process.stderr.write(`${rows} ${set === 'items' ? 'items' : 'customers'} exported (written to the access log)\n`);
    return 0;
  } catch (e) {
    if (e instanceof BadParameterError) throw usageErrorOf(e);
    throw e;
  }
}
