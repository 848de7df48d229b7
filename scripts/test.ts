/**
 * `npm test`: the static checks (tsc, eslint), the unit and database tests (vitest), then the
 * end-to-end tests (Playwright), always all of them. Ends with one line `N passed, N failed` (`, N skipped` when some were skipped) summed from
 * both runners' JSON reports, because CI reads that line. Exits non-zero when a test failed, a
 * runner crashed, or a report is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(projectDir, 'node_modules', '.bin', name);
const reportsDir = path.join(projectDir, '.test-reports');
const VITEST_REPORT = path.join(reportsDir, 'vitest.json');
const E2E_REPORT = path.join(reportsDir, 'e2e.json');

type Tally = { passed: number; failed: number; skipped: number; problems: string[] };

let child: ChildProcess | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    if (child && child.exitCode === null) child.kill(signal);
  });
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    console.log(`\n$ ${path.basename(command)} ${args.join(' ')}`);
    child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`could not run ${command}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      child = undefined;
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Vitest's JSON report (Jest's format). A test file that fails to load counts as one failure. */
function tallyVitest(exitCode: number): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, problems: [] };
  const report = readJson(VITEST_REPORT) as
    | {
        numPassedTests?: number;
        numFailedTests?: number;
        numPendingTests?: number;
        numTodoTests?: number;
        testResults?: { status?: string; message?: string; name?: string; assertionResults?: { status?: string }[] }[];
      }
    | undefined;
  if (!report) {
    t.failed = 1;
    t.problems.push(`vitest wrote no report (${path.relative(projectDir, VITEST_REPORT)}); exit code ${exitCode}`);
    return t;
  }
  t.passed = num(report.numPassedTests);
  t.failed = num(report.numFailedTests);
  t.skipped = num(report.numPendingTests) + num(report.numTodoTests);
  for (const file of report.testResults ?? []) {
    const hasFailedTest = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !hasFailedTest) {
      t.failed += 1;
      t.problems.push(`vitest: ${path.relative(projectDir, file.name ?? '?')} failed to run`);
    }
  }
  if (exitCode !== 0 && t.failed === 0) {
    t.failed = 1;
    t.problems.push(`vitest exited with code ${exitCode} without a failed test (no test files, or a crash)`);
  }
  return t;
}

/** Playwright's JSON report: expected = passed, unexpected = failed, flaky = passed on retry. */
function tallyPlaywright(exitCode: number): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, problems: [] };
  const report = readJson(E2E_REPORT) as
    | { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }; errors?: { message?: string }[] }
    | undefined;
  if (!report) {
    t.failed = 1;
    t.problems.push(`playwright wrote no report (${path.relative(projectDir, E2E_REPORT)}); exit code ${exitCode}`);
    return t;
  }
  t.passed = num(report.stats?.expected) + num(report.stats?.flaky);
  t.failed = num(report.stats?.unexpected);
  t.skipped = num(report.stats?.skipped);
  const errors = report.errors ?? [];
  if (errors.length > 0) {
    // Errors outside tests: the web server did not start, global setup or teardown failed, …
    t.failed += errors.length;
    for (const e of errors) t.problems.push(`playwright: ${(e.message ?? 'error').split('\n')[0]}`);
  }
  if (exitCode !== 0 && t.failed === 0) {
    t.failed = 1;
    t.problems.push(`playwright exited with code ${exitCode} without a failed test`);
  }
  return t;
}

async function main(): Promise<number> {
  fs.mkdirSync(reportsDir, { recursive: true });
  // A stale report must never stand in for a run that wrote none.
  fs.rmSync(VITEST_REPORT, { force: true });
  fs.rmSync(E2E_REPORT, { force: true });

  // Static checks count as one test each: the types (tsc) and the lint rules (eslint, which
  // among others refuses a drizzle delete or update without a where).
  const checks: Tally = { passed: 0, failed: 0, skipped: 0, problems: [] };
  for (const [name, command, args] of [
    ['typecheck', bin('tsc'), ['--noEmit']],
    ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ] as const) {
    const code = await run(command, [...args]);
    if (code === 0) checks.passed += 1;
    else {
      checks.failed += 1;
      checks.problems.push(`${name} failed (exit ${code})`);
    }
  }

  const vitestCode = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.relative(projectDir, VITEST_REPORT)}`,
  ]);
  const vitest = tallyVitest(vitestCode);

  let playwright: Tally;
  if (interrupted) {
    playwright = { passed: 0, failed: 0, skipped: 0, problems: ['interrupted before the end-to-end tests'] };
  } else {
    const playwrightCode = await run(bin('playwright'), ['test']);
    playwright = tallyPlaywright(playwrightCode);
  }

  const passed = checks.passed + vitest.passed + playwright.passed;
  const failed = checks.failed + vitest.failed + playwright.failed;
  const skipped = vitest.skipped + playwright.skipped;
  const problems = [...checks.problems, ...vitest.problems, ...playwright.problems];

  console.log('');
  console.log(`static checks (tsc, eslint):      ${checks.passed} passed, ${checks.failed} failed`);
  console.log(`unit and database tests (vitest): ${vitest.passed} passed, ${vitest.failed} failed, ${vitest.skipped} skipped`);
  console.log(`end-to-end tests (playwright):    ${playwright.passed} passed, ${playwright.failed} failed, ${playwright.skipped} skipped`);
  for (const p of problems) console.log(`  ! ${p}`);
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed > 0 || problems.length > 0 || interrupted ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('npm test failed:', e instanceof Error ? e.message : e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
