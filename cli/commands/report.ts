import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client';
import { getDeletedPerDay } from '../../db/queries/reports';
import { addDays } from '../../lib/retention/dates';
import { parse, parseDate, today } from '../args';
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
  const to = parseDate(values.to, 'to') ?? today();
  const from = parseDate(values.from, 'from') ?? addDays(to, -29);
  if (from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);
  return { from, to, format };
}

/** `retention report deleted-per-day`: the per-day counts, as the API gives them. */
export async function reportCommand(db: Db, args: ReturnType<typeof parseReportArgs>): Promise<number> {
  const rows = await getDeletedPerDay(db, { from: args.from, to: args.to });
  if (args.format === 'csv') process.stdout.write(stringify(rows, { header: true, columns: ['date', 'category', 'deleted', 'anonymized'] }));
  else process.stdout.write(`${JSON.stringify(rows)}\n`);
  return 0;
}
