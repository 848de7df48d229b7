/**
 * `npm run bench -- [--actors N] [--seed S] [--as-of D] [--batch B] [--dir PATH] [--keep] [--skip-dashboard]`
 *
 * Starts an embedded PostgreSQL of its own (in a temporary folder, or --dir), generates a demo
 * library of N actors (default 200,000) without history, so the whole backlog is due, copies it to
 * an identical second database, and measures:
 *   - generation time;
 *   - the first cleanup of the whole backlog (runs until one processes nothing): records and
 *     actors removed per second, total run time (the sum of the runs' durations), peak memory;
 *   - the same work on the copy by the plain set-based reference (lib/cleanup/reference.ts), and
 *     the ratio of the two; both end states are compared;
 *   - the actor report's latency (p50, p95) over 1,000 random actors;
 *   - the dashboard APIs' latency while a run works (scripts/bench-dashboard.ts: the production
 *     build against a third copy of the library, whose backlog the cleanup clears while the probe
 *     calls; --skip-dashboard leaves it out), the actor report over HTTP among them. The timed
 *     backlog and the reference each run on a quiet machine: the probe's reads of the tables a run
 *     is changing slowed the run more than the reference (which the probe could only read beside),
 *     so timing them under the probe made the ratio depend on the probe;
 *   - the steady state, once the backlog is cleared: a scheduled run with nothing due, then the
 *     next day's run, and the day after's once the library is vacuumed (as autovacuum leaves it)
 *     and after a checkpoint (against what their records cost at the first backlog's price per
 *     record);
 *   - today's forecast (12 months) and the backlog as the screens read them, and the forecast for
 *     other dates and horizons;
 *   - after the cleanup, 20 selections' counts and a customers export (scripts/bench-selections.ts).
 * Prints a Markdown table (the README's "Performance" section shows one from this machine).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, SERVICE_POOL, type Db } from '../db/client';
import { applyMigrations } from '../db/connect';
import { startEmbeddedPostgres } from '../db/embedded';
import { getActorReport } from '../lib/actors/get-actor-report';
import type { RunSummary } from '../lib/cleanup/run';
import { runReferenceCleanup } from '../lib/cleanup/reference';
import { runCleanupUntilDone } from '../lib/cleanup/until-done';
import { createDemoLibrary, FIRST_GENERATED_ID } from '../lib/demo/create-demo-library';
import { createRandom } from '../lib/demo/generate-scenario';
import { isIsoDate, todayIn } from '../lib/retention/dates';
import { TYPICAL_SETTINGS } from '../lib/retention/settings';
import { percentile, startDashboardProbe, type DashboardProbe, type EndpointStats } from './bench-dashboard';
import { benchSelections } from './bench-selections';
import { benchReads, benchSteadyState } from './bench-steady';

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    batch: { type: 'string', default: '5000' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-dashboard': { type: 'boolean', default: false },
  },
});
const actors = Number(values.actors);
const seed = Number(values.seed);
const asOf = values['as-of'] ?? todayIn('Europe/Amsterdam');
const batchActors = Number(values.batch);
if (!Number.isInteger(actors) || actors < 100) throw new Error('--actors must be a whole number of at least 100');
if (!isIsoDate(asOf)) throw new Error('--as-of must be a date YYYY-MM-DD');

/** Two copies of the library, their indexes and the WAL: about 13 kB per actor, measured at 1M. */
const BYTES_PER_ACTOR = 13_000;

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function fingerprint(db: Db) {
  const tables = ['actors', 'roles', 'blocks', 'credentials', 'financial_items', 'loans', 'holds', 'marketing', 'titles_previously_borrowed'];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const r = await db.$client.query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by id), '')) as h from ${t} x`);
    out[t] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (m: string) => process.stderr.write(`${m}\n`);

async function main() {
  const parent = values.dir ? path.resolve(values.dir) : os.tmpdir();
  fs.mkdirSync(parent, { recursive: true });
  const free = fs.statfsSync(parent);
  const needed = actors * BYTES_PER_ACTOR;
  const available = free.bavail * free.bsize;
  if (available < needed) {
    throw new Error(`not enough free disk in ${parent}: ${(available / 1e9).toFixed(1)} GB free, about ${(needed / 1e9).toFixed(1)} GB needed for ${fmt(actors)} actors`);
  }
  const dataDir = fs.mkdtempSync(path.join(parent, 'retention-bench-'));
  fs.chmodSync(dataDir, 0o755);
  log(`benchmark: ${fmt(actors)} actors in ${dataDir} (${(available / 1e9).toFixed(0)} GB free)`);
  const server = await startEmbeddedPostgres({ dataDir, serverSettings: { shared_buffers: '2GB', max_wal_size: '16GB', work_mem: '64MB', maintenance_work_mem: '1GB' } });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query('create database bench_a');
    const setup = createDb(withDatabase(server.url, 'bench_a'));
    await applyMigrations(setup);
    let t0 = Date.now();
    const demo = await createDemoLibrary(setup, {
      actors,
      seed,
      today: asOf,
      replace: true,
      historyDays: 0,
      onProgress: (p) => {
        if (p.phase !== 'history' && p.done % Math.max(1, Math.floor(p.total / 10)) === 0) log(`  ${p.phase} ${p.done}/${p.total}`);
      },
    });
    const generateMs = Date.now() - t0;
    await setup.$client.query('vacuum analyze');
    const size = await setup.$client.query(`select pg_size_pretty(pg_database_size(current_database())) as size`);
    await setup.$client.end();
    log('copying the library for the reference');
    await admin.query('create database bench_b template bench_a');
    const probeDashboard = !values['skip-dashboard'];
    if (probeDashboard) {
      log('copying the library for the run under the dashboard probe');
      await admin.query('create database bench_c template bench_a');
    }

    const dbA = createDb(withDatabase(server.url, 'bench_a'));
    // The cleanups run on the worker's pool: its connections stay open between runs, as in service.
    const runsA = createDb(withDatabase(server.url, 'bench_a'), SERVICE_POOL);
    const dbB = createDb(withDatabase(server.url, 'bench_b'));

    // Actor report latency on the untouched library (before any cleanup), 1,000 random actors.
    const r = createRandom(seed + 1);
    const latencies: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = i === 0 ? 1001 : FIRST_GENERATED_ID + r.int(0, actors - 3);
      const s = performance.now();
      await getActorReport(dbA, id, asOf);
      latencies.push(performance.now() - s);
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 0.5);
    const p95 = percentile(latencies, 0.95);

    log('cleanup: working through the backlog');
    peakRss = process.memoryUsage().rss;
    t0 = Date.now();
    const runs = await runCleanupUntilDone(runsA, {
      asOf,
      trigger: 'bench',
      batchActors,
      onProgress: (p) => {
        if (p.batches % 20 === 0) log(`  ${fmt(p.actorsExamined)}/${fmt(p.actorsTotal)} actors, ${fmt(p.recordsProcessed)} records`);
      },
    });
    const wallMs = Date.now() - t0;
    const cleanupPeak = peakRss;
    const backlogRuns = runs.filter(didWork);
    const runMs = durationOf(backlogRuns);
    const confirmMs = durationOf(runs.filter((x) => !didWork(x)));
    const records = runs.reduce((s, x) => s + x.recordsProcessed, 0);
    const removed = runs.reduce((s, x) => s + x.actorsRemoved, 0);

    log('reference: one set-based transaction on the copy');
    const client = await dbB.$client.connect();
    t0 = Date.now();
    const ref = await runReferenceCleanup(client, TYPICAL_SETTINGS, asOf);
    const refMs = Date.now() - t0;
    client.release();

    // The dashboard while a run works: the same backlog on the third copy, the probe calling all along.
    let dashboard: EndpointStats[] = [];
    let probedRunMs = 0;
    if (probeDashboard) {
      log('dashboard: starting the production build against the third copy');
      const pick = createRandom(seed + 2);
      const dbC = createDb(withDatabase(server.url, 'bench_c'), SERVICE_POOL);
      const probe: DashboardProbe = await startDashboardProbe({
        db: dbC,
        databaseUrl: withDatabase(server.url, 'bench_c'),
        actorId: () => FIRST_GENERATED_ID + pick.int(0, actors - 3),
        log,
      });
      probe.start();
      log('dashboard: the same backlog cleared on the third copy while the probe calls');
      const probed = await runCleanupUntilDone(dbC, { asOf, trigger: 'bench', batchActors });
      probedRunMs = durationOf(probed.filter(didWork));
      dashboard = await probe.stop();
      await probe.close();
      await dbC.$client.end();
      await admin.query('drop database bench_c');
    }

    const same = JSON.stringify(await fingerprint(dbA)) === JSON.stringify(await fingerprint(dbB));

    log("steady state: a scheduled run with nothing due, the next day's run, the day after's");
    const steady = await benchSteadyState(runsA, { asOf, pricePerRecordMs: runMs / Math.max(1, records) });
    log('forecast and backlog reads');
    const reads = await benchReads(dbA, { today: steady.lastDay });
    const selections = await benchSelections(dbA, { instanceId: 1, asOf, log });
    const ratio = records / runMs / (ref.records / refMs);
    const rows: [string, string][] = [
      ['library', `${fmt(actors)} actors, ${fmt(demo.rows)} rows, ${size.rows[0].size} (seed ${seed}, as of ${asOf})`],
      ['generation (demo, COPY)', `${secs(generateMs)} (generate ${secs(demo.generateMs)}, load ${secs(demo.loadMs)}, retention schedule ${secs(demo.scheduleMs)})`],
      ['cleanup: first backlog', `${fmt(records)} records, ${fmt(removed)} actors removed`],
      ['cleanup: runs', `${backlogRuns.length} run(s), ${backlogRuns.reduce((s, x) => s + x.batches, 0)} batches of ${fmt(batchActors)} actors`],
      ['cleanup: run time (sum of runs)', secs(runMs)],
      ['cleanup: records per second', fmt((records / runMs) * 1000)],
      ['cleanup: actors removed per second', fmt((removed / runMs) * 1000)],
      ['cleanup: confirming run', `${secs(confirmMs)} (wall for all runs ${secs(wallMs)})`],
      ['cleanup: peak process memory', `${fmt(cleanupPeak / 1024 / 1024)} MiB`],
      ['reference: same data, one transaction', `${fmt(ref.records)} records, ${fmt(ref.actorsRemoved)} actors in ${secs(refMs)}`],
      ['reference: records per second', fmt((ref.records / refMs) * 1000)],
      ['ratio cleanup / reference', ratio.toFixed(2)],
      ['same end state as the reference', same && records === ref.records ? 'yes' : 'NO'],
      ['actor report latency (1,000 actors)', `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`],
      ...steady.rows,
      ...reads.rows,
    ];
    rows.push(...selections.rows);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const latency = (d: EndpointStats) => `p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)} (${fmt(d.calls)} calls${d.failures ? `, ${d.failures} failed` : ''})`;
    if (dashboard.length) {
      rows.push(['the same backlog under the dashboard probe (third copy)', `${secs(probedRunMs)} (${(runMs / probedRunMs).toFixed(2)} of the quiet run's speed)`]);
      for (const d of dashboard) rows.push([`dashboard during the cleanup: ${d.endpoint}`, latency(d)]);
    }
    console.log('| measure | value |\n|---|---|');
    console.log(rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n'));
    await dbA.$client.end();
    await runsA.$client.end();
    await dbB.$client.end();
    if (!same || records !== ref.records) process.exitCode = 1;
  } finally {
    await admin.end();
    clearInterval(sampler);
    if (!values.keep) {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    } else log(`kept: ${server.url} in ${dataDir}`);
  }
}

/** A run of the backlog: one that processed something (--until-done's last run only confirms that nothing is left). */
const didWork = (run: RunSummary) => run.recordsProcessed > 0 || run.actorsRemoved > 0;
const durationOf = (runs: RunSummary[]) => runs.reduce((s, x) => s + x.durationMs, 0);

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
