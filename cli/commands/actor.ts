import type { Db } from '../../db/client';
import { getActorReport } from '../../lib/actors/get-actor-report';
import { CATEGORY_IDS } from '../../lib/retention/categories';
import type { ActorReport } from '../../lib/retention/types';
import { parse, parseDate, parsePositiveInt, today } from '../args';
import { UsageError } from '../errors';

export function parseActorArgs(argv: string[]) {
  const { values, positionals } = parse(argv, { 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } });
  if (positionals.length === 0) throw new UsageError('usage: retention actor <actorId>… [--as-of YYYY-MM-DD] --json');
  const ids = positionals.map((p) => parsePositiveInt(p, 'actorId'));
  return { ids, asOf: parseDate(values['as-of'], 'as-of') ?? today(), json: values.json ?? false };
}

function printHuman(r: ActorReport) {
  if (!r.found) {
    process.stdout.write(`Actor ${r.actorId}: not found on ${r.asOf} (unknown, or removed)\n`);
    return;
  }
  const lines = [
    `Actor ${r.actorId} on ${r.asOf}: ${r.active ? 'active' : 'inactive'}` +
      (r.cancellationDate ? `, cancelled ${r.cancellationDate}` : '') +
      `, loan history ${r.loanHistoryOptIn ? 'on' : 'off'}`,
    `Removal: ${r.removal.due ? 'due now' : r.removal.date ? `on ${r.removal.date}` : 'no date (a reason holds until someone acts)'}`,
    ...r.removal.reasons.map((x) => `  kept by ${x.code}${x.until ? ` until ${x.until}` : ''}`),
    'Category                      records  due  next        last',
  ];
  for (const id of CATEGORY_IDS) {
    const c = r.categories[id];
    if (!c.records) continue;
    lines.push(`  ${id.padEnd(28)}${String(c.records).padStart(7)}${String(c.due).padStart(5)}  ${(c.nextDate ?? '-').padEnd(10)}  ${c.lastDate ?? 'never'}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `retention actor`: one report per id; JSON Lines with --json. Unknown actors exit 0 with found: false. */
export async function actorCommand(db: Db, args: ReturnType<typeof parseActorArgs>): Promise<number> {
  for (const id of args.ids) {
    const report = await getActorReport(db, id, args.asOf);
    if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printHuman(report);
  }
  return 0;
}
