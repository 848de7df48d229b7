import os from 'node:os';
import type { ChangedBy } from '../lib/auth/audit';

/** How a change made on the command line appears in the audit log: "cli <os user>". */
export function cliChangedBy(): ChangedBy {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers): still say it came from the command line.
  }
  return { label: user ? `cli ${user}` : 'cli', userId: null };
}
