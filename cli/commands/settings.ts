import type { Db } from '../../db/client';
import { UsageError } from '../errors';

// Placeholder: `retention settings show|set` is being written (issue 4).
export function parseSettingsArgs(_argv: string[]) {
  throw new UsageError('retention settings is not available yet');
}

export async function settingsCommand(_db: Db, _args: never): Promise<number> {
  return 1;
}
