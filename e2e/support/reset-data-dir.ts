/**
 * Run before the web server of the end-to-end tests (playwright.config.ts, webServer.command):
 * stops an embedded PostgreSQL left running in `.data-e2e` and removes the folder, so every run
 * starts from a new database. Playwright starts its webServer before globalSetup, which is why
 * this is not a globalSetup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stopEmbeddedPostgres } from '../../db/embedded';
import { E2E_DATA_DIR, PROJECT_DIR } from './paths';

/** Stops the e2e cluster if it runs; returns the cluster folder when it lives outside the data folder. */
async function stopE2eDatabase(): Promise<string | undefined> {
  let clusterDir: string | undefined;
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, 'server.json'), 'utf8')) as { clusterDir?: string };
    clusterDir = meta.clusterDir;
  } catch {
    /* no cluster yet */
  }
  await stopEmbeddedPostgres(E2E_DATA_DIR);
  // The embedded server may have put its cluster elsewhere when it could not reach the folder.
  return clusterDir && !path.resolve(clusterDir).startsWith(E2E_DATA_DIR + path.sep) ? clusterDir : undefined;
}

async function main() {
  // Guard against a wrong path ever reaching rmSync: only this one folder inside the project.
  if (path.dirname(E2E_DATA_DIR) !== PROJECT_DIR || path.basename(E2E_DATA_DIR) !== '.data-e2e') {
    throw new Error(`refusing to remove ${E2E_DATA_DIR}`);
  }
  const outsideCluster = await stopE2eDatabase();
  if (outsideCluster && outsideCluster.startsWith('/var/lib/retention-dashboard/')) {
    fs.rmSync(outsideCluster, { recursive: true, force: true });
  }
  fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  console.log(`[e2e] fresh data folder: ${path.relative(PROJECT_DIR, E2E_DATA_DIR)}`);
}

main().catch((e: unknown) => {
  console.error('[e2e] could not reset the data folder:', e);
  process.exit(1);
});
