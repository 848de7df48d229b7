import type { DbOrTx } from '../../db/client';
import { getSettingsWithMeta } from '../../db/queries/settings';
import { SETTING_NAMES, SETTING_UNIT, type RetentionSettings, type SettingName } from '../retention/settings';
import { buildPolicyTable, type PolicyTable } from './table';

export type PolicySetting = {
  name: SettingName;
  /** null when the row is missing; the rules then read it as 0 (disabled). */
  value: number | null;
  unit: 'months' | 'days';
  disabled: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

/** The retention policy as a dated record: the table, and the settings it was computed from. */
export type PolicyDocument = PolicyTable & {
  /** When this record was computed (ISO instant). */
  generatedAt: string;
  settingsInForce: PolicySetting[];
  /** The latest change of any setting, so a data-protection officer can date the record. */
  lastChange: { at: string; by: string } | null;
};

/** Reads the settings in force (one query) and computes the policy from them. */
export async function getPolicyDocument(db: DbOrTx, now: Date = new Date()): Promise<PolicyDocument> {
  const rows = new Map((await getSettingsWithMeta(db)).map((r) => [r.name, r]));
  const settingsInForce = SETTING_NAMES.map((name): PolicySetting => {
    const row = rows.get(name);
    return {
      name,
      value: row ? row.value : null,
      unit: SETTING_UNIT[name],
      disabled: !row || row.value === 0,
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
  const values = Object.fromEntries(settingsInForce.map((s) => [s.name, s.value ?? 0])) as RetentionSettings;
  const latest = settingsInForce
    .filter((s): s is PolicySetting & { updatedAt: string } => s.updatedAt !== null)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return {
    generatedAt: now.toISOString(),
    settingsInForce,
    lastChange: latest ? { at: latest.updatedAt, by: latest.updatedBy ?? '' } : null,
    ...buildPolicyTable(values),
  };
}
