/**
 * `npm run worker`: hosts the scheduled cleanup without a web server (scaling out: web instances
 * with CLEANUP_WORKER=off, and one or more workers; the advisory lock keeps runs one at a time).
 */
import { SERVICE_POOL } from '../db/client';
import { connect } from '../db/connect';
import { startConfiguredWorker } from '../lib/cleanup/worker';

async function main() {
  // The cleanup's pool: its connections stay open between runs (SERVICE_POOL).
  const conn = await connect({ applicationName: 'retention-worker', ...SERVICE_POOL, log: (m) => console.log(`[db] ${m}`) });
  const worker = await startConfiguredWorker(conn, (m) => console.log(`[cleanup] ${m}`));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('[cleanup] stopping: the run in progress finishes its batch');
    await worker.stop().catch(() => undefined);
    await conn.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error('worker failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
