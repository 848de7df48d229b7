import type { Db } from '../../db/client';
import { computeForecast, FORECAST_DEFAULT_MONTHS } from '../../lib/forecast/forecast';
import type { Forecast, ForecastCounts } from '../../lib/retention/forecast';
import { parse, parseDate, shownArg, today } from '../args';
import { UsageError } from '../errors';

export function parseForecastArgs(argv: string[]) {
  const { values } = parse(argv, { 'as-of': { type: 'string' }, months: { type: 'string' }, json: { type: 'boolean', default: false } }, false);
  const asOf = parseDate(values['as-of'], 'as-of') ?? today();
  let months = FORECAST_DEFAULT_MONTHS;
  if (values.months !== undefined) {
    if (!/^[0-9]{1,2}$/.test(values.months) || Number(values.months) < 1 || Number(values.months) > 24) {
      throw new UsageError(`--months must be a whole number from 1 to 24 (got ${shownArg(values.months)})`);
    }
    months = Number(values.months);
  }
  return { asOf, months, json: values.json ?? false };
}

const total = (records: ForecastCounts) => Object.values(records).reduce((s, c) => s + c.deleted + c.anonymized, 0);

function asText(f: Forecast): string {
  const lines = [`Forecast as of ${f.asOf}, ${f.months} months (no new data; members stay members)`];
  lines.push(`  due now (the backlog): ${total(f.dueNow.records)} records, ${f.dueNow.actorsRemoved} actors removed`);
  for (const m of f.forecast) lines.push(`  ${m.month}: ${String(total(m.records)).padStart(8)} records, ${String(m.actorsRemoved).padStart(6)} actors removed`);
  return `${lines.join('\n')}\n`;
}

/** `retention forecast`: what the rules will process per coming month; `--json` as the API. */
export async function forecastCommand(db: Db, args: ReturnType<typeof parseForecastArgs>): Promise<number> {
  const forecast = await computeForecast(db, { asOf: args.asOf, months: args.months });
  process.stdout.write(args.json ? `${JSON.stringify(forecast)}\n` : asText(forecast));
  return 0;
}
