import { sql } from 'drizzle-orm';
import { drizzleOnClient, type Db } from '../../db/client';
import { writeSettings } from '../../db/queries/settings';
import { ensureDemoLogins } from '../auth/users';
import { countAndStoreBacklog } from '../cleanup/backlog';
import { rebuildSchedule } from '../cleanup/schedule';
import { addDays, type IsoDate } from '../retention/dates';
import { SETTING_NAMES, TYPICAL_SETTINGS } from '../retention/settings';
import { clearLibraryData, hasActorData, LibraryNotEmptyError, lockLibraryForReplace } from '../scenario/load';
import { copyIntoLibrary, CopyFiles, writeActorRows } from './bulk-load';
import { createRandom, DEMO_SHOWCASES, generateActor, generateLeaver, withWeeklyLoans } from './generate-scenario';
import { assertJobReadyForHistory, makeDemoHistory, planDemoStory } from './history';
import { WORKED_EXAMPLE_ACTORS } from './worked-example';

export const DEMO_INSTANCES = [
  { id: 1, name: 'Bibliotheek Rivierenland' },
  { id: 2, name: 'Bibliotheek Betuwe' },
  { id: 3, name: 'Bibliotheek Bommelerwaard' },
  { id: 4, name: 'Bibliotheek West-Betuwe' },
];

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
  /**
   * Days of history made by real cleanup runs for the days before `today` (lib/demo/history.ts),
   * as if the settings had been switched on that many days ago (0: none, the whole backlog stays).
   */
  historyDays?: number;
  /** The system time zone (RETENTION_TIME_ZONE): the history's runs are at the schedule's times there. */
  timeZone?: string;
  onProgress?: (p: DemoProgress) => void;
};

export type DemoResult = {
  actors: number;
  rows: number;
  /** Run records of the history (its tripped run included), its trips and its failed batches. */
  historyRuns: number;
  historyTrips: number;
  historyFailedBatches: number;
  generateMs: number;
  loadMs: number;
  /** Planning every actor in the retention schedule. */
  scheduleMs: number;
  historyMs: number;
  /** The demo logins this call created (those that did not exist yet). */
  loginsCreated: string[];
};

/**
 * Replaces the library data with a generated, deterministic demo library (same seed and day, same
 * data and, with history, the same counts) with the typical settings of RETENTION.md (audited),
 * the worked example under 1001 and the showcases from 10001 (DEMO_SHOWCASES), and creates the
 * demo logins that do not exist yet. Bulk-loaded with COPY in one transaction. Then, optionally,
 * `historyDays` days of history made by real cleanup runs (lib/demo/history.ts): the story of a
 * library that switched its settings on that many days ago, so that the job's screens and the
 * per-day report show what the job did.
 */
export async function createDemoLibrary(db: Db, options: DemoOptions): Promise<DemoResult> {
  const { actors, seed, today } = options;
  const days = options.historyDays ?? 0;
  if (!Number.isInteger(actors) || actors < 2) throw new RangeError('a demo library has at least 2 actors');
  if (!Number.isInteger(days) || days < 0) throw new RangeError('historyDays is a whole number of 0 or more');
  if (!options.replace && (await hasActorData(db))) throw new LibraryNotEmptyError();
  if (days > 0) await assertJobReadyForHistory(db);

  let t0 = Date.now();
  const files = new CopyFiles();
  try {
    const r = createRandom(seed);
    const instanceIds = DEMO_INSTANCES.map((i) => i.id);
    for (const actor of WORKED_EXAMPLE_ACTORS) writeActorRows(files, actor);
    const generated = actors - WORKED_EXAMPLE_ACTORS.length;
    const story = planDemoStory(generated, today, days, DEMO_SHOWCASES.length);
    const step = Math.max(1, Math.floor(generated / 200));
    for (let i = 0; i < generated; i++) {
      const id = FIRST_GENERATED_ID + i;
      const removalOn = story.leavers.get(i);
      let actor = removalOn ? generateLeaver(r, id, today, instanceIds, removalOn) : generateActor(r, id, today, instanceIds, DEMO_SHOWCASES[i]);
      const weekday = story.weeklyReaders.get(i);
      if (weekday !== undefined) actor = withWeeklyLoans(r, actor, today, weekday);
      writeActorRows(files, actor);
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
      // The job's history is the new library's: no burn-down of the old one, and no approval of
      // removals an admin gave for it (the same seed and day then give the same counts).
      await client.query('delete from cleanup_backlog_days');
      await client.query('update cleanup_state set approved_actors_left = 0 where id = 1');
      await client.query(`insert into instances (id, name) select id, name from json_to_recordset($1::json) as x(id int, name text)`, [
        JSON.stringify(DEMO_INSTANCES),
      ]);
      await copyIntoLibrary(client, files, tables, (table, index) =>
        options.onProgress?.({ phase: 'load', done: index, total: tables.length + 2, table }),
      );
      await writeSettings(
        tx,
        SETTING_NAMES.map((name) => ({ name, value: TYPICAL_SETTINGS[name] })),
        {
          by: 'cli demo',
          reason: `demo library: ${actors} actors, seed ${seed}, made for ${today}`,
          // With a history, the story is a library that switched these settings on the afternoon
          // before its first day of runs: the overview, the policy and the audit log then tell the
          // same story as the reports (the first backlog worked through from that day).
          ...(days > 0 ? { at: sql`((${addDays(today, -days - 1)}::date + time '16:30')::timestamp at time zone ${options.timeZone ?? 'Europe/Amsterdam'})` } : {}),
        },
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

    // The retention schedule of the new library, planned for its first day: the day the history
    // starts, from which its runs move forward day by day (resumable: a demo stopped here is
    // finished by the first cleanup run).
    t0 = Date.now();
    const scheduleClient = await db.$client.connect();
    try {
      await rebuildSchedule(scheduleClient, {
        asOf: addDays(today, -days),
        onProgress: (planned) => options.onProgress?.({ phase: 'schedule', done: planned, total: actors }),
      });
      await scheduleClient.query('analyze retention_schedule, retention_plan_totals');
    } finally {
      scheduleClient.release();
    }
    const scheduleMs = Date.now() - t0;

    t0 = Date.now();
    let history = { runs: 0, trips: 0, failedBatches: 0 };
    if (days > 0) {
      const showcaseId = (showcase: (typeof DEMO_SHOWCASES)[number]) => {
        const index = DEMO_SHOWCASES.indexOf(showcase);
        return index < generated ? FIRST_GENERATED_ID + index : null;
      };
      history = await makeDemoHistory(db, {
        today,
        days,
        actors,
        seed,
        timeZone: options.timeZone ?? 'Europe/Amsterdam',
        legalHoldActorId: showcaseId('LEGAL_HOLD'),
        removalRequestActorId: showcaseId('REMOVAL_REQUEST'),
        ordinaryAfterId: FIRST_GENERATED_ID + DEMO_SHOWCASES.length - 1,
        onProgress: (p) => options.onProgress?.({ phase: 'history', ...p }),
      });
      // The job's screens show the backlog the job finds today, counted now, and the schedule sums for today.
      await countAndStoreBacklog(db, today);
    }
    const rows = [...files.rows.values()].reduce((s, n) => s + n, 0);
    return {
      actors,
      rows,
      historyRuns: history.runs,
      historyTrips: history.trips,
      historyFailedBatches: history.failedBatches,
      generateMs,
      loadMs,
      scheduleMs,
      historyMs: Date.now() - t0,
      loginsCreated,
    };
  } finally {
    files.remove();
  }
}

