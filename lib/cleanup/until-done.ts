import type { Db } from '../../db/client';
import { runCleanup, type CleanupOptions, type RunSummary } from './run';

export const MAX_RUNS_UNTIL_DONE = 1000;

/**
 * Repeats cleanup runs until one processes nothing (INTERFACES.md `cleanup --until-done`), at most
 * MAX_RUNS_UNTIL_DONE runs. `onRun` sees each run's summary as it ends. A dry run is one run:
 * it changes nothing, so a second would count the same again. A run stopped by a pause ends the
 * series (the caller reports it: the CLI exits 3).
 */
export async function runCleanupUntilDone(
  db: Db,
  options: CleanupOptions,
  onRun?: (summary: RunSummary) => void,
): Promise<RunSummary[]> {
  const summaries: RunSummary[] = [];
  for (let i = 0; i < MAX_RUNS_UNTIL_DONE; i++) {
    const summary = await runCleanup(db, options);
    summaries.push(summary);
    onRun?.(summary);
    const processedNothing = summary.recordsProcessed === 0 && summary.actorsRemoved === 0;
    if (options.dryRun || processedNothing || summary.errors > 0 || summary.status === 'paused') break;
  }
  return summaries;
}
