/**
 * The dashboard probe of `npm run bench`: runs the production build (`next start`) against the
 * benchmark's database and, while the cleanup works through the backlog, calls the dashboard's
 * read APIs one after another (as an ops screen and a support desk would, only much faster; every
 * other call is an actor lookup), recording each answer's latency. Reports p50/p95/max per
 * endpoint and over all of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client';
import { freePort } from '../db/embedded';
import { createApiToken } from '../lib/auth/tokens';
import { getBuildState } from './build-state';
import { nextStartArgs } from './next-start-args';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(projectDir, 'node_modules', '.bin', 'next');

export type EndpointStats = { endpoint: string; calls: number; p50: number; p95: number; max: number; failures: number };

function runToEnd(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** The value at fraction `p` of an ascending list (NaN for an empty one). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export type DashboardProbe = {
  /** Starts calling the endpoints in a loop until stop(); each start counts from nothing. */
  start(): void;
  stop(): Promise<EndpointStats[]>;
  close(): Promise<void>;
};

/**
 * Builds when the build is stale, starts `next start` on a free port with DATABASE_URL, makes an
 * admin API token in `db`, and warms every endpoint up (the first call of a route loads its code).
 * `actorIds` picks the actors whose reports are looked up.
 */
export async function startDashboardProbe(params: { db: Db; databaseUrl: string; actorId: () => number; log: (m: string) => void }): Promise<DashboardProbe> {
  const build = getBuildState(projectDir);
  if (!build.isCurrent) {
    params.log(`building the dashboard (${build.reason})`);
    const code = await runToEnd(nextBin, ['build']);
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(nextBin, nextStartArgs({ port, host: '127.0.0.1' }), {
    cwd: projectDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: params.databaseUrl, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', CLEANUP_WORKER: 'off' },
  });
  const { token } = await createApiToken(params.db, { role: 'admin', name: 'benchmark probe', by: { label: 'bench', userId: null } });
  const headers = { Authorization: `Bearer ${token}` };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  const endpoints: { name: string; url: () => string }[] = [
    { name: 'GET cleanup/status', url: () => '/api/v1/cleanup/status' },
    { name: 'GET cleanup/runs?limit=20', url: () => '/api/v1/cleanup/runs?limit=20' },
    { name: 'GET cleanup/backlog?days=14', url: () => '/api/v1/cleanup/backlog?days=14' },
    { name: 'GET settings', url: () => '/api/v1/settings' },
    { name: 'GET reports/deleted-per-day', url: () => '/api/v1/reports/deleted-per-day' },
    { name: 'GET actors/<id>/retention', url: () => `/api/v1/actors/${params.actorId()}/retention` },
    { name: 'GET /metrics', url: () => '/metrics' },
  ];
  const samples = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
  const failures = new Map<string, number>(endpoints.map((e) => [e.name, 0]));
  const call = async (e: (typeof endpoints)[number]) => {
    const t0 = performance.now();
    const response = await fetch(base + e.url(), { headers });
    await response.arrayBuffer();
    // A removed actor's report is a 404 with found: false, a right answer; elsewhere 404 is a failure.
    return { ms: performance.now() - t0, ok: response.ok || (e.name.startsWith('GET actors') && response.status === 404) };
  };
  // Every route loads its code on its first call: three rounds, not counted.
  for (let i = 0; i < 3; i++) for (const e of endpoints) await call(e).catch(() => undefined);
  const missing: string[] = [];
  for (const e of endpoints) if (!(await call(e)).ok) missing.push(e.name);
  const live = endpoints.filter((e) => !missing.includes(e.name));
  if (missing.length) params.log(`dashboard probe: leaving out ${missing.join(', ')} (not answering 200)`);

  // A support desk's lookups are most of the calls: every other call is an actor report (so its
  // p95, the figure the benchmark gives for it, rests on a few hundred calls, not a few dozen); the
  // calls between go round the other endpoints.
  const report = live.find((e) => e.name.startsWith('GET actors'));
  const others = live.filter((e) => e !== report);
  const nth = (i: number) => (report && (i % 2 === 0 || others.length === 0) ? report : others[Math.floor(i / 2) % others.length]!);
  // A long-running server is warm: its code optimized, each pooled connection's caches filled. A
  // server started a moment ago is not: its first 5-10 lookups took 50-65 ms against 20 ms after.
  // The same calls as measured, a hundred of them, not counted.
  for (let i = 0; i < 100; i++) await call(nth(i)).catch(() => undefined);

  let running = false;
  let loop: Promise<void> = Promise.resolve();
  return {
    start() {
      // Each start measures anew.
      for (const e of endpoints) {
        samples.set(e.name, []);
        failures.set(e.name, 0);
      }
      running = true;
      loop = (async () => {
        for (let i = 0; running; i++) {
          const e = nth(i);
          try {
            const r = await call(e);
            samples.get(e.name)!.push(r.ms);
            if (!r.ok) failures.set(e.name, failures.get(e.name)! + 1);
          } catch {
            failures.set(e.name, failures.get(e.name)! + 1);
          }
          // About ten calls a second: several open dashboards polling, not a load test.
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
    },
    async stop() {
      running = false;
      await loop;
      const stats: EndpointStats[] = live.map((e) => {
        const s = [...samples.get(e.name)!].sort((a, b) => a - b);
        return { endpoint: e.name, calls: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), max: s[s.length - 1] ?? NaN, failures: failures.get(e.name)! };
      });
      const all = live.flatMap((e) => samples.get(e.name)!).sort((a, b) => a - b);
      stats.push({ endpoint: 'all of them', calls: all.length, p50: percentile(all, 0.5), p95: percentile(all, 0.95), max: all[all.length - 1] ?? NaN, failures: [...failures.values()].reduce((a, b) => a + b, 0) });
      return stats;
    },
    async close() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}
