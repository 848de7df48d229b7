import type { z } from 'zod';
import type { Db } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import { countDueNow } from '../cleanup/backlog';
import { countDue, type DueCounts } from '../cleanup/count-due';
import { CATEGORY_IDS, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import { SETTING_NAMES, type RetentionSettings, type SettingName } from '../retention/settings';
import { settingsChangeProblems, settingsChangeSchema, type settingValueChangesSchema } from '../validation/settings';
import { DEFAULT_BREAKER_THRESHOLDS, exceedsBreaker, shareOfActors, type BreakerThresholds } from './breaker';
import { InvalidSettingsChangeError } from './errors';
import { computeKeptLonger, lengthens, type KeptLonger } from './kept-longer';

/** What a complete cleanup run on the as-of date would process: actors removed, records per category (countDue's result). */
export type DueFigures = DueCounts;

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
  /**
   * What the change keeps longer (records and actors whose day of going moves later, and by how
   * much), when it makes a period longer; `null` when no period gets longer.
   */
  keptLonger: KeptLonger | null;
  /** Actors in the library when the what-if ran. */
  actorsTotal: number;
  /** newlyDue.actors / actorsTotal (0 in an empty library). */
  newlyDueShare: number;
  /** The change makes more actors due than the circuit breaker's default thresholds allow. */
  exceedsBreaker: boolean;
  breaker: BreakerThresholds;
  /**
   * Always true now that the figures are counted without locks (kept for callers); they are
   * exact for the moment they were counted.
   */
  isExact: boolean;
};

export type WhatIfProgress = {
  /** Which walk is working: 1 (what becomes due with the proposed settings) or 2 (what they keep longer). */
  step: number;
  steps: number;
  /** Actors counted over both counts, out of `total`. */
  done: number;
  total: number;
};

export type SettingsWhatIfParams = {
  changes: z.input<typeof settingValueChangesSchema>;
  asOf: IsoDate;
  onProgress?: (progress: WhatIfProgress) => void;
  /** Actors per counted range (default 20,000). */
  batchActors?: number;
};

const zero = (): Record<CategoryId, number> => Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>;

function subtract(proposed: DueFigures, current: DueFigures): DueFigures {
  const records = zero();
  for (const id of CATEGORY_IDS) records[id] = Math.max(0, proposed.records[id] - current.records[id]);
  return {
    actors: Math.max(0, proposed.actors - current.actors),
    requestedActors: Math.max(0, proposed.requestedActors - current.requestedActors),
    records,
    recordsTotal: CATEGORY_IDS.reduce((n, id) => n + records[id], 0),
  };
}

/**
 * What a settings change would do as of `asOf` (RETENTION.md, "Changing settings"): the actors and
 * records per category that would become due for removal. Computed with the cleanup's own
 * predicates (countDue: read-only, no locks, not blocked by a paused job or a running cleanup; the
 * tests hold it equal to what a run really does) with the proposed settings, and from the retention
 * schedule with the current ones, subtracted per category and clamped at 0. Both raw figures are returned too, for a
 * screen that shows the backlog before and after.
 *
 * The changes are validated again here (InvalidSettingsChangeError); unchanged values cost one
 * count, not two.
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

  const actorsTotal = await countActors(db);
  const longer = changes.some((c) => lengthens(c.oldValue, c.newValue));
  const steps = longer ? 2 : 1;
  const count = (settings: RetentionSettings, step: number) =>
    countDue(db, {
      asOf: params.asOf,
      settings,
      rangeActors: params.batchActors,
      onProgress: params.onProgress
        ? (done) => params.onProgress!({ step, steps, done: (step - 1) * actorsTotal + done, total: steps * actorsTotal })
        : undefined,
    });

  // The current settings' figures are the retention schedule's sums (the same as walking the
  // library with them, and kept up to date by every run); only the proposed ones walk the library.
  const current = await countDueNow(db, { asOf: params.asOf, settings: currentSettings });
  const proposed = changes.length > 0 ? await count(proposedSettings, 1) : current;
  const newlyDue = subtract(proposed, current);
  const keptLonger = longer
    ? await computeKeptLonger(db, {
        asOf: params.asOf,
        current: currentSettings,
        proposed: proposedSettings,
        onProgress: params.onProgress ? (done) => params.onProgress!({ step: 2, steps, done: actorsTotal + done, total: steps * actorsTotal }) : undefined,
      })
    : null;
  return {
    asOf: params.asOf,
    currentSettings,
    proposedSettings,
    changes,
    current,
    proposed,
    newlyDue,
    keptLonger,
    actorsTotal,
    newlyDueShare: shareOfActors(newlyDue.actors, actorsTotal),
    exceedsBreaker: exceedsBreaker(newlyDue.actors, actorsTotal, DEFAULT_BREAKER_THRESHOLDS),
    breaker: DEFAULT_BREAKER_THRESHOLDS,
    // Counted without locks: exact for the moment it was counted.
    isExact: true,
  };
}

async function countActors(db: Db): Promise<number> {
  const r = await db.$client.query<{ n: number }>('select count(*)::int as n from actors');
  return r.rows[0]?.n ?? 0;
}
