import type { Db } from '../../db/client';
import { getCleanupConfig } from '../../lib/cleanup/config';
import { CleanupBusyError, CleanupPausedError, runCleanup, type RunSummary } from '../../lib/cleanup/run';
import { runCleanupUntilDone } from '../../lib/cleanup/until-done';
import { parse, parseDate, today } from '../args';
import { CannotRunNowError, UsageError } from '../errors';
import { createProgressBar } from '../progress';
import { cliChangedBy } from '../who';

export function parseCleanupArgs(argv: string[]) {
  const { values, positionals } = parse(argv, {
    'as-of': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'until-done': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return {
    asOf: parseDate(values['as-of'], 'as-of') ?? today(),
    dryRun: values['dry-run'] ?? false,
    untilDone: values['until-done'] ?? false,
    json: values.json ?? false,
  };
}


/** The summary of INTERFACES.md, in the order it shows, then our extra fields. */
export function summaryJson(s: RunSummary) {
  return {
    runId: s.runId,
    asOf: s.asOf,
    dryRun: s.dryRun,
    actorsRemoved: s.actorsRemoved,
    records: s.records,
    skipped: s.skipped,
    errors: s.errors,
    status: s.status,
    actorsExamined: s.actorsExamined,
    actorsLocked: s.actorsLocked,
    recordsProcessed: s.recordsProcessed,
    batches: s.batches,
    durationMs: s.durationMs,
  };
}

function printHuman(s: RunSummary) {
  const lines = [
    `${s.dryRun ? 'Dry run' : 'Run'} ${s.runId} for ${s.asOf}: ${s.status}, ${s.actorsExamined} actors examined, ` +
      `${s.actorsRemoved} removed, ${s.recordsProcessed} records processed in ${(s.durationMs / 1000).toFixed(1)} s` +
      (s.dryRun ? ' (nothing was changed)' : ''),
  ];
  for (const [category, c] of Object.entries(s.records)) {
    const parts = [c.deleted ? `${c.deleted} deleted` : '', c.anonymized ? `${c.anonymized} anonymized` : ''].filter(Boolean);
    lines.push(`  ${category.padEnd(28)} ${parts.join(', ')}`);
  }
  const skipped = Object.entries(s.skipped);
  if (skipped.length) lines.push(`  kept by deletion conditions: ${skipped.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (s.actorsLocked) lines.push(`  ${s.actorsLocked} actors skipped because another session held them locked`);
  if (s.errors) lines.push(`  ${s.errors} failed batches (retried by a later run)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `retention cleanup`: an attended run (not subject to the circuit breaker). Returns the exit code. */
export async function cleanupCommand(db: Db, args: ReturnType<typeof parseCleanupArgs>): Promise<number> {
  const config = getCleanupConfig();
  const bar = createProgressBar(args.dryRun ? 'Dry run' : 'Cleanup');
  const options = {
    asOf: args.asOf,
    dryRun: args.dryRun,
    trigger: 'cli',
    startedBy: cliChangedBy().label,
    batchActors: config.batchActors,
    timeBudgetMs: config.timeBudgetMs,
    rowLimit: config.rowLimit,
    lockTimeoutMs: config.lockTimeoutMs,
    onProgress: (p: { actorsExamined: number; actorsTotal: number; recordsProcessed: number; actorsRemoved: number }) =>
      bar.update(p.actorsExamined, p.actorsTotal, `${p.recordsProcessed} records, ${p.actorsRemoved} actors removed`),
  };
  const print = (s: RunSummary) => {
    bar.stop();
    if (args.json) process.stdout.write(`${JSON.stringify(summaryJson(s))}\n`);
    else printHuman(s);
  };
  try {
    const summaries = args.untilDone ? await runCleanupUntilDone(db, options, print) : [await runCleanup(db, options)];
    if (!args.untilDone) print(summaries[0]!);
    const last = summaries.at(-1)!;
    // Ops paused the job while it worked: it stopped after the batch in flight (exit 3, as for a
    // run that cannot start because the job is paused).
    if (last.status === 'paused') throw new CannotRunNowError('the cleanup job was paused while the run worked; it stopped after the batch in flight');
    if (args.untilDone && last.errors > 0) {
      process.stderr.write(`the last run ended with ${last.errors} failed batches\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    bar.stop();
    if (e instanceof CleanupBusyError || e instanceof CleanupPausedError) throw new CannotRunNowError(e.message);
    throw e;
  }
}
