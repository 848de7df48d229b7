import 'server-only';
import { countSettingsAudit, getSettingsAudit } from '@/db/queries/settings';
import { hasPermission } from '@/lib/auth/permissions';
import { SETTING_NAMES } from '@/lib/retention/settings';
import { categoriesUsingSetting } from '@/lib/settings/descriptions';
import type { CategoryId } from '@/lib/retention/categories';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';
import { getSettingsOverview, type SettingOverview } from '@/server/data/overview';

/** One audit row of a setting: when, who, old and new value, why. */
export type SettingHistoryEntry = { id: number; changedAt: string; changedBy: string; oldValue: number | null; newValue: number; reason: string };

export type SettingScreenEntry = SettingOverview & {
  categories: CategoryId[];
  /** The newest changes first, at most HISTORY_LIMIT. */
  history: SettingHistoryEntry[];
  /** All changes of the setting (history may show fewer). */
  historyTotal: number;
};

export type SettingsScreen = { settings: SettingScreenEntry[]; timeZone: string; canChange: boolean };

/** The changes of each setting shown on the screen; older ones stay in the audit log (admin) and the database. */
export const HISTORY_LIMIT = 50;

/**
 * The settings screen: the overview's settings summary (values, units, last change; shared with
 * the home page) with the categories each one drives and its history from the audit log.
 */
export async function getSettingsScreen(): Promise<SettingsScreen> {
  const caller = await requirePermission('settings.read');
  const db = await getServerDb();
  const [overview, histories, totals] = await Promise.all([
    getSettingsOverview(),
    Promise.all(SETTING_NAMES.map((setting) => getSettingsAudit(db, { setting, limit: HISTORY_LIMIT }))),
    countSettingsAudit(db),
  ]);
  const settings = overview.settings.map((s, i): SettingScreenEntry => ({
    ...s,
    categories: categoriesUsingSetting(s.name),
    history: histories[i]!.map((h) => ({
      id: Number(h.id),
      changedAt: new Date(h.changedAt).toISOString(),
      changedBy: h.changedBy,
      oldValue: h.oldValue,
      newValue: h.newValue,
      reason: h.reason,
    })),
    historyTotal: totals.get(s.name) ?? 0,
  }));
  return { settings, timeZone: overview.timeZone, canChange: hasPermission(caller.role, 'settings.change') };
}

