import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { RECORD_TABLE_CATEGORIES } from '../retention/categories';
import type { ScenarioActor } from '../scenario/schema';

/*
 * Bulk loading for the demo and the benchmark: generated rows are written as COPY text files, one
 * per table, then loaded with COPY in one transaction with the secondary indexes and foreign keys
 * dropped and re-created around it (one sort per index and one set-based check per foreign key,
 * instead of a lookup per row). Used for libraries of a million actors; `load` keeps its
 * validated JSON path.
 */

type Value = string | number | boolean | null | undefined;

/** COPY text format: backslash escapes, \N for null. */
function field(v: Value): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return v.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

export const COPY_COLUMNS: Record<string, string[]> = {
  actors: ['id', 'registered_on', 'loan_history_opt_in', 'cancellation_date', 'name', 'street', 'postal_code', 'city', 'district', 'email', 'phone'],
  roles: ['actor_id', 'instance_id', 'type', 'subtype', 'status', 'start_date', 'end_date', 'deregistration_date'],
  other_roles: ['actor_id', 'kind'],
  blocks: ['actor_id', 'type', 'created_on'],
  credentials: ['actor_id', 'username', 'sip_port'],
  financial_items: ['actor_id', 'kind', 'booked_on', 'amount_cents', 'settled'],
  loans: ['actor_id', 'instance_id', 'item_id', 'loaned_on', 'returned_on'],
  ...Object.fromEntries(
    RECORD_TABLE_CATEGORIES.map((c) => [
      c,
      c === 'holds' || c === 'tickets' ? ['actor_id', 'record_date', 'is_open'] : c === 'relationships' ? ['actor_id', 'record_date', 'related_actor_id'] : ['actor_id', 'record_date'],
    ]),
  ),
};

/** Writes rows to one COPY file per table, through a buffer per table. */
export class CopyFiles {
  readonly dir: string;
  private readonly fds = new Map<string, number>();
  private readonly buffers = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  readonly rows = new Map<string, number>();

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-copy-'));
  }

  row(table: string, values: Value[]): void {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
      this.fds.set(table, fs.openSync(path.join(this.dir, `${table}.tsv`), 'w'));
    }
    const line = values.map(field).join('\t');
    buffer.push(line);
    this.rows.set(table, (this.rows.get(table) ?? 0) + 1);
    const size = (this.sizes.get(table) ?? 0) + line.length + 1;
    if (size > 1 << 20) {
      this.flush(table);
    } else this.sizes.set(table, size);
  }

  private flush(table: string) {
    const buffer = this.buffers.get(table);
    const fd = this.fds.get(table);
    if (!buffer || fd === undefined || buffer.length === 0) return;
    fs.writeSync(fd, `${buffer.join('\n')}\n`);
    buffer.length = 0;
    this.sizes.set(table, 0);
  }

  /** Flushes and closes every file; returns the tables written, in load order. */
  close(): string[] {
    for (const table of this.fds.keys()) this.flush(table);
    for (const fd of this.fds.values()) fs.closeSync(fd);
    return Object.keys(COPY_COLUMNS).filter((t) => this.fds.has(t));
  }

  file(table: string): string {
    return path.join(this.dir, `${table}.tsv`);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The rows of one actor (as the scenario format describes it) into the COPY files. */
export function writeActorRows(files: CopyFiles, a: ScenarioActor): void {
  let cancellation: string | null = null;
  for (const r of a.roles) {
    if ((r.type === 'ABON' || r.type === 'EDUV') && r.endDate && (cancellation === null || r.endDate > cancellation)) cancellation = r.endDate;
  }
  const p = a.personal ?? {};
  files.row('actors', [a.actorId, a.registeredOn, a.loanHistoryOptIn, cancellation, p.name, p.street, p.postalCode, p.city, p.district, p.email, p.phone]);
  for (const r of a.roles) files.row('roles', [a.actorId, r.instanceId, r.type, r.subtype, r.status, r.startDate, r.endDate, r.deregistrationDate]);
  for (const o of a.otherRoles) files.row('other_roles', [a.actorId, o.kind]);
  for (const b of a.blocks) files.row('blocks', [a.actorId, b.type, b.createdOn]);
  for (const c of a.credentials) files.row('credentials', [a.actorId, c.username, c.sipPort]);
  for (const f of a.financial) files.row('financial_items', [a.actorId, f.kind, f.bookedOn, f.amountCents, f.settled]);
  for (const l of a.loans) files.row('loans', [a.actorId, l.instanceId, l.itemId, l.loanedOn, l.returnedOn]);
  for (const category of RECORD_TABLE_CATEGORIES) {
    for (const r of a.records[category] ?? []) {
      if (category === 'holds' || category === 'tickets') files.row(category, [a.actorId, r.date, r.open ?? false]);
      else if (category === 'relationships') files.row(category, [a.actorId, r.date, r.relatedActorId ?? null]);
      else files.row(category, [a.actorId, r.date]);
    }
  }
}

/**
 * Loads the COPY files into the (emptied) library tables on `client`, inside the caller's
 * transaction: drops the tables' secondary indexes and foreign keys, copies, re-creates them.
 */
export async function copyIntoLibrary(client: pg.ClientBase, files: CopyFiles, tables: string[], onTable?: (table: string, index: number) => void) {
  const names = Object.keys(COPY_COLUMNS);
  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [names],
  );
  const fks = await client.query<{ table: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def
     from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text = any($1::text[])`,
    [names],
  );
  for (const fk of fks.rows) await client.query(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const ix of indexes.rows) await client.query(`drop index "${ix.indexname}"`);
  let i = 0;
  for (const table of tables) {
    onTable?.(table, i++);
    const stream = client.query(copyFrom(`copy ${table} (${COPY_COLUMNS[table]!.join(', ')}) from stdin`));
    await pipeline(fs.createReadStream(files.file(table), { highWaterMark: 1 << 20 }), stream);
  }
  onTable?.('indexes', i++);
  for (const ix of indexes.rows) await client.query(ix.indexdef);
  onTable?.('foreign keys', i++);
  for (const fk of fks.rows) await client.query(`alter table ${fk.table} add constraint "${fk.name}" ${fk.def}`);
}
