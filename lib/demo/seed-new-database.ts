import type { Db } from '../../db/client';

/**
 * Fills a database that `connect()` has just created with the demo library, so that a fresh
 * `npm start` shows something. Called once by scripts/start.ts when `isNewDatabase` is true.
 */
// TODO: generate the deterministic demo library (the same as `retention demo`); a stub until then.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function seedNewDatabase(db: Db): Promise<void> {}
