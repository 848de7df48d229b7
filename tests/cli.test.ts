import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CLEANUP_LOCK_KEY } from '@/lib/cleanup/run';
import { runCli, SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('cli');
const cli = (args: string[], env?: Record<string, string>) => runCli(args, { databaseUrl: t.url, env });
const seed = path.join(SCENARIO_DIR, 'seed-example.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-cli-'));
const file = (name: string, content: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('retention load', () => {
  it('loads a scenario and refuses a second load without --replace (exit 2)', async () => {
    const first = await cli(['load', seed, '--replace']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Loaded 2 actors/);
    const second = await cli(['load', seed]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/--replace/);
  });

  it.each([
    ['an empty file', ''],
    ['a truncated file', '{"actors": [{"actorId": 1'],
    ['a file that is not JSON', 'hello'],
    ['a bad date', JSON.stringify({ instances: [], actors: [{ actorId: 5, registeredOn: '2026-02-30' }] })],
  ])('rejects %s with exit 2, naming the path, and writes nothing', async (_name, content) => {
    const result = await cli(['load', file('bad.json', content), '--replace']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing was loaded/);
    const report = await cli(['actor', '1001', '--as-of', '2024-01-01', '--json']);
    expect(jsonLines(report.stdout)[0]).toMatchObject({ actorId: 1001, found: true });
  });

  it('names the JSON path of a bad field', async () => {
    const result = await cli(['load', file('path.json', JSON.stringify({ instances: [], actors: [{ actorId: 5, registeredOn: '2026-13-01' }] })), '--replace']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('actors[0].registeredOn');
  });

  it('rejects a missing file with exit 2', async () => {
    expect((await cli(['load', path.join(tmp, 'missing.json')])).code).toBe(2);
  });
});

describe('retention actor', () => {
  it('prints one JSON report per id, JSON Lines, found false for unknown ids with exit 0', async () => {
    await cli(['load', seed, '--replace']);
    const result = await cli(['actor', '1001', '424242', '1002', '--as-of', '2024-01-01', '--json']);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.map((l) => [l.actorId, l.found])).toEqual([
      [1001, true],
      [424242, false],
      [1002, true],
    ]);
    expect(lines[1]).toEqual({ actorId: 424242, asOf: '2024-01-01', found: false });
    expect(lines[0]!.removal.date).toBe('2029-08-10');
  });

  it.each([
    [['actor', 'abc', '--json']],
    [['actor', '-5', '--json']],
    [['actor', '1.5', '--json']],
    [['actor', '--json']],
    [['actor', '1001', '--as-of', '2026-02-30', '--json']],
    [['actor', '1001', '--as-of', 'yesterday', '--json']],
    [['actor', '1001', '--bogus']],
  ])('rejects %j with exit 2', async (args) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.length).toBeGreaterThan(0);
  });
});

describe('retention cleanup', () => {
  it('prints nothing but one JSON summary per run with --json --until-done', async () => {
    await cli(['load', seed, '--replace']);
    const result = await cli(['cleanup', '--as-of', '2024-11-15', '--until-done', '--json']);
    expect(result.code).toBe(0);
    const runs = jsonLines(result.stdout);
    expect(runs.length).toBe(2);
    expect(runs[0]).toMatchObject({ asOf: '2024-11-15', dryRun: false, actorsRemoved: 0, errors: 0, skipped: { RECENT_FINANCIAL_ARCHIVE: 1 } });
    expect(runs[0]!.records.loan_history).toEqual({ deleted: 0, anonymized: 6 });
    expect(runs[1]!.records).toEqual({});
    for (const run of runs) expect(Object.keys(run).slice(0, 8)).toEqual(['runId', 'asOf', 'dryRun', 'actorsRemoved', 'records', 'skipped', 'errors', 'status']);
  });

  it('a dry run reports and changes nothing', async () => {
    await cli(['load', seed, '--replace']);
    const dry = jsonLines((await cli(['cleanup', '--as-of', '2029-08-10', '--dry-run', '--json'])).stdout)[0]!;
    expect(dry).toMatchObject({ dryRun: true, actorsRemoved: 1 });
    const still = jsonLines((await cli(['actor', '1001', '--as-of', '2029-08-10', '--json'])).stdout)[0]!;
    expect(still.found).toBe(true);
    const real = jsonLines((await cli(['cleanup', '--as-of', '2029-08-10', '--json'])).stdout)[0]!;
    expect(real.records).toEqual(dry.records);
    expect(real.actorsRemoved).toBe(1);
  });

  it('exits 3 when the job is paused, but a dry run still runs', async () => {
    await t.db.$client.query('update cleanup_state set paused = true');
    try {
      const paused = await cli(['cleanup', '--as-of', '2024-11-15']);
      expect(paused.code).toBe(3);
      expect(paused.stderr).toMatch(/paused/);
      expect((await cli(['cleanup', '--as-of', '2024-11-15', '--dry-run', '--json'])).code).toBe(0);
    } finally {
      await t.db.$client.query('update cleanup_state set paused = false');
    }
  });

  it('exits 3 when another run is active', async () => {
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1)', [CLEANUP_LOCK_KEY]);
    try {
      const busy = await cli(['cleanup', '--as-of', '2024-11-15', '--json']);
      expect(busy.code).toBe(3);
      expect(busy.stdout).toBe('');
      expect(busy.stderr).toMatch(/another cleanup run is active/);
    } finally {
      await holder.end();
    }
  });

  it.each([[['cleanup', '--as-of', '2024-02-30']], [['cleanup', 'now']], [['cleanup', '--until-done=yes']]])('rejects %j with exit 2', async (args) => {
    expect((await cli(args)).code).toBe(2);
  });
});

