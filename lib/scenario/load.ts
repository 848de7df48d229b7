import { sql } from 'drizzle-orm';
import { drizzleOnClient, type Db, type DbOrTx } from '../../db/client';
import { buildScheduleInTransaction } from '../cleanup/schedule';
import { retentionToday } from '../env';
import type { IsoDate } from '../retention/dates';
import { writeSettings, type SettingChange } from '../../db/queries/settings';
import { RECORD_TABLE_CATEGORIES } from '../retention/categories';
import { SETTING_NAMES } from '../retention/settings';
import type { Scenario } from './schema';

/** The tables that hold library data, replaced as a whole by `load` and `demo`. */
export const LIBRARY_TABLES = [
  'cleanup_daily_counts',
  'cleanup_runs',
  'loans',
  'financial_items',
  'roles',
  'other_roles',
  'blocks',
  'credentials',
  ...RECORD_TABLE_CATEGORIES,
  'removal_requests',
  'legal_holds',
  'actors',
  'instances',
] as const;

export class LibraryNotEmptyError extends Error {
  readonly code = 'LIBRARY_NOT_EMPTY';
  constructor() {
    super('the database already holds actor data; pass --replace to replace it');
  }
}

/** True when any actor is stored. */
export async function hasActorData(db: DbOrTx): Promise<boolean> {
  const r = await db.execute<{ present: boolean }>(sql`select exists (select 1 from actors) as present`);
  return r.rows[0]?.present === true;
}

/**
 * Empties the library data (actors and everything of theirs, instances, per-day counts, runs) in
 * the caller's transaction. Users, tokens, the settings audit log and the access log stay.
 */
export async function clearLibraryData(tx: DbOrTx): Promise<void> {
  await tx.execute(sql.raw(`truncate table ${LIBRARY_TABLES.join(', ')} restart identity`));
  await tx.execute(sql`update cleanup_state set position = 0, backlog = null, backlog_as_of = null, backlog_counted_at = null`);
}

/** Takes the library for replacing: waits for other loads and runs, refuses when actors exist and `replace` is false. */
export async function lockLibraryForReplace(tx: DbOrTx, replace: boolean): Promise<void> {
  await tx.execute(sql`lock table actors in exclusive mode`);
  if (!replace && (await hasActorData(tx))) throw new LibraryNotEmptyError();
}

const CHUNK = 20_000;

/** Inserts rows through one JSON parameter per chunk: set-based, any number of rows. */
async function insertJson(tx: DbOrTx, table: string, columns: [string, string][], rows: Record<string, unknown>[]): Promise<void> {
  const names = columns.map(([n]) => n).join(', ');
  const recordType = columns.map(([n, t]) => `${n} ${t}`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(
      sql`${sql.raw(`insert into ${table} (${names}) select ${names} from json_to_recordset(`)}${chunk}${sql.raw(`::json) as x(${recordType})`)}`,
    );
  }
}

export type LoadResult = { actors: number; instances: number; settingsChanged: string[] };

/**
 * Loads a validated scenario in one transaction: replaces the library data, writes the settings
 * the file gives (audited) and the system options it lists, and plans every actor in the
 * retention schedule (lib/cleanup/schedule.ts). Refuses (LibraryNotEmptyError) when
 * actor data exists and `replace` is false; writes nothing then.
 */
