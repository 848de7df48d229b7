import type { Db } from '../../db/client';
import { makeRetentionStatement } from '../../lib/requests/get-statement';
import { statementAsPlainText } from '../../lib/requests/statement';
import { DEFAULT_STATEMENT_LANG, isStatementLang } from '../../lib/requests/statement-text';
import { parse, parseDate, parsePositiveInt, shownArg, today } from '../args';
import { UsageError } from '../errors';
import { cliChangedBy } from '../who';

export function parseStatementArgs(argv: string[]) {
  const { values, positionals } = parse(argv, { 'as-of': { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError('usage: retention statement <actorId> [--as-of YYYY-MM-DD] [--lang nl|en] [--json]');
  const actorId = parsePositiveInt(positionals[0], 'actorId');
  const asOf = parseDate(values['as-of'], 'as-of');
  const lang = values.lang ?? DEFAULT_STATEMENT_LANG;
  if (!isStatementLang(lang)) throw new UsageError(`--lang must be nl or en (got ${shownArg(lang)})`);
  return { actorId, asOf, lang, json: values.json ?? false };
}

/**
 * `retention statement <actorId>`: the retention statement as text (Dutch unless --lang en), or
 * with --json exactly the API's JSON. Written to the access log first (caller `cli <os user>`,
 * channel `statement`). An unknown actor exits 0 with found: false, like `actor`.
 */
export async function statementCommand(db: Db, args: ReturnType<typeof parseStatementArgs>): Promise<number> {
  const asOf = args.asOf ?? today();
  const statement = await makeRetentionStatement(db, { caller: { kind: 'cli', label: cliChangedBy().label }, actorId: args.actorId, asOf, lang: args.lang });
  if (args.json) process.stdout.write(`${JSON.stringify(statement)}\n`);
  else if (!statement.found) {
    process.stdout.write(
      args.lang === 'nl'
        ? `Klantnummer ${args.actorId}: op ${asOf} bewaren wij geen gegevens onder dit nummer (onbekend, of verwijderd).\n`
        : `Customer number ${args.actorId}: on ${asOf} we hold no data under this number (unknown, or removed).\n`,
    );
  } else process.stdout.write(statementAsPlainText(statement));
  return 0;
}
