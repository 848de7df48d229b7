import 'server-only';
import { Counter, Gauge, Registry } from 'prom-client';
import { getCleanupConfig } from '@/lib/cleanup/config';
import { getJobStatus } from '@/lib/cleanup/job';
import { getServerDb } from '@/server/db';

const STATES = ['idle', 'running', 'paused', 'tripped', 'stale'] as const;

/**
 * The Prometheus text of GET /metrics, read from the database at each scrape (so every web
 * instance answers the same): runs, records processed per category, the backlog, the last success.
 * Counts only.
 */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const db = await getServerDb();
  const registry = new Registry();
  const [runs, processed, status] = await Promise.all([
    db.$client.query<{ status: string; dry_run: boolean; n: number; errors: number; splits: number }>(
      `select status, dry_run, count(*)::int as n, sum(errors)::int as errors, sum(batches_split)::int as splits from cleanup_runs group by status, dry_run`,
    ),
    db.$client.query<{ category: string; deleted: number; anonymized: number }>(
      `select category, sum(deleted)::bigint as deleted, sum(anonymized)::bigint as anonymized from cleanup_daily_counts group by category`,
    ),
    getJobStatus(db, { cadenceMinutes: getCleanupConfig().cadenceMinutes }),
  ]);
  const runsTotal = new Counter({ name: 'retention_cleanup_runs_total', help: 'Cleanup runs recorded, by status and dry run', labelNames: ['status', 'dry_run'], registers: [registry] });
  for (const r of runs.rows) runsTotal.inc({ status: r.status, dry_run: String(r.dry_run) }, r.n);
  // Failures a monitor alerts on: batches that failed even for one actor, and batches split to find
  // it (a statement that always fails shows as splits long before it shows as errors).
  const failedBatches = new Counter({ name: 'retention_cleanup_failed_batches_total', help: 'Batches of cleanup runs that failed even for a single actor', registers: [registry] });
  const splitBatches = new Counter({ name: 'retention_cleanup_batches_split_total', help: 'Batches of cleanup runs that failed and were split to find the actor behind the failure', registers: [registry] });
  failedBatches.inc(runs.rows.reduce((sum, r) => sum + r.errors, 0));
  splitBatches.inc(runs.rows.reduce((sum, r) => sum + r.splits, 0));
  const records = new Counter({ name: 'retention_records_processed_total', help: 'Records processed by cleanup runs, by category and action (category actors: actors removed)', labelNames: ['category', 'action'], registers: [registry] });
  for (const r of processed.rows) {
    if (Number(r.deleted)) records.inc({ category: r.category, action: 'deleted' }, Number(r.deleted));
    if (Number(r.anonymized)) records.inc({ category: r.category, action: 'anonymized' }, Number(r.anonymized));
  }
  const backlogActors = new Gauge({ name: 'retention_backlog_actors', help: 'Actors due for removal, counted at the end of the last run', registers: [registry] });
  const backlogRecords = new Gauge({ name: 'retention_backlog_records', help: 'Records due per category, counted at the end of the last run', labelNames: ['category'], registers: [registry] });
  const backlogCounted = new Gauge({ name: 'retention_backlog_counted_timestamp_seconds', help: 'When the backlog was counted', registers: [registry] });
  if (status.backlog) {
    backlogActors.set(status.backlog.actors);
    for (const [category, n] of Object.entries(status.backlog.records)) backlogRecords.set({ category }, n);
    backlogCounted.set(Date.parse(status.backlog.countedAt) / 1000);
  }
  const lastSuccess = new Gauge({ name: 'retention_cleanup_last_success_timestamp_seconds', help: 'When the last successful cleanup run ended', registers: [registry] });
  if (status.lastSuccessAt) lastSuccess.set(Date.parse(status.lastSuccessAt) / 1000);
  const state = new Gauge({ name: 'retention_cleanup_state', help: 'The cleanup job state (1 for the current one)', labelNames: ['state'], registers: [registry] });
  for (const s of STATES) state.set({ state: s }, s === status.state ? 1 : 0);
  const planned = new Gauge({ name: 'retention_schedule_actors_planned', help: 'Actors planned in the retention schedule', registers: [registry] });
  planned.set(status.schedule.plannedActors);
  const queued = new Gauge({ name: 'retention_schedule_queued_actors', help: 'Actors changed since their plan, queued for the next run', registers: [registry] });
  queued.set(status.schedule.queued);
  const rebuilding = new Gauge({ name: 'retention_schedule_rebuilding', help: '1 while the retention schedule is being rebuilt (after a settings change)', registers: [registry] });
  rebuilding.set(status.schedule.state === 'rebuilding' ? 1 : 0);
  return { body: await registry.metrics(), contentType: registry.contentType };
}
