import type pg from 'pg';
import type { Db } from '../../db/client';
import type { ChangedBy } from '../auth/audit';
import { acknowledgeBreaker, runScheduledCleanup, type ScheduledOutcome } from '../cleanup/job';
import { CleanupBusyError, CleanupPausedError } from '../cleanup/run';
import { CATEGORY_IDS } from '../retention/categories';
import { addDays, addMonths, type IsoDate } from '../retention/dates';
import { recordRemovalRequest, setLegalHold } from '../requests/requests';
import { COPY_COLUMNS } from './bulk-load';
import { createRandom } from './generate-scenario';

/*
 * The demo's history: the story of a library that switched its retention settings on `days` days
 * before the demo's day, told by real cleanup runs, so that every count on the screens is what a
 * run really did. Each day has the runs the ten-minute schedule started at HISTORY_RUN_TIMES
 * (runScheduledCleanup, the job's own unattended run: circuit breaker included), with a row limit
 * that spreads the first backlog over several days; afterwards the first run of a day does the
 * day's work and the later ones find little or nothing. After each run its record, and what it
 * wrote beside (the burn-down's point of its day, the job's backlog), is moved to the moment the
 * schedule would have started it, keeping its real duration.
 *
 * The story: the first scheduled run after the settings were switched on finds the whole first
 * backlog due, more removals than the circuit breaker lets through (1 % of the actors), and
 * trips; admin@demo.test acknowledges it that morning and the job goes on. Two days have a failed
 * batch (a session of the library system holds rows of one actor while the first run works: the
 * batch gives up under its lock timeout, is recorded without the actor, and the next run does
 * the actor). Before the settings were switched on an admin placed a legal hold on actor 10019
 * (until nine months after the demo's day); a month before the demo's day support recorded the
 * removal request of actor 10020, whom an unpaid fine still keeps.
 */

/**
 * The runs of each history day: three of the ten-minute schedule's slots, in the system time zone
 * (the night's run does the day's work; the others stand for the many that find nothing).
 */
export const HISTORY_RUN_TIMES = ['01:10', '09:40', '17:20'] as const;

/** The lock timeout of a run that meets the held rows: a failed batch costs a few of these. */
const FAILING_LOCK_TIMEOUT_MS = 250;

/** Records per history run: about 20,000 at 10,000 actors, two per actor in smaller libraries. */
export function historyRowLimit(actors: number): number {
  return Math.min(20_000, Math.max(200, 2 * actors));
}

/** Actors per batch of a history run: 200 at 10,000 actors, so the row limit is met closely. */
export function historyBatchActors(actors: number): number {
  return Math.min(5000, Math.max(20, Math.round(actors / 50)));
}

/**
 * Who the history's story needs among the generated actors (by index from id 10001; the
 * showcases come first): seven weekly readers with loan history off right after the showcases
 * (ids 10021–10027; one of their loans reaches `optOutLoanDays` every day), and former customers
 * whose retention ends on the history's days after the first backlog, about one every third day,
 * spread over the library (at most 5 % of it). The rest of the library does the same by chance in
 * a large library; these make it so in a small one too, at the same few rows whatever its size.
 */
export function planDemoStory(generated: number, today: IsoDate, days: number, showcases: number): { weeklyReaders: Map<number, number>; leavers: Map<number, IsoDate> } {
  const weeklyReaders = new Map<number, number>();
  const leavers = new Map<number, IsoDate>();
  if (days <= 0) return { weeklyReaders, leavers };
  for (let weekday = 0; weekday < 7 && showcases + weekday < generated; weekday++) weeklyReaders.set(showcases + weekday, weekday);
  const first = showcases + 7;
  const storyDays = days - 3;
  const count = Math.min(Math.ceil(storyDays / 3), Math.floor((generated - first) * 0.05));
  const step = count > 0 ? Math.floor((generated - first) / count) : 0;
  for (let j = 0; j < count; j++) leavers.set(first + j * step, addDays(today, -days + 3 + Math.floor((j * storyDays) / count)));
  return { weeklyReaders, leavers };
}