describe('retention report deleted-per-day', () => {
  it('gives the per-day counts as JSON and CSV', async () => {
    await cli(['load', seed, '--replace']);
    await cli(['cleanup', '--as-of', '2024-11-15', '--json']);
    const json = await cli(['report', 'deleted-per-day', '--from', '2024-11-01', '--to', '2024-11-30']);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { date: string; category: string }[];
    expect(rows).toContainEqual({ date: '2024-11-15', category: 'loan_history', deleted: 0, anonymized: 6 });
    expect(rows.map((r) => r.category)).toEqual([...rows.map((r) => r.category)].sort());
    const csv = await cli(['report', 'deleted-per-day', '--from', '2024-11-01', '--to', '2024-11-30', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('date,category,deleted,anonymized');
    expect(csv.stdout).toContain('2024-11-15,loan_history,0,6');
  });

  it.each([
    [['report', 'deleted-per-day', '--from', '2024-12-01', '--to', '2024-11-01']],
    [['report', 'deleted-per-day', '--format', 'xml']],
    [['report', 'deleted-per-week']],
    [['report', 'deleted-per-day', '--from', '2024-02-30']],
  ])('rejects %j with exit 2', async (args) => {
    expect((await cli(args)).code).toBe(2);
  });
});

describe('dates outside the years 1900 to 2200, ids beyond their columns and NUL characters', () => {
  it.each<[string[], string]>([
    [['cleanup', '--as-of', '1899-12-31', '--json'], '--as-of'],
    [['cleanup', '--as-of', '2201-01-01', '--dry-run'], '--as-of'],
    [['actor', '1001', '--as-of', '2201-01-01', '--json'], '--as-of'],
    [['actor', '1001', '--as-of', '0001-01-01', '--json'], '--as-of'],
    [['report', 'deleted-per-day', '--from', '0001-01-01'], '--from'],
    [['report', 'deleted-per-day', '--to', '9999-12-31'], '--to'],
    [['settings', 'set', 'historyMonths=24', '--reason', 'r', '--yes', '--as-of', '1899-12-31'], '--as-of'],
  ])('%j exits 2 naming %s', async (args, flag) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${flag} must be a real calendar date written YYYY-MM-DD, of the years 1900 to 2200`);
  });

  it('accepts 1900-01-01 and 2200-12-31 as --as-of, --from and --to', async () => {
    await cli(['load', seed, '--replace']);
    const report = await cli(['actor', '1001', '--as-of', '2200-12-31', '--json']);
    expect(report.code).toBe(0);
    expect(jsonLines(report.stdout)[0]).toMatchObject({ actorId: 1001, asOf: '2200-12-31' });
    const range = await cli(['report', 'deleted-per-day', '--from', '1900-01-01', '--to', '2200-12-31']);
    expect(range.code).toBe(0);
    expect(JSON.parse(range.stdout)).toEqual([]);
  });

  it('load refuses an instance id above 2,147,483,647 with exit 2, naming the paths, and writes nothing', async () => {
    await cli(['load', seed, '--replace']);
    const scenario = JSON.parse(fs.readFileSync(seed, 'utf8')) as Record<string, any>;
    scenario.instances[0].id = 2147483648;
    for (const actor of scenario.actors) for (const role of actor.roles) role.instanceId = 2147483648;
    scenario.actors[0].personal.name = 'Jan\u0000de Vries';
    scenario.actors[1].registeredOn = '1899-12-31';
    const result = await cli(['load', file('big-instance.json', JSON.stringify(scenario)), '--replace']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing was loaded/);
    for (const path of ['instances[0].id', 'actors[0].roles[0].instanceId', 'actors[0].personal.name', 'actors[1].registeredOn']) expect(result.stderr).toContain(path);
    const instances = await t.db.$client.query('select id from instances');
    expect(instances.rows).toEqual([{ id: 1 }]);
  });

  // An operating system's argv cannot hold a NUL character, so these parse the arguments in process.
  it('a NUL character in --reason, --name or --email exits 2 naming the option, before any database work', async () => {
    const { parseSettingsArgs } = await import('@/cli/commands/settings');
    const { parseUserArgs } = await import('@/cli/commands/user');
    const { parseTokenArgs } = await import('@/cli/commands/token');
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as { exitCode?: number; message: string };
      }
      throw new Error('accepted');
    };
    const reason = refusal(() => parseSettingsArgs(['set', 'historyMonths=24', '--reason', 'because\u0000', '--yes']));
    expect(reason.exitCode).toBe(2);
    expect(reason.message).toMatch(/--reason must not contain NUL characters/);
    const name = refusal(() => parseUserArgs(['add', '--email', 'a@library.example', '--role', 'ops', '--name', 'A\u0000B']));
    expect(name.exitCode).toBe(2);
    expect(name.message).toMatch(/name must not contain NUL characters/);
    const email = refusal(() => parseUserArgs(['add', '--email', 'a\u0000@library.example', '--role', 'ops']));
    expect(email.exitCode).toBe(2);
    expect(email.message).toMatch(/email/);
    const token = refusal(() => parseTokenArgs(['add', '--role', 'ops', '--name', 'bot\u0000']));
    expect(token.exitCode).toBe(2);
    expect(token.message).toMatch(/name must not contain NUL characters/);
  });
});

describe('the command line as a whole', () => {
  it('exits 2 on an unknown command', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command/);
  });

  it('exits 1 when the database cannot be reached', async () => {
    const result = await cli(['actor', '1', '--json'], { DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});
