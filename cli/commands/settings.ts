import type { Db } from '../../db/client';
import { UsageError } from '../errors';

// Placeholder: `retention settings show|set` is being written (issue 4).
export function parseSettingsArgs(argv: string[]): { argv: string[] } {
  if (argv.length >= 0) throw new UsageError('retention settings is not available yet');
  return { argv };
}

export async function settingsCommand(_db: Db, _args: { argv: string[] }): Promise<number> {
  return 1;
}