export type HistoryProgress = { done: number; total: number; asOf: IsoDate };

export type HistoryOptions = {
  today: IsoDate;
  days: number;
  actors: number;
  seed: number;
  timeZone: string;
  /** The showcase actors whose hold and request the history places (absent in a small library). */
  legalHoldActorId: number | null;
  removalRequestActorId: number | null;
  /** Actors with ids above this are ordinary (not the worked example or a showcase). */
  ordinaryAfterId: number;
  onProgress?: (p: HistoryProgress) => void;
};

export type HistoryResult = {
  /** Run records written (a tripped run included). */
  runs: number;
  trips: number;
  failedBatches: number;
};

/** The job state the history needs: it never overrides a pause or a breaker someone left tripped. */
export class DemoJobNotReadyError extends Error {
  readonly code = 'DEMO_JOB_NOT_READY';
}

/** Refuses (before anything is replaced) when the cleanup job cannot make the history now. */
export async function assertJobReadyForHistory(db: Db): Promise<void> {
  const r = await db.$client.query<{ paused: boolean; tripped: boolean }>('select paused, tripped_at is not null as tripped from cleanup_state where id = 1');
  const state = r.rows[0];
  if (state?.paused) throw new DemoJobNotReadyError('the cleanup job is paused: resume it first (retention job resume), or make the demo with --history-days 0');
  if (state?.tripped) {
    throw new DemoJobNotReadyError('the circuit breaker has tripped: an admin acknowledges it first (retention job acknowledge), or make the demo with --history-days 0');
  }
}

/** The moment `time` (HH:MM:SS) of `day` in `timeZone`, as PostgreSQL computes it (summer time included). */
const LOCAL_MOMENT = `(($1::date + $2::time)::timestamp at time zone $3)`;

/** Makes the history (see the top of this file). The library is loaded and planned for the first history day. */
export async function makeDemoHistory(db: Db, options: HistoryOptions): Promise<HistoryResult> {
  const { today, days, actors, timeZone } = options;
  const start = addDays(today, -days);
  const rowLimit = historyRowLimit(actors);
  const batchActors = historyBatchActors(actors);
  const admin = await demoLogin(db, 'admin@demo.test');
  const support = await demoLogin(db, 'support@demo.test');
  // Seconds after the slot at which the job started (the schedule's check and the queue's polling).
  const jitter = createRandom(options.seed + 0x5eed);
  const failingDays = new Set(days >= 6 ? [Math.floor(days * 0.4), Math.floor(days * 0.75)] : []);
  const result: HistoryResult = { runs: 0, trips: 0, failedBatches: 0 };

  // What people did between the runs, each at its moment, done before the first run after it.
  const events: { at: Date; act: () => Promise<void> }[] = [];
  const holdId = options.legalHoldActorId;
  if (holdId !== null) {
    const placedOn = addDays(start, -2);
    const at = await localMoment(db, placedOn, '11:05:00', timeZone);
    events.push({
      at,
      act: async () => {
        await setLegalHold(db, {
          actorId: holdId,
          until: addMonths(today, 9),
          reason: 'Court order 2026/0412: keep all records of this customer until the case is closed',
          by: admin,
          today: placedOn,
        });
        await db.$client.query('update legal_holds set placed_at = $2, updated_at = $2 where actor_id = $1', [holdId, at]);
        await backdateAuditEntry(db, 'legal_hold.place', at);
      },
    });
  }
  const requestId = options.removalRequestActorId;
  if (requestId !== null && days >= 4) {
    const requestedOn = addDays(today, -Math.min(30, days - 2));
    const at = await localMoment(db, requestedOn, '10:25:00', timeZone);
    events.push({
      at,
      act: async () => {
        await recordRemovalRequest(db, { actorId: requestId, reason: 'Letter of the customer received at the desk, file 2026-117', by: support, today: requestedOn });
        await db.$client.query('update removal_requests set recorded_at = $2 where actor_id = $1', [requestId, at]);
        await backdateAuditEntry(db, 'removal_request.create', at);
      },
    });
  }
  const catchUp = async (until: Date) => {
    for (const event of events.filter((e) => e.at <= until).sort((a, b) => a.at.getTime() - b.at.getTime())) {
      events.splice(events.indexOf(event), 1);
      await event.act();
    }
  };

  const total = days * HISTORY_RUN_TIMES.length;
  for (let i = 0; i < days; i++) {
    const day = addDays(start, i);
    for (const [slot, time] of HISTORY_RUN_TIMES.entries()) {
      options.onProgress?.({ done: i * HISTORY_RUN_TIMES.length + slot, total, asOf: day });
      const at = await localMoment(db, day, `${time}:${String(jitter.int(3, 40)).padStart(2, '0')}`, timeZone);
      await catchUp(at);
      const blocker = slot === 0 && failingDays.has(i) ? await holdRowsOfOneDueActor(db, day, options.ordinaryAfterId) : null;
      let outcome: ScheduledOutcome;
      try {
        outcome = await runScheduledCleanup(db, {
          asOf: day,
          trigger: 'demo',
          rowLimit,
          batchActors,
          ...(blocker ? { lockTimeoutMs: FAILING_LOCK_TIMEOUT_MS } : {}),
        });
      } finally {
        await blocker?.release();
      }
      if (outcome.ran) {
        await moveRun(db, outcome.summary.runId, day, at);
        result.runs += 1;
        result.failedBatches += outcome.summary.errors;
      } else if (outcome.reason === 'tripped') {
        // A tripped job does not run (no record) until the acknowledgement; the run that tripped it is recorded.
        if (outcome.runId) {
          await moveRun(db, outcome.runId, day, at);
          result.runs += 1;
          result.trips += 1;
          // The admin acknowledges it when they come to look; the job goes on with the next run after that.
          const ackAt = await acknowledgementMoment(db, day, at, timeZone);
          events.push({ at: ackAt, act: () => acknowledgeAt(db, admin, ackAt, timeZone) });
        }
      } else if (outcome.reason === 'paused') throw new CleanupPausedError();
      else throw new CleanupBusyError();
    }
  }
  await catchUp(new Date(8.64e15));
  options.onProgress?.({ done: total, total, asOf: addDays(today, -1) });
  return result;
}

