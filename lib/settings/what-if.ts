import type { z } from 'zod';
import type { Db } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import { runCleanup, type RunProgress, type RunSummary } from '../cleanup/run';
import { CATEGORY_IDS, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import { SETTING_NAMES, type RetentionSettings, type SettingName } from '../retention/settings';
import { settingsChangeProblems, settingsChangeSchema, type settingValueChangesSchema } from '../validation/settings';
import { DEFAULT_BREAKER_THRESHOLDS, exceedsBreaker, shareOfActors, type BreakerThresholds } from './breaker';
import { InvalidSettingsChangeError } from './errors';

/** What a complete cleanup run on the as-of date would process: actors removed, records per category. */
export type DueFigures = {
  actors: number;
  /** Every category id, records deleted, anonymized or erased. */
  records: Record<CategoryId, number>;
  recordsTotal: number;
};

export type SettingDiff = { name: SettingName; oldValue: number; newValue: number };

export type SettingsWhatIf = {
  asOf: IsoDate;
  currentSettings: RetentionSettings;
  proposedSettings: RetentionSettings;
  /** The settings whose value would change; values equal to the current ones are left out. */
  changes: SettingDiff[];
  /** What is due on `asOf` with the current settings (the backlog the cleanup has not done yet). */
  current: DueFigures;
  /** What would be due on `asOf` with the proposed settings. */
  proposed: DueFigures;
  /** proposed − current, per category and for actors, never below 0. */
  newlyDue: DueFigures;
  /** Actors in the library when the what-if ran. */
  actorsTotal: number;
  /** newlyDue.actors / actorsTotal (0 in an empty library). */
  newlyDueShare: number;
  /** The change makes more actors due than the circuit breaker's default thresholds allow. */
  exceedsBreaker: boolean;
  breaker: BreakerThresholds;
  /**
   * false when a dry run could not look at every actor: some were held locked by another session
   * (a cleanup running now) or a batch failed. The figures are then a lower bound.
   */
  isExact: boolean;
};

export type WhatIfProgress = {
  /** Which dry run is working: 1 (current settings) or 2 (proposed settings). */
  step: number;
  steps: number;
  /** Actors examined over both dry runs, out of `total`. */
  done: number;
  total: number;
  run: RunProgress;
};

export type SettingsWhatIfParams = {
  changes: z.input<typeof settingValueChangesSchema>;
  asOf: IsoDate;
  onProgress?: (progress: WhatIfProgress) => void;
  /** Actors per dry-run batch (default: the cleanup's default). */
  batchActors?: number;
};

const zero = (): Record<CategoryId, number> => Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>;

function figuresOf(summary: RunSummary): DueFigures {
  const records = zero();
  for (const id of CATEGORY_IDS) {
    const c = summary.records[id];
    if (c) records[id] = c.deleted + c.anonymized;
  }
  return { actors: summary.actorsRemoved, records, recordsTotal: CATEGORY_IDS.reduce((n, id) => n + records[id], 0) };
}

function subtract(proposed: DueFigures, current: DueFigures): DueFigures {
  const records = zero();
  for (const id of CATEGORY_IDS) records[id] = Math.max(0, proposed.records[id] - current.records[id]);
  return {
    actors: Math.max(0, proposed.actors - current.actors),
    records,
    recordsTotal: CATEGORY_IDS.reduce((n, id) => n + records[id], 0),
  };
}

const isComplete = (s: RunSummary) => s.status === 'completed' && s.errors === 0 && s.actorsLocked === 0;

/**
 * What a settings change would do as of `asOf` (RETENTION.md, "Changing settings"): the actors and
 * records per category that would become due for removal. Computed by the cleanup itself, so the
 * figures are what a run would really do: two unrecorded dry runs over the whole library (nothing
 * written, no run record, not blocked by a paused job or a running cleanup), one with the current
 * settings and one with the proposed ones, subtracted per category and clamped at 0. Both raw
 * figures are returned too, for a screen that shows the backlog before and after.
 *
 * The changes are validated again here (InvalidSettingsChangeError); an unchanged library with
 * unchanged values costs one dry run, not two.
 */
export async function computeSettingsWhatIf(db: Db, params: SettingsWhatIfParams): Promise<SettingsWhatIf> {
  const parsed = settingsChangeSchema.pick({ changes: true }).safeParse({ changes: params.changes });
  if (!parsed.success) throw new InvalidSettingsChangeError(settingsChangeProblems(parsed.error, { changes: params.changes }));

  const currentSettings = await getSettings(db);
  const proposedSettings: RetentionSettings = { ...currentSettings };
  for (const change of parsed.data.changes) proposedSettings[change.name] = change.value;
  const changes: SettingDiff[] = SETTING_NAMES.filter((name) => proposedSettings[name] !== currentSettings[name]).map((name) => ({
    name,
    oldValue: currentSettings[name],
    newValue: proposedSettings[name],
  }));

  const steps = changes.length > 0 ? 2 : 1;
  const dryRun = (settings: RetentionSettings, step: number) =>
    runCleanup(db, {
      asOf: params.asOf,
      dryRun: true,
      recordRun: false,
      settings,
      trigger: 'settings-what-if',
      batchActors: params.batchActors,
      onProgress: params.onProgress
        ? (run) =>
            params.onProgress!({
              step,
              steps,
              done: (step - 1) * run.actorsTotal + run.actorsExamined,
              total: steps * run.actorsTotal,
              run,
            })
        : undefined,
    });

  // Run one after the other: two dry runs at once would skip each other's locked actors.
  const currentRun = await dryRun(currentSettings, 1);
  const proposedRun = changes.length > 0 ? await dryRun(proposedSettings, 2) : currentRun;

  const current = figuresOf(currentRun);
  const proposed = figuresOf(proposedRun);
  const newlyDue = subtract(proposed, current);
  // Every actor is examined by a dry run without a time budget or row limit.
  const actorsTotal = Math.max(currentRun.actorsExamined, proposedRun.actorsExamined);
  return {
    asOf: params.asOf,
    currentSettings,
    proposedSettings,
    changes,
    current,
    proposed,
    newlyDue,
    actorsTotal,
    newlyDueShare: shareOfActors(newlyDue.actors, actorsTotal),
    exceedsBreaker: exceedsBreaker(newlyDue.actors, actorsTotal, DEFAULT_BREAKER_THRESHOLDS),
    breaker: DEFAULT_BREAKER_THRESHOLDS,
    isExact: isComplete(currentRun) && isComplete(proposedRun),
  };
}
