import 'server-only';
import { getSettingsWithMeta } from '@/db/queries/settings';
import { SETTING_NAMES, SETTING_UNIT, type SettingName } from '@/lib/retention/settings';
import { categoriesUsingSetting, SETTING_DRIVES } from '@/lib/settings/descriptions';
import { getServerDb } from '@/server/db';

export type SettingDto = {
  name: SettingName;
  value: number;
  unit: 'months' | 'days';
  disabled: boolean;
  meaning: string;
  categories: string[];
  updatedAt: string | null;
  updatedBy: string | null;
};

/** The settings with their meaning and last change (GET /api/v1/settings, the settings screen). */
export async function getSettingsDto(): Promise<{ settings: Record<SettingName, number>; details: SettingDto[] }> {
  const db = await getServerDb();
  const rows = new Map((await getSettingsWithMeta(db)).map((r) => [r.name, r]));
  const details = SETTING_NAMES.map((name): SettingDto => {
    const row = rows.get(name);
    const value = row?.value ?? 0;
    return {
      name,
      value,
      unit: SETTING_UNIT[name],
      disabled: value === 0,
      meaning: SETTING_DRIVES[name],
      categories: categoriesUsingSetting(name),
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
  return { settings: Object.fromEntries(details.map((d) => [d.name, d.value])) as Record<SettingName, number>, details };
}
