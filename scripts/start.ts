/**
 * `npm start`: builds when there is no build (or a source changed since it was made), prepares the
 * database (starts the embedded PostgreSQL when DATABASE_URL is unset, applies migrations, seeds a
 * new database with demo data), then runs the web server (scripts/serve.ts: Next behind a server
 * that replaces a client's X-Forwarded-For, see TRUSTED_PROXIES) on HOST:PORT (127.0.0.1 unless
 * set, as the demo logins have a known password). The database is prepared here, before the web
 * server, so that the first page view does not wait for initdb and migrations.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_POOL } from '../db/client';
import { connect } from '../db/connect';
import { getEnv, getPublicOrigin } from '../lib/env';
import { parseTrustedProxies } from '../lib/http/client-address';
import { startConfiguredWorker } from '../lib/cleanup/worker';
import { seedNewDatabase } from '../lib/demo/seed-new-database';
import { getBuildState } from './build-state';
import { isLoopbackHost, listenUrl } from './next-start-args';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(projectDir, 'node_modules', '.bin', 'next');
const tsxBin = path.join(projectDir, 'node_modules', '.bin', 'tsx');

let child: ChildProcess | undefined;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** Runs a command with inherited stdio; resolves with its exit code (signals map to 128 + n). */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = undefined;
      if (code !== null) resolve(code);
      else resolve(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1);
    });
  });
}

async function main(): Promise<number> {
  const env = getEnv();
  // A bad TRUSTED_PROXIES is named now, not after the build.
  parseTrustedProxies(env.TRUSTED_PROXIES);

  const build = getBuildState(projectDir);
  if (!build.isCurrent) {
    console.log(`Building first (${build.reason}): \`next build\` takes about a minute.`);
    const code = await run(nextBin, ['build']);
    if (code !== 0) {
      console.error(`next build failed (exit ${code}).`);
      return code;
    }
    if (stopping) return 130;
  }

  // The cleanup's pool: its connections stay open between runs (SERVICE_POOL).
  const conn = await connect({ applicationName: 'retention-start', ...SERVICE_POOL, log: (m) => console.log(`[db] ${m}`) });
  let worker: { stop: () => Promise<void> } | undefined;
  try {
    console.log(conn.embedded ? `[db] embedded PostgreSQL ready, migrations applied` : '[db] DATABASE_URL ready, migrations applied');
    if (conn.isNewDatabase) {
      console.log('[db] new database: loading demo data');
      await seedNewDatabase(conn.db, { timeZone: env.RETENTION_TIME_ZONE, log: (m) => console.log(`[db] ${m}`) });
    }
    if (stopping) return 130;
    // The scheduled cleanup runs in this process beside the web server, unless CLEANUP_WORKER=off
    // (a web-only instance; `npm run worker` hosts it elsewhere).
    if (env.CLEANUP_WORKER === 'on') worker = await startConfiguredWorker(conn, (m) => console.log(`[cleanup] ${m}`));
    else console.log('[cleanup] CLEANUP_WORKER=off: this instance serves pages only');

    const listen = { port: env.PORT, host: env.HOST };
    console.log(`Starting the dashboard: listening on ${listenUrl(listen)}, open ${getPublicOrigin()}`);
    if (isLoopbackHost(env.HOST)) console.log('Only this machine can reach it (HOST=0.0.0.0 serves on every interface; set AUTH_URL to the address users open).');
    return await run(tsxBin, [path.join(projectDir, 'scripts', 'serve.ts')]);
  } finally {
    await worker?.stop().catch(() => undefined);
    await conn.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('npm start failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
