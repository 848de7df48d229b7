import type { Db } from '../../db/client';
import { getDeletedPerDay } from '../../db/queries/reports';
import { longCsv, resolveReportRange } from '../../lib/reports/deleted-per-day';
import { parse, today } from '../args';
import { UsageError } from '../errors';

export function parseReportArgs(argv: string[]) {
  const { values, positionals } = parse(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'json' },
  });
  if (positionals[0] !== 'deleted-per-day' || positionals.length !== 1)
    throw new UsageError('usage: retention report deleted-per-day [--from D] [--to D] [--format json|csv]');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv (got "${format}")`);
  // The range rules of the API (lib/reports), without its cap: an operator may export any period.
  const range = resolveReportRange({ from: values.from, to: values.to }, today());
  if (!range.ok) {
    const got = range.problem === 'notADate' ? ` (got "${range[range.parameter]}")` : '';
    throw new UsageError(`--${range.parameter} ${range.message}${got}`);
  }
  return { from: range.from, to: range.to, format };
}

/** `retention report deleted-per-day`: the per-day counts, as the API gives them (the same query and CSV). */
export async function reportCommand(db: Db, args: ReturnType<typeof parseReportArgs>): Promise<number> {
  const rows = await getDeletedPerDay(db, { from: args.from, to: args.to });
  if (args.format === 'csv') process.stdout.write(longCsv(rows));
  else process.stdout.write(`${JSON.stringify(rows)}\n`);
  return 0;
}
