/**
 * `npm run bench -- [--actors N] [--seed S] [--as-of D] [--keep]`: the cleanup's throughput next to
 * the plain set-based reference (lib/cleanup/reference.ts) on identical copies of a generated
 * library, on an embedded PostgreSQL of its own in a temporary folder. Prints a table; both end
 * states are compared so the figures are for the same work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, type Db } from '../db/client';
import { applyMigrations } from '../db/connect';
import { startEmbeddedPostgres } from '../db/embedded';
import { runReferenceCleanup } from '../lib/cleanup/reference';
import { runCleanupUntilDone } from '../lib/cleanup/until-done';
import { generateScenario } from '../lib/demo/generate-scenario';
import { todayIn } from '../lib/retention/dates';
import { TYPICAL_SETTINGS } from '../lib/retention/settings';
import { loadScenario } from '../lib/scenario/load';

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    batch: { type: 'string', default: '5000' },
    keep: { type: 'boolean', default: false },
  },
});
const actors = Number(values.actors);
const seed = Number(values.seed);
const asOf = values['as-of'] ?? todayIn('Europe/Amsterdam');
const batchActors = Number(values.batch);

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function tableFingerprint(db: Db) {
  const tables = ['actors', 'roles', 'blocks', 'credentials', 'financial_items', 'loans', 'holds', 'marketing', 'titles_previously_borrowed'];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const r = await db.$client.query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by id), '')) as h from ${t} x`);
    out[t] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, serverSettings: { shared_buffers: '1GB', max_wal_size: '8GB', work_mem: '64MB' } });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query('create database bench_a');
    const a = createDb(withDatabase(server.url, 'bench_a'));
    await applyMigrations(a);

    let t0 = Date.now();
    const scenario = generateScenario({ actors, seed, today: asOf, settings: TYPICAL_SETTINGS });
    const generateMs = Date.now() - t0;
    t0 = Date.now();
    await loadScenario(a, scenario, { replace: true, by: 'bench', reason: 'benchmark' });
    const loadMs = Date.now() - t0;
    await a.$client.query('vacuum analyze');
    const size = await a.$client.query(`select
      (select sum(n_live_tup)::bigint from pg_stat_user_tables) as rows,
      pg_size_pretty(pg_database_size(current_database())) as size`);
    await a.$client.end();

    await admin.query('create database bench_b template bench_a');
    const dbA = createDb(withDatabase(server.url, 'bench_a'));
    const dbB = createDb(withDatabase(server.url, 'bench_b'));
    await dbB.$client.query('vacuum analyze');

    peakRss = process.memoryUsage().rss;
    t0 = Date.now();
    const runs = await runCleanupUntilDone(dbA, { asOf, trigger: 'bench', batchActors });
    const cleanupMs = Date.now() - t0;
    const cleanupPeakRss = peakRss;
    // The backlog is the runs that processed something; the last run of --until-done only confirms
    // that nothing is left, and is shown on its own line.
    const backlogRuns = runs.filter((r) => r.recordsProcessed > 0 || r.actorsRemoved > 0);
    const confirmMs = runs.filter((r) => !backlogRuns.includes(r)).reduce((s, r) => s + r.durationMs, 0);
    const runMs = backlogRuns.reduce((s, r) => s + r.durationMs, 0);
    const records = runs.reduce((s, r) => s + r.recordsProcessed, 0);
    const removed = runs.reduce((s, r) => s + r.actorsRemoved, 0);

    const client = await dbB.$client.connect();
    t0 = Date.now();
    const ref = await runReferenceCleanup(client, TYPICAL_SETTINGS, asOf);
    const refMs = Date.now() - t0;
    client.release();

    const [fa, fb] = await Promise.all([tableFingerprint(dbA), tableFingerprint(dbB)]);
    const same = JSON.stringify(fa) === JSON.stringify(fb);
    const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
    const rows: [string, string][] = [
      ['actors generated', `${actors.toLocaleString('en-US')} (seed ${seed}, as of ${asOf})`],
      ['library rows / size', `${Number(size.rows[0].rows).toLocaleString('en-US')} rows, ${size.rows[0].size}`],
      ['generate + load', `${(generateMs / 1000).toFixed(1)} s + ${(loadMs / 1000).toFixed(1)} s`],
      ['cleanup: runs, batches', `${backlogRuns.length} run(s), ${backlogRuns.reduce((s, r) => s + r.batches, 0)} batches of ${batchActors} actors`],
      ['cleanup: records processed', `${records.toLocaleString('en-US')} records, ${removed.toLocaleString('en-US')} actors removed`],
      ['cleanup: run time (sum of runs)', `${(runMs / 1000).toFixed(2)} s`],
      ['cleanup: confirming run (nothing left)', `${(confirmMs / 1000).toFixed(2)} s (all runs, wall: ${(cleanupMs / 1000).toFixed(2)} s)`],
      ['cleanup: records per second', perSec(records, runMs)],
      ['cleanup: actors removed per second', perSec(removed, runMs)],
      ['cleanup: peak process memory', `${Math.round(cleanupPeakRss / 1024 / 1024)} MiB (includes the generated library held in memory)`],
      ['reference (one transaction)', `${ref.records.toLocaleString('en-US')} records, ${ref.actorsRemoved.toLocaleString('en-US')} actors in ${(refMs / 1000).toFixed(2)} s`],
      ['reference: records per second', perSec(ref.records, refMs)],
      ['ratio cleanup / reference', ((records / runMs) / (ref.records / refMs)).toFixed(2)],
      ['same end state', same ? 'yes' : `NO: ${JSON.stringify({ cleanup: fa, reference: fb })}`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
    await dbA.$client.end();
    await dbB.$client.end();
    if (!same || records !== ref.records) process.exitCode = 1;
  } finally {
    await admin.end();
    clearInterval(sampler);
    if (!values.keep) {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    } else console.log(`kept: ${server.url} in ${dataDir}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
