import { sql } from 'drizzle-orm';
import { drizzleOnClient, type Db } from '../../db/client';
import { writeSettings } from '../../db/queries/settings';
import { ensureDemoLogins } from '../auth/users';
import { countAndStoreBacklog } from '../cleanup/backlog';
import { runCleanup } from '../cleanup/run';
import { rebuildSchedule } from '../cleanup/schedule';
import { addDays, type IsoDate } from '../retention/dates';
import { SETTING_NAMES, TYPICAL_SETTINGS } from '../retention/settings';
import { clearLibraryData, hasActorData, LibraryNotEmptyError, lockLibraryForReplace } from '../scenario/load';
import { copyIntoLibrary, CopyFiles, writeActorRows } from './bulk-load';
import { createRandom, generateActor, SHOWCASE_CONDITIONS } from './generate-scenario';
import { WORKED_EXAMPLE_ACTORS } from './worked-example';

export const DEMO_INSTANCES = [
  { id: 1, name: 'Bibliotheek Rivierenland' },
  { id: 2, name: 'Bibliotheek Betuwe' },
  { id: 3, name: 'Bibliotheek Bommelerwaard' },
  { id: 4, name: 'Bibliotheek West-Betuwe' },
];

/** Days before the demo's day that history runs leave alone: the backlog the job finds. */
const BACKLOG_DAYS = 2;

/** Generated actors get ids from here on; 1001 and 1002 are the worked example. */
export const FIRST_GENERATED_ID = 10_001;

export type DemoProgress =
  | { phase: 'generate'; done: number; total: number }
  | { phase: 'load'; done: number; total: number; table: string }
  | { phase: 'schedule'; done: number; total: number }
  | { phase: 'history'; done: number; total: number; asOf: IsoDate };

export type DemoOptions = {
  actors: number;
  seed: number;
  /** The day the library is made for; the generated data ends there. */
  today: IsoDate;
  replace: boolean;
  /** Days of history made by real cleanup runs for past as-of dates (0: none, the whole backlog stays). */
  historyDays?: number;
  onProgress?: (p: DemoProgress) => void;
};

export type DemoResult = {
  actors: number;
  rows: number;
  historyRuns: number;
  generateMs: number;
  loadMs: number;
  /** Planning every actor in the retention schedule. */
  scheduleMs: number;
  historyMs: number;
  /** The demo logins this call created (those that did not exist yet). */
  loginsCreated: string[];
};

/**
 * Replaces the library data with a generated, deterministic demo library, and creates the demo
 * logins that do not exist yet, (same seed and day, same
 * data) with the typical settings of RETENTION.md (audited), and the worked example under 1001.
 * Bulk-loaded with COPY in one transaction. Then, optionally, about `historyDays` days of history
 * made by real cleanup runs for past as-of dates, so that the per-day report has data: the first
 * days work through the backlog with a row limit per day, as the job would.
 */
export async function createDemoLibrary(db: Db, options: DemoOptions): Promise<DemoResult> {
  const { actors, seed, today } = options;
  if (!Number.isInteger(actors) || actors < 2) throw new RangeError('a demo library has at least 2 actors');
  if (!options.replace && (await hasActorData(db))) throw new LibraryNotEmptyError();

  let t0 = Date.now();
  const files = new CopyFiles();
  try {
    const r = createRandom(seed);
    const instanceIds = DEMO_INSTANCES.map((i) => i.id);
    for (const actor of WORKED_EXAMPLE_ACTORS) writeActorRows(files, actor);
    const generated = actors - WORKED_EXAMPLE_ACTORS.length;
    const step = Math.max(1, Math.floor(generated / 200));
    for (let i = 0; i < generated; i++) {
      writeActorRows(files, generateActor(r, FIRST_GENERATED_ID + i, today, instanceIds, SHOWCASE_CONDITIONS[i]));
      if (i % step === 0) options.onProgress?.({ phase: 'generate', done: i, total: generated });
    }
    options.onProgress?.({ phase: 'generate', done: generated, total: generated });
    const tables = files.close();
    const generateMs = Date.now() - t0;

    t0 = Date.now();
    const client = await db.$client.connect();
    try {
      await client.query('begin');
      // The demo plans the schedule itself below: its COPY is not queued actor by actor.
      await client.query(`set local retention.quiet = 'on'`);
      const tx = drizzleOnClient(client);
      await lockLibraryForReplace(tx, options.replace);
      await clearLibraryData(tx);
      await client.query(`insert into instances (id, name) select id, name from json_to_recordset($1::json) as x(id int, name text)`, [
        JSON.stringify(DEMO_INSTANCES),
      ]);
      await copyIntoLibrary(client, files, tables, (table, index) =>
        options.onProgress?.({ phase: 'load', done: index, total: tables.length + 2, table }),
      );
      await writeSettings(
        tx,
        SETTING_NAMES.map((name) => ({ name, value: TYPICAL_SETTINGS[name] })),
        { by: 'cli demo', reason: `demo library: ${actors} actors, seed ${seed}, made for ${today}` },
      );
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    await db.execute(sql`analyze`);
    // The demo logins of INTERFACES.md exist only where demo data was made (here and the first
    // npm start); existing users are left as they are.
    const loginsCreated = await ensureDemoLogins(db);
    const loadMs = Date.now() - t0;

    // The retention schedule of the new library, planned for its day (resumable: a demo stopped
    // here is finished by the first cleanup run).
    t0 = Date.now();
    const scheduleClient = await db.$client.connect();
    try {
      await rebuildSchedule(scheduleClient, {
        asOf: today,
        onProgress: (planned) => options.onProgress?.({ phase: 'schedule', done: planned, total: actors }),
      });
      await scheduleClient.query('analyze retention_schedule, retention_plan_totals');
    } finally {
      scheduleClient.release();
    }
    const scheduleMs = Date.now() - t0;

    t0 = Date.now();
    const days = options.historyDays ?? 0;
    let historyRuns = 0;
    if (days > 0) {
      // One run a day from `days` days ago, with a row limit that spreads the first backlog over the
      // first days as the job does. The last BACKLOG_DAYS days are left for the job to work through.
      const rowsPerDay = Math.max(15_000, Math.round(actors * 1.5));
      const batchActors = Math.max(100, Math.min(5000, Math.round(actors / 50)));
      const lastDay = Math.min(BACKLOG_DAYS, days);
      for (let d = days; d > lastDay; d--) {
        const asOf = addDays(today, -d);
        options.onProgress?.({ phase: 'history', done: days - d, total: days - lastDay, asOf });
        await runCleanup(db, { asOf, trigger: 'demo', rowLimit: rowsPerDay, batchActors });
        historyRuns += 1;
      }
      options.onProgress?.({ phase: 'history', done: days - lastDay, total: days - lastDay, asOf: addDays(today, -lastDay - 1) });
      // The job's screens show the backlog the job finds today, not the last history day's.
      await countAndStoreBacklog(db, today);
    }
    const rows = [...files.rows.values()].reduce((s, n) => s + n, 0);
    return { actors, rows, historyRuns, generateMs, loadMs, scheduleMs, historyMs: Date.now() - t0, loginsCreated };
  } finally {
    files.remove();
  }
}