export async function loadScenario(
  db: Db,
  scenario: Scenario,
  options: { replace: boolean; by: string; reason: string; /** The day the schedule is planned for (default today). */ planFor?: IsoDate },
): Promise<LoadResult> {
  const client = await db.$client.connect();
  try {
    await client.query('begin');
    const tx = drizzleOnClient(client);
    // The load keeps the retention schedule itself (below): its inserts are not queued one by one.
    await client.query(`set local retention.quiet = 'on'`);
    // Serialise loads and keep cleanup runs out while the library is swapped.
    await lockLibraryForReplace(tx, options.replace);
    await clearLibraryData(tx);

    if (scenario.systemOptions) {
      await tx.execute(sql`delete from system_options`);
      await insertJson(tx, 'system_options', [['code', 'text']], [...new Set(scenario.systemOptions)].map((code) => ({ code })));
    }

    await insertJson(tx, 'instances', [['id', 'int'], ['name', 'text']], scenario.instances);
    await insertJson(
      tx,
      'actors',
      [
        ['id', 'bigint'],
        ['registered_on', 'date'],
        ['loan_history_opt_in', 'boolean'],
        ['name', 'text'],
        ['street', 'text'],
        ['postal_code', 'text'],
        ['city', 'text'],
        ['district', 'text'],
        ['email', 'text'],
        ['phone', 'text'],
      ],
      scenario.actors.map((a) => ({
        id: a.actorId,
        registered_on: a.registeredOn,
        loan_history_opt_in: a.loanHistoryOptIn,
        name: a.personal?.name ?? null,
        street: a.personal?.street ?? null,
        postal_code: a.personal?.postalCode ?? null,
        city: a.personal?.city ?? null,
        district: a.personal?.district ?? null,
        email: a.personal?.email ?? null,
        phone: a.personal?.phone ?? null,
      })),
    );
    await insertJson(
      tx,
      'roles',
      [
        ['actor_id', 'bigint'],
        ['instance_id', 'int'],
        ['type', 'text'],
        ['subtype', 'text'],
        ['status', 'int'],
        ['start_date', 'date'],
        ['end_date', 'date'],
        ['deregistration_date', 'date'],
      ],
      scenario.actors.flatMap((a) =>
        a.roles.map((r) => ({
          actor_id: a.actorId,
          instance_id: r.instanceId,
          type: r.type,
          subtype: r.subtype ?? null,
          status: r.status,
          start_date: r.startDate ?? null,
          end_date: r.endDate ?? null,
          deregistration_date: r.deregistrationDate ?? null,
        })),
      ),
    );
    await insertJson(
      tx,
      'other_roles',
      [
        ['actor_id', 'bigint'],
        ['kind', 'text'],
      ],
      scenario.actors.flatMap((a) => a.otherRoles.map((o) => ({ actor_id: a.actorId, kind: o.kind }))),
    );
    await insertJson(
      tx,
      'blocks',
      [
        ['actor_id', 'bigint'],
        ['type', 'text'],
        ['created_on', 'date'],
      ],
      scenario.actors.flatMap((a) => a.blocks.map((b) => ({ actor_id: a.actorId, type: b.type, created_on: b.createdOn ?? null }))),
    );
    await insertJson(
      tx,
      'credentials',
      [
        ['actor_id', 'bigint'],
        ['username', 'text'],
        ['sip_port', 'boolean'],
      ],
      scenario.actors.flatMap((a) => a.credentials.map((c) => ({ actor_id: a.actorId, username: c.username, sip_port: c.sipPort }))),
    );
    await insertJson(
      tx,
      'financial_items',
      [
        ['actor_id', 'bigint'],
        ['kind', 'text'],
        ['booked_on', 'date'],
        ['amount_cents', 'int'],
        ['settled', 'boolean'],
      ],
      scenario.actors.flatMap((a) =>
        a.financial.map((f) => ({ actor_id: a.actorId, kind: f.kind, booked_on: f.bookedOn, amount_cents: f.amountCents, settled: f.settled })),
      ),
    );
    await insertJson(
      tx,
      'loans',
      [
        ['actor_id', 'bigint'],
        ['instance_id', 'int'],
        ['item_id', 'text'],
        ['loaned_on', 'date'],
        ['returned_on', 'date'],
      ],
      scenario.actors.flatMap((a) =>
        a.loans.map((l) => ({ actor_id: a.actorId, instance_id: l.instanceId, item_id: l.itemId, loaned_on: l.loanedOn, returned_on: l.returnedOn ?? null })),
      ),
    );
    for (const category of RECORD_TABLE_CATEGORIES) {
      const columns: [string, string][] = [
        ['actor_id', 'bigint'],
        ['record_date', 'date'],
      ];
      if (category === 'holds' || category === 'tickets') columns.push(['is_open', 'boolean']);
      if (category === 'relationships') columns.push(['related_actor_id', 'bigint']);
      const rows = scenario.actors.flatMap((a) =>
        (a.records[category] ?? []).map((r) => ({
          actor_id: a.actorId,
          record_date: r.date,
          is_open: r.open ?? false,
          related_actor_id: r.relatedActorId ?? null,
        })),
      );
      await insertJson(tx, category, columns, rows);
    }
    // Requests about one customer: a scenario's request and hold hold before every as-of date of
    // the file (INTERFACES.md); their reasons come from the file (a request's from its loader).
    await insertJson(
      tx,
      'removal_requests',
      [
        ['actor_id', 'bigint'],
        ['requested_on', 'date'],
        ['reason', 'text'],
        ['recorded_by', 'text'],
      ],
      scenario.actors
        .filter((a) => a.removalRequestedOn !== undefined)
        .map((a) => ({ actor_id: a.actorId, requested_on: a.removalRequestedOn, reason: 'scenario file', recorded_by: options.by })),
    );
    await insertJson(
      tx,
      'legal_holds',
      [
        ['actor_id', 'bigint'],
        ['until', 'date'],
        ['reason', 'text'],
        ['placed_by', 'text'],
      ],
      scenario.actors
        .filter((a) => a.legalHold !== undefined)
        .map((a) => ({ actor_id: a.actorId, until: a.legalHold!.until, reason: a.legalHold!.reason, placed_by: options.by })),
    );

    const changes: SettingChange[] = [];
    for (const name of SETTING_NAMES) {
      const value = scenario.settings?.[name];
      if (value !== undefined) changes.push({ name, value });
    }
    const written = await writeSettings(tx, changes, { by: options.by, reason: options.reason });
    // The library and its retention schedule appear together, planned for today.
    await buildScheduleInTransaction(client, options.planFor ?? retentionToday());
    await client.query('commit');
    await client.query('analyze actors');
    return { actors: scenario.actors.length, instances: scenario.instances.length, settingsChanged: written.map((w) => w.name) };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
