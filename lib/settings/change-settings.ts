import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { writeSettings } from '../../db/queries/settings';
import { SETTING_NAMES, type RetentionSettings, type SettingName } from '../retention/settings';
import { settingsChangeProblems, settingsChangeSchema } from '../validation/settings';
import { InvalidSettingsChangeError, SettingsChangedMeanwhileError } from './errors';

export type ChangeSettingsParams = z.input<typeof settingsChangeSchema> & {
  /** Who changes it: a user's email, or "cli <os user>". Kept in the audit log. */
  by: string;
  /**
   * The values the admin saw when they confirmed the what-if (its `currentSettings`). When a
   * stored value differs, another change came in between: nothing is saved
   * (SettingsChangedMeanwhileError), because the confirmed what-if no longer holds.
   */
  expected?: Partial<RetentionSettings>;
  /**
   * The removals the confirmed what-if said the change makes due: the actors newly due (due with
   * the new settings minus due with the current ones, never below 0; the what-if's
   * `newlyDue.actors`). Saving the change approves exactly these for the circuit breaker
   * (RETENTION.md, "The cleanup job"), never the backlog that was already due with the current
   * settings: a backlog beyond the breaker's thresholds still trips it and needs an acknowledgement.
   */
  approvedRemovals?: number;
  /**
   * The actors due with the current settings when the what-if was counted (its `current.actors`).
   * An earlier approval (an acknowledgement the job has not worked through yet) is kept beside the
   * new one, but only as far as it still covers actors due before the change. Not given: kept whole.
   */
  dueBefore?: number;
};

export type AppliedSettingChange = { name: SettingName; oldValue: number; newValue: number };

export type ChangeSettingsResult = {
  /** The settings whose value changed, each with one audit row. */
  changed: AppliedSettingChange[];
  /** Settings given with their current value: nothing written for them. */
  unchanged: SettingName[];
  /** All five settings after the change. */
  settings: RetentionSettings;
};

const BY_MAX_LENGTH = 320;

/** A count of actors as the database stores it: a whole number, never below 0 (NaN: 0). */
const wholeCount = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0);

/**
 * Saves a settings change (RETENTION.md, "Changing settings") in one transaction: validates it
 * again (InvalidSettingsChangeError; nothing written), locks the settings, checks the values are
 * still the ones the admin confirmed (`expected`), then writes the new values and one audit row
 * per changed setting (old value, new value, reason, who; when is the row's time). Values equal
 * to the stored ones write nothing.
 */
export async function changeSettings(db: Db, params: ChangeSettingsParams): Promise<ChangeSettingsResult> {
  const input = { changes: params.changes, reason: params.reason };
  const parsed = settingsChangeSchema.safeParse(input);
  const problems = parsed.success ? [] : settingsChangeProblems(parsed.error, input);
  const by = typeof params.by === 'string' ? params.by.trim() : '';
  if (by.length === 0 || by.length > BY_MAX_LENGTH || by.includes('\u0000'))
    problems.push({ path: 'by', setting: null, message: `by must name who makes the change (1 to ${BY_MAX_LENGTH} characters)` });
  if (!parsed.success || problems.length > 0) throw new InvalidSettingsChangeError(problems);
  const { changes, reason } = parsed.data;

  return db.transaction(async (tx) => {
    // Serialise every settings writer (another change, a scenario load) for this transaction:
    // a row lock alone cannot cover a setting whose row does not exist yet. Readers are not blocked.
    await tx.execute(sql`lock table settings in share row exclusive mode`);
    const rows = await tx.execute<{ name: string; value: number }>(sql`select name, value from settings order by name for update`);
    const before = Object.fromEntries(SETTING_NAMES.map((n) => [n, 0])) as RetentionSettings;
    for (const row of rows.rows) if ((SETTING_NAMES as readonly string[]).includes(row.name)) before[row.name as SettingName] = Number(row.value);

    if (params.expected) {
      const moved = SETTING_NAMES.filter((n) => params.expected![n] !== undefined && params.expected![n] !== before[n]);
      if (moved.length > 0) throw new SettingsChangedMeanwhileError(moved);
    }

    // A missing row reads as 0 (getSettings); compare with that, so "set to 0" of a missing row is
    // no change and writes no audit row.
    const effective = changes.filter((c) => c.value !== before[c.name]);
    const unchanged = changes.filter((c) => c.value === before[c.name]).map((c) => c.name);

    const written = effective.length > 0 ? await writeSettings(tx, effective, { by, reason }) : [];
    // A change whose what-if the admin confirmed counts as the approval of the removals it makes
    // due (RETENTION.md, "The cleanup job"): recorded in this transaction, next to the audit rows.
    // It approves what the change newly makes due on top of what an earlier approval still covers,
    // so the removals already due and not approved before stay unapproved.
    if (written.length > 0 && params.approvedRemovals !== undefined) {
      const newlyDue = wholeCount(params.approvedRemovals);
      const kept = params.dueBefore === undefined ? sql`approved_actors_left` : sql`least(approved_actors_left, ${wholeCount(params.dueBefore)})`;
      await tx.execute(sql`update cleanup_state set approved_actors_left = ${kept} + ${newlyDue},
        approved_at = now(), approved_by = ${by} where id = 1`);
    }

    const after: RetentionSettings = { ...before };
    for (const w of written) after[w.name] = w.newValue;
    return {
      changed: written.map((w) => ({ name: w.name, oldValue: w.oldValue ?? 0, newValue: w.newValue })),
      unchanged,
      settings: after,
    };
  });
}