/** A demo login as the audit log names it. */
async function demoLogin(db: Db, email: string): Promise<ChangedBy> {
  const r = await db.$client.query<{ id: string }>('select id from users where email = $1', [email]);
  return { label: email, userId: r.rows[0]?.id ?? null };
}

async function localMoment(db: Db, day: IsoDate, time: string, timeZone: string): Promise<Date> {
  const r = await db.$client.query<{ at: Date }>(`select ${LOCAL_MOMENT} as at`, [day, time, timeZone]);
  return r.rows[0]!.at;
}

/** When the admin looks at a trip: at 08:50 if it tripped in the night, else 35 minutes later. */
async function acknowledgementMoment(db: Db, day: IsoDate, trippedAt: Date, timeZone: string): Promise<Date> {
  const morning = await localMoment(db, day, '08:50:00', timeZone);
  const soon = new Date(trippedAt.getTime() + 35 * 60_000);
  return soon > morning ? soon : morning;
}

/** The admin's acknowledgement (the product's own, with its audit entry), dated `at`. */
async function acknowledgeAt(db: Db, admin: ChangedBy, at: Date, timeZone: string): Promise<void> {
  const day = await db.$client.query<{ day: string }>(`select to_char($1::timestamptz at time zone $2, 'YYYY-MM-DD') as day`, [at, timeZone]);
  await acknowledgeBreaker(db, { by: admin, asOf: day.rows[0]!.day });
  await db.$client.query('update cleanup_state set approved_at = $1 where id = 1', [at]);
  await backdateAuditEntry(db, 'cleanup.acknowledge', at);
}

/**
 * Moves a run's record to `at`, keeping its duration, and with it what the run wrote beside at the
 * time: its day's point of the burn-down, the job's backlog and forecast, a trip.
 */
