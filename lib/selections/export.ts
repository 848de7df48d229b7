import { Transform, pipeline, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { eq } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { DbOrTx } from '../../db/client';
import { accessLog, type ExportDetails } from '../../db/schema/access';
import { logUnexpectedError } from '../errors';
import { accessLogCaller, type LookupCaller } from '../access/access-log';
import { assertInstanceExists } from './select';
import { customersExportSql, hasPeriod, itemsExportSql } from './sql';
import { EXPORT_BASE_COLUMNS, type ExportSet, type PersonalColumn, type SelectionQuery } from './types';

/*
 * The CSV exports of a selection (RETENTION.md, "Selections and exports"). A file is streamed row
 * by row from a database cursor through csv-stringify to the caller and never stored or held whole
 * in memory. Each export is written to the access log before its first row (who, when, the
 * criteria, the columns) and completed with the number of rows at its end; never the rows.
 */

/**
 * OWASP's CSV-injection advice: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is read as a formula by spreadsheets, so it is prefixed with `'`. The library system stores
 * what it is given (a name `=HYPERLINK(…)`, a phone `+31…`), so every text cell passes here.
 */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The channel of an export in the access log. */
export type ExportChannel = 'screen' | 'api' | 'cli';

export type SelectionExport = {
  /** The CSV, header first; read it to the end (or destroy it) so the database connection is freed. */
  stream: Readable;
  filename: string;
  /** Settles when the stream ends or breaks off, once the access log holds the row count. */
  done: Promise<{ rows: number; complete: boolean }>;
};

const dialect = new PgDialect();

/** The file name of an export: `customers_instance-1_2026-12-01.csv`. */
export function exportFilename(set: ExportSet, q: SelectionQuery): string {
  return `${set}_instance-${q.instanceId}_${q.asOf}.csv`;
}

/**
 * Starts an export: checks the instance, writes the access-log entry and opens the cursor. The
 * items export needs a period (the validation refuses it earlier; checked again here).
 */
export async function openSelectionExport(
  db: DbOrTx,
  pool: pg.Pool,
  params: { query: SelectionQuery; set: ExportSet; columns: readonly PersonalColumn[]; caller: LookupCaller; via: ExportChannel },
): Promise<SelectionExport> {
  const { query: q, set, columns, caller } = params;
  await assertInstanceExists(db, q.instanceId);
  let statement;
  if (set === 'items') {
    if (!hasPeriod(q)) throw new Error('the items export needs a borrowing period');
    statement = itemsExportSql(q, columns);
  } else {
    statement = customersExportSql(q, columns);
  }
  const { sql: text, params: values } = dialect.sqlToQuery(statement);

  const details: ExportDetails = {
    set,
    instanceId: q.instanceId,
    criteria: { membership: q.membership, loanHistoryOptIn: q.loanHistoryOptIn, borrowedFrom: q.borrowedFrom, borrowedTo: q.borrowedTo },
    columns: [...EXPORT_BASE_COLUMNS[set], ...columns],
    rows: null,
    complete: null,
  };
  const [entry] = await db
    .insert(accessLog)
    .values({
      ...accessLogCaller(caller),
      actorId: null,
      asOf: q.asOf,
      via: params.via,
      exportDetails: details,
    })
    .returning({ id: accessLog.id });

  const client = await pool.connect();
  const rowsStream = client.query(new QueryStream(text, values, { batchSize: 1000, highWaterMark: 1000 }));
  let rows = 0;
  const counter = new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _encoding, callback) {
      rows += 1;
      callback(null, row);
    },
  });
  const csv = stringify({
    header: true,
    columns: details.columns,
    cast: {
      boolean: (v) => (v ? 'true' : 'false'),
      string: (v) => formulaSafe(v),
      number: (v) => String(v),
      date: (v) => v.toISOString(),
    },
  });
  const done = new Promise<{ rows: number; complete: boolean }>((resolve) => {
    pipeline(rowsStream, counter, csv, (error) => {
      // A connection whose cursor broke off is not handed back for reuse.
      client.release(error ? true : undefined);
      const complete = !error;
      // A reader that went away (a closed tab, `| head`) is no failure; anything else is logged.
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') logUnexpectedError('selection export', error);
      db.update(accessLog)
        .set({ exportDetails: { ...details, rows, complete } })
        .where(eq(accessLog.id, entry!.id))
        .then(
          () => resolve({ rows, complete }),
          () => resolve({ rows, complete }),
        );
    });
  });
  return { stream: csv, filename: exportFilename(set, q), done };
}
