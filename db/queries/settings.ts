import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { SETTING_NAMES, type RetentionSettings, type SettingName } from '../../lib/retention/settings';
import type { DbOrTx } from '../client';
import { settings, settingsAudit, systemOptions } from '../schema';

/** The five retention settings; a missing row reads as 0 (disabled). */
export async function getSettings(db: DbOrTx): Promise<RetentionSettings> {
  return settingsFromRows(await db.select({ name: settings.name, value: settings.value }).from(settings));
}

/** The settings from rows of the settings table: the known names only, a missing one as 0. */
export function settingsFromRows(rows: readonly { name: string; value: number }[]): RetentionSettings {
  const out = Object.fromEntries(SETTING_NAMES.map((n) => [n, 0])) as RetentionSettings;
  for (const row of rows) if ((SETTING_NAMES as readonly string[]).includes(row.name)) out[row.name as SettingName] = Number(row.value);
  return out;
}

/** The settings with when and by whom each was last changed. */
export async function getSettingsWithMeta(db: DbOrTx) {
  return db
    .select({ name: settings.name, value: settings.value, updatedAt: settings.updatedAt, updatedBy: settings.updatedBy })
    .from(settings)
    .orderBy(asc(settings.name));
}

export type SettingChange = { name: SettingName; value: number };

/**
 * Writes settings and one audit row per changed value, in the caller's transaction.
 * Unchanged values write nothing. Returns the changes made.
 */
export async function writeSettings(
  tx: DbOrTx,
  changes: SettingChange[],
  audit: { by: string; reason: string; at?: SQL },
): Promise<{ name: SettingName; oldValue: number | null; newValue: number }[]> {
  // `at`: when the change took effect, for the demo's story only (its settings were switched on the
  // day before its history begins); everything else writes now().
  const at = audit.at ?? sql`now()`;
  const done: { name: SettingName; oldValue: number | null; newValue: number }[] = [];
  for (const change of changes) {
    const [current] = await tx
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.name, change.name))
      .for('update');
    const oldValue = current?.value ?? null;
    if (oldValue === change.value) continue;
    await tx
      .insert(settings)
      .values({ name: change.name, value: change.value, updatedBy: audit.by, updatedAt: at })
      .onConflictDoUpdate({ target: settings.name, set: { value: change.value, updatedAt: at, updatedBy: audit.by } });
    await tx.insert(settingsAudit).values({ changedBy: audit.by, setting: change.name, oldValue, newValue: change.value, reason: audit.reason, changedAt: at });
    done.push({ name: change.name, oldValue, newValue: change.value });
  }
  return done;
}

/** The audit log of settings changes, newest first. */
export async function getSettingsAudit(db: DbOrTx, params: { setting?: SettingName; limit?: number } = {}) {
  const q = db
    .select({
      id: settingsAudit.id,
      changedAt: settingsAudit.changedAt,
      changedBy: settingsAudit.changedBy,
      setting: settingsAudit.setting,
      oldValue: settingsAudit.oldValue,
      newValue: settingsAudit.newValue,
      reason: settingsAudit.reason,
    })
    .from(settingsAudit)
    .orderBy(desc(settingsAudit.id))
    .limit(params.limit ?? 100);
  return params.setting ? q.where(eq(settingsAudit.setting, params.setting)) : q;
}

/** How many audit rows each setting has (settings never changed are absent). */
export async function countSettingsAudit(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ setting: settingsAudit.setting, n: sql<number>`count(*)::int` })
    .from(settingsAudit)
    .groupBy(settingsAudit.setting);
  return new Map(rows.map((r) => [r.setting, Number(r.n)]));
}

/** The system options (e.g. NOAFVLN). None of them changes the cleanup. */
export async function getSystemOptions(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ code: systemOptions.code }).from(systemOptions).orderBy(asc(systemOptions.code));
  return rows.map((r) => r.code);
}