async function moveRun(db: Db, runId: string, day: IsoDate, at: Date): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('begin');
    // The shift in seconds (an interval of days would be added in calendar days, an hour off across summer time).
    const found = await client.query<{ started: Date; shift: number }>(
      `select started_at as started, extract(epoch from ($2::timestamptz - started_at))::float8 as shift from cleanup_runs where id = $1 for update`,
      [runId, at],
    );
    const row = found.rows[0];
    if (!row) throw new Error('the history run has no record');
    const by = `make_interval(secs => $2::float8)`;
    await client.query(
      `update cleanup_runs set started_at = started_at + ${by}, updated_at = updated_at + ${by}, finished_at = finished_at + ${by},
         error_details = (
           select coalesce(jsonb_agg(case when e ? 'at'
               then jsonb_set(e, '{at}', to_jsonb(to_char(((e->>'at')::timestamptz + ${by}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
               else e end order by o), '[]'::jsonb)
             from jsonb_array_elements(error_details) with ordinality as x(e, o))
       where id = $1`,
      [runId, row.shift],
    );
    await client.query(`update cleanup_backlog_days set counted_at = counted_at + ${by} where day = $1 and counted_at >= $3`, [day, row.shift, row.started]);
    await client.query(
      `update cleanup_state set
         backlog_counted_at = case when backlog_counted_at >= $1 then backlog_counted_at + ${by} else backlog_counted_at end,
         forecast_counted_at = case when forecast_counted_at >= $1 then forecast_counted_at + ${by} else forecast_counted_at end,
         tripped_at = case when tripped_at >= $1 then tripped_at + ${by} else tripped_at end
       where id = 1`,
      [row.started, row.shift],
    );
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Dates the newest audit entry of `action` (the one the product just wrote for the demo's story)
 * at the story's moment. The audit log is append-only (migration 0003): its guard is switched off
 * for this one update and on again inside the same transaction, which holds the table locked, so
 * no other session ever sees it off.
 */
async function backdateAuditEntry(db: Db, action: string, at: Date): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('begin');
    await client.query('alter table audit_log disable trigger audit_log_no_update');
    const r = await client.query(`update audit_log set changed_at = $2 where id = (select max(id) from audit_log where action = $1)`, [action, at]);
    if (r.rowCount !== 1) throw new Error(`no audit entry ${action} to date`);
    await client.query('alter table audit_log enable trigger audit_log_no_update');
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Every table with rows of an actor that a run changes, besides the actor row itself. */
const ACTOR_ROW_TABLES = Object.keys(COPY_COLUMNS).filter((t) => t !== 'actors');

/**
 * The library system at work: one session holds every row of one actor (not the actor row, which a
 * run would skip) that the run of `day` is due to change, until released. Picks, in id order, the
 * first ordinary actor whose plan has records due on `day` in a table of its own (not only personal
 * details, which live on the actor row); null when there is none.
 */
async function holdRowsOfOneDueActor(db: Db, day: IsoDate, afterId: number): Promise<{ release: () => Promise<void> } | null> {
  const personal = CATEGORY_IDS.indexOf('personal_details');
  const pick = await db.$client.query<{ actor_id: number }>(
    `select s.actor_id from retention_schedule s
      where s.next_on <= $1 and s.actor_id > $2 and (s.valid_to is null or s.valid_to > $1)
        and not exists (select 1 from retention_dirty q where q.actor_id = s.actor_id)
        and exists (select 1 from unnest(s.days, s.categories) as e(day, category) where e.day <= $1 and e.category <> $3)
      order by s.actor_id limit 1`,
    [day, afterId, personal],
  );
  const actorId = pick.rows[0]?.actor_id;
  if (actorId === undefined) return null;
  const client: pg.PoolClient = await db.$client.connect();
  try {
    await client.query('begin');
    // Bounded whatever happens: the session lets go by itself after a minute.
    await client.query(`set local idle_in_transaction_session_timeout = '60s'`);
    for (const table of ACTOR_ROW_TABLES) await client.query(`select 1 from ${table} where actor_id = $1 for update`, [actorId]);
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    client.release();
    throw e;
  }
  return {
    release: async () => {
      await client.query('rollback').catch(() => undefined);
      client.release();
    },
  };
}
