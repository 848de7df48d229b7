import type { Db } from '../../db/client';
import { getCleanupConfig } from '../../lib/cleanup/config';
import { acknowledgeBreaker, getJobStatus, pauseJob, resumeJob, type JobStatus } from '../../lib/cleanup/job';
import { parse, today } from '../args';
import { CleanupBusyError, replanSchedule } from '../../lib/cleanup/run';
import { CannotRunNowError, UsageError } from '../errors';
import { cliChangedBy } from '../who';

const ACTIONS = ['status', 'pause', 'resume', 'acknowledge', 'replan'] as const;
type Action = (typeof ACTIONS)[number];

export function parseJobArgs(argv: string[]) {
  const { values, positionals } = parse(argv, { json: { type: 'boolean', default: false } });
  const action = (positionals[0] ?? 'status') as Action;
  if (!ACTIONS.includes(action) || positionals.length > 1) throw new UsageError('usage: retention job status|pause|resume|acknowledge|replan [--json]');
  return { action, json: values.json ?? false };
}

function printStatus(s: JobStatus) {
  const lines = [`Cleanup job: ${s.state}`];
  if (s.paused) lines.push(`  paused since ${s.paused.at ?? '?'} by ${s.paused.by ?? '?'}`);
  if (s.tripped) {
    const d = s.tripped.details ?? {};
    lines.push(`  circuit breaker tripped at ${s.tripped.at}: ${d.unapproved ?? '?'} actors beyond the approval (${d.dueActors ?? '?'} due of ${d.actorsTotal ?? '?'});`);
    lines.push(`  an admin acknowledges with: retention job acknowledge`);
  }
  if (s.running) lines.push(`  running: ${s.running.actorsExamined} actors examined, ${s.running.actorsRemoved} removed, ${s.running.recordsProcessed} records, ${s.running.batches} batches`);
  if (s.lastRun) lines.push(`  last ${s.lastRun.dryRun ? 'dry run' : 'run'}: ${s.lastRun.status} for ${s.lastRun.asOf} at ${s.lastRun.startedAt} (${s.lastRun.recordsProcessed} records, ${s.lastRun.actorsRemoved} actors)`);
  lines.push(`  last success: ${s.lastSuccessAt ?? 'none yet'}; every ${s.cadenceMinutes} min; next run: ${s.nextRunAt ?? 'not scheduled (no worker, paused or tripped)'}`);
  const plan = s.schedule;
  lines.push(
    plan.state === 'current'
      ? `  retention schedule: up to date (${plan.plannedActors} actors planned${plan.builtAt ? `, built ${plan.builtAt}` : ''}); ${plan.queued} changed actors queued for the next run`
      : `  retention schedule: being rebuilt after a settings change (${plan.plannedActors} of ${plan.actorsTotal ?? '?'} actors planned); the next run goes on`,
  );
  if (s.backlog) {
    lines.push(`  backlog for ${s.backlog.asOf} (counted ${s.backlog.countedAt}): ${s.backlog.actors} actors, ${s.backlog.recordsTotal} records` + (s.backlogClearedAt ? `; cleared by about ${s.backlogClearedAt}` : ''));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `retention job status|pause|resume|acknowledge`. */
export async function jobCommand(db: Db, args: ReturnType<typeof parseJobArgs>): Promise<number> {
  const by = cliChangedBy();
  const config = getCleanupConfig();
  let extra: Record<string, unknown> = {};
  if (args.action === 'pause') await pauseJob(db, by);
  else if (args.action === 'resume') await resumeJob(db, by);
  else if (args.action === 'replan') {
    try {
      extra = await replanSchedule(db, { asOf: today(), chunkActors: config.batchActors });
    } catch (e) {
      if (e instanceof CleanupBusyError) throw new CannotRunNowError('a cleanup run is active: the schedule is kept by it; try again when it ends');
      throw e;
    }
  } else if (args.action === 'acknowledge') {
    const before = await getJobStatus(db, { cadenceMinutes: config.cadenceMinutes });
    if (!before.tripped) throw new UsageError('the circuit breaker has not tripped: nothing to acknowledge');
    extra = await acknowledgeBreaker(db, { by, asOf: today() });
  }
  const status = await getJobStatus(db, { cadenceMinutes: config.cadenceMinutes });
  if (args.json) process.stdout.write(`${JSON.stringify({ ...status, ...extra })}\n`);
  else {
    if (args.action === 'acknowledge') process.stdout.write(`Acknowledged: ${String(extra.approvedActors)} removals approved.\n`);
    if (args.action === 'replan') process.stdout.write(`Planned ${String(extra.planned)} actors anew in ${((extra.durationMs as number) / 1000).toFixed(1)} s.\n`);
    printStatus(status);
  }
  return 0;
}
