import type { SettingName } from '../retention/settings';
import type { SettingsChangeProblem } from '../validation/settings';

/** A settings change that fails validation; nothing was changed. `problems` name the settings at fault. */
export class InvalidSettingsChangeError extends Error {
  readonly code = 'INVALID_SETTINGS_CHANGE';
  constructor(readonly problems: SettingsChangeProblem[]) {
    super(`invalid settings change: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`);
  }
}

/**
 * The stored values are no longer the ones the admin saw (and confirmed the what-if of): another
 * change was saved in between. Nothing was changed; show the what-if again.
 */
export class SettingsChangedMeanwhileError extends Error {
  readonly code = 'SETTINGS_CHANGED_MEANWHILE';
  constructor(readonly settings: SettingName[]) {
    super(`${settings.join(', ')} changed since the what-if was computed; nothing was changed`);
  }
}
