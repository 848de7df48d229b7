import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { expectNoSeriousViolations, pageFitsViewport } from './support/axe';
import { E2E_DATA_DIR } from './support/paths';
import { authFile } from './support/roles';
import { patchStatusRoute, refocus } from './support/status-route';

/** The e2e server's own database (to age a confirmation, or to record a run as the job would). */
async function e2eDb(): Promise<pg.Client> {
  const meta = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, 'server.json'), 'utf8')) as { port: number; password: string };
  const client = new pg.Client({ host: '127.0.0.1', port: meta.port, user: 'postgres', password: meta.password, database: 'retention' });
  await client.connect();
  return client;
}

/**
 * Answers GET cleanup/status with the server's answer changed by `patch` (a state the demo does
 * not reach on its own: a run working, a backlog by category), and makes the screen fetch it.
 */
async function patchStatus(page: Page, patch: (status: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  await patchStatusRoute(page, patch);
  // The server's own answer is fresh for a second (staleTime); a focus after it refetches. Should
  // the focus find a fetch already under way, the screen's own refresh (every 15 s while idle)
  // brings the patched answer: wait for one patched answer either way.
  await page.waitForTimeout(1100);
  const patched = page.waitForResponse((r) => r.url().includes('/api/v1/cleanup/status'), { timeout: 20_000 });
  await refocus(page);
  await patched;
}

type Run = { runId: string; startedAt: string; trigger: string; startedBy: string | null; status: string; dryRun: boolean; recordsProcessed: number };

/** The run history's line on how many runs the filters leave (of every run kept); the screen shows the newest 300. */
const matching = (n: number) =>
  n === 0
    ? 'No run matches the filters.'
    : n === 1
      ? '1 run matches the filters.'
      : n <= 300
        ? `${n} runs match the filters.`
        : `${n.toLocaleString('en')} runs match the filters; the newest 300 are shown. Choose days to see older ones.`;

/** The calendar day of an instant in a time zone. */
const dayIn = (at: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));

test.describe('the cleanup screen as ops', { tag: '@controls-job' }, () => {
  // One job: these tests pause, resume and run it, so they must not overlap.
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: authFile('ops') });

  test('pauses, resumes and dry-runs the job, and sees the run appear with its counts', async ({ page }) => {
    await page.goto('/cleanup');
    await expect(page.getByRole('heading', { level: 1, name: 'Cleanup' })).toBeVisible();
    const state = page.getByTestId('job-state');
    await expect(state).toBeVisible();
    if ((await state.textContent()) === 'Paused') await page.getByRole('button', { name: 'Resume', exact: true }).click();

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(state).toHaveText('Paused');
    await expect(page.getByText(/Paused by ops@demo\.test/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run now', exact: true })).toBeDisabled();

    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(state).not.toHaveText('Paused');

    const history = page.getByTestId('run-history');
    const newestBefore = await history.locator('tbody tr').first().getAttribute('data-run-id');
    await page.getByRole('button', { name: 'Dry run now' }).click();
    // The screen follows the run and says what a run would do once it ends.
    const outcome = page.getByTestId('run-outcome');
    await expect(outcome).toBeVisible();
    await expect(outcome.getByRole('status')).toHaveText(
      /^The dry run finished\. (Nothing is due: a run now would process no records and remove no actors\.|A run now would process [\d,]+ records? and remove [\d,]+ actors?, (without failed batches|with [\d,]+ failed batch(es)?)\.)$/,
      { timeout: 30_000 },
    );
    const runId = await outcome.getAttribute('data-run-id');
    const newest = history.locator('tbody tr').first();
    await expect(newest).toHaveAttribute('data-run-id', runId!, { timeout: 30_000 });
    expect(runId).not.toBe(newestBefore);
    await expect(newest).toContainText('dry run');
    // Who started it: the login, with the trigger beside it.
    await expect(newest.getByRole('cell').nth(1)).toHaveText('ops@demo.testdashboard');
    await expect(newest).toContainText('completed');
    // "Show it in the run history" opens its row there (when it has details) and moves focus to it.
    await outcome.getByRole('button', { name: 'Show it in the run history' }).click();
    const toggle = history.locator(`[data-details-toggle="${runId}"]`);
    if (await toggle.count()) {
      await expect(toggle).toBeFocused();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator(`#run-history-details-${runId}`)).toBeVisible();
    } else {
      await expect(newest).toBeFocused();
    }
  });

  test('a dry run while the job is paused: runs, is followed to its end, and its progress shows while it works', async ({ page }) => {
    // The run may take a while on a busy machine, and the patched answer the screen's 15 s refresh.
    test.setTimeout(90_000);
    await page.goto('/cleanup');
    const state = page.getByTestId('job-state');
    await expect(state).not.toHaveText('Running', { timeout: 30_000 });
    if ((await state.textContent()) !== 'Paused') await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(state).toHaveText('Paused');
    try {
      await page.getByRole('button', { name: 'Dry run now' }).click();
      const outcome = page.getByTestId('run-outcome');
      await expect(outcome.getByRole('status')).toHaveText(/^The dry run finished\./, { timeout: 30_000 });
      await expect(state).toHaveText('Paused');
      const runId = await outcome.getAttribute('data-run-id');
      // The status API reports the paused job's dry run while it works (tests/cleanup-job.test.ts);
      // the demo's is over in a moment, so the screen is shown one that works: its progress shows.
      await patchStatus(page, (status) => ({
        ...status,
        state: 'running',
        running: { ...(status.lastRun as object), runId, status: 'running', dryRun: true, actorsExamined: 1500, actorsRemoved: 12, recordsProcessed: 3456, batches: 3 },
        lastRun: null,
      }));
      const progress = page.getByTestId('run-progress');
      await expect(progress).toContainText(/A dry run for \d{1,2} \w{3} \d{4} is working \(it removes nothing\)/);
      await expect(progress).toContainText('1,500 actors examined, 12 removed, 3,456 records processed, 3 batches');
      await expect(page.getByText('Paused by ops@demo.test')).toBeVisible();
      await page.unroute('**/api/v1/cleanup/status');
    } finally {
      await page.getByRole('button', { name: 'Resume', exact: true }).click();
      await expect(state).not.toHaveText('Paused');
    }
  });

  test('run now counts what the run will remove, asks, asks again when the confirmation expired, and the confirmed run appears with its counts', async ({ page }) => {
    await page.goto('/cleanup');
    const state = page.getByTestId('job-state');
    await expect(state).not.toHaveText('Running', { timeout: 30_000 });
    if ((await state.textContent()) === 'Paused') await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(page.getByTestId('burn-down-chart')).toBeVisible();

    // The count comes from the API (POST cleanup/run/confirmation), counted when the button is pressed.
    const counted = page.waitForResponse((r) => r.url().endsWith('/api/v1/cleanup/run/confirmation') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Run now', exact: true }).click();
    const answer = await (await counted).json();
    expect(answer.confirmationId).toMatch(/^[0-9a-f-]{36}$/);
    const confirm = page.getByTestId('run-now-confirm');
    await expect(confirm).toBeFocused();
    await expect(confirm).toContainText(/Counted just now: this run removes [\d,]+ actors and processes [\d,]+ records/);
    await expect(confirm).toContainText(new RegExp(`removes ${answer.actorsDue.toLocaleString('en-US')} actors`));
    // Cancel leaves everything as it was.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);

    const history = page.getByTestId('run-history');
    const newestBefore = await history.locator('tbody tr').first().getAttribute('data-run-id');
    await page.getByRole('button', { name: 'Run now', exact: true }).click();
    await expect(confirm).toContainText('Counted just now');
    // The person waited too long: the confirmation expired. The screen says so and asks again with a new count.
    const db = await e2eDb();
    try {
      await db.query(`update cleanup_run_confirmations set expires_at = now() - interval '1 second' where used_at is null`);
    } finally {
      await db.end();
    }
    await confirm.getByRole('button', { name: /^Start/ }).click();
    await expect(confirm).toContainText(/The confirmation expired \(it is valid 5 minutes\)\. Counted again: the run would remove [\d,]+ actors/);
    await expect(page.getByTestId('run-outcome')).toHaveCount(0);
    // The API counts again: when the number differs from the confirmation's it answers with the new
    // number and the screen asks once more with a new confirmation.
    await confirm.getByRole('button', { name: /^Start/ }).click();
    if (await confirm.getByText('changed since it was counted').isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: /^Start/ }).click();
    }
    const outcome = page.getByTestId('run-outcome');
    await expect(outcome).toBeVisible();
    await expect(confirm).toHaveCount(0);
    // Once it ends, the screen says what it did (a scheduled run may have done the demo's backlog
    // first; then this one had nothing to do, and says so).
    await expect(outcome.getByRole('status')).toHaveText(
      /^(The run finished\.|The run stopped at its budget; the next run goes on\.) (Nothing was due: no records were processed and no actors removed\.|It processed [\d,]+ records? and removed [\d,]+ actors?, (without failed batches|with [\d,]+ failed batch(es)?)\.)$/,
      { timeout: 60_000 },
    );
    const runId = await outcome.getAttribute('data-run-id');
    expect(runId).not.toBe(newestBefore);
    const run = ((await (await page.request.get('/api/v1/cleanup/runs?limit=5')).json()) as Run[]).find((r) => r.runId === runId)!;
    expect(run).toMatchObject({ trigger: 'dashboard', startedBy: 'ops@demo.test', dryRun: false });
    if (run.recordsProcessed > 0) {
      // The records per category in words, the category's code small beside its name.
      await expect(outcome.getByTestId('run-details')).toContainText(/Records per category/);
      await expect(outcome.getByTestId('run-details').locator('code').first()).toHaveText(/^[a-z_]+$/);
    }
    const newest = history.locator('tbody tr').first();
    await expect(newest).toHaveAttribute('data-run-id', runId!, { timeout: 30_000 });
    await expect(newest).toContainText('ops@demo.test');
    await expect(newest).not.toContainText('dry run');
    await expect(newest).toContainText(/completed|stopped at its budget/);
    // Its details line opens under the row, within the screen's width.
    const toggle = newest.getByRole('button', { name: /^Show/ });
    if (await toggle.count()) {
      await toggle.click();
      const details = page.locator(`#run-history-details-${runId}`);
      await expect(details).toBeVisible();
      const box = (await details.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    await expect(page.getByTestId('backlog-totals')).toBeVisible();
  });

  test('a run stopped by a pause shows as paused in the run history', async ({ page }) => {
    const db = await e2eDb();
    let runId = '';
    try {
      // Recorded as the run does when a pause stops it after the batch in flight.
      const r = await db.query<{ id: string }>(
        `insert into cleanup_runs (trigger, as_of, dry_run, settings, status, stop_reason, finished_at)
         values ('e2e', current_date, false, '{}'::jsonb, 'paused', 'paused by ops@demo.test', now()) returning id`,
      );
      runId = r.rows[0]!.id;
      await page.goto('/cleanup');
      const newest = page.getByTestId('run-history').locator('tbody tr').first();
      await expect(newest).toHaveAttribute('data-run-id', runId);
      // Nobody is recorded as starting it: the trigger says who did.
      await expect(newest.getByRole('cell').nth(1)).toHaveText('e2e');
      await expect(newest).toContainText('paused mid-run');
    } finally {
      if (runId) await db.query('delete from cleanup_runs where id = $1', [runId]);
      await db.end();
    }
  });
});

test.describe('the cleanup screen as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('shows the state and history without controls', async ({ page }) => {
    await page.goto('/cleanup');
    await expect(page.getByTestId('job-state')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Run now', exact: true })).toHaveCount(0);
  });

  test('filters the run history by status, trigger, dry run and days over every run kept, and says how many match', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/cleanup');
    const summary = page.getByTestId('run-history-summary');
    await expect(summary).toHaveText(/^(All [\d,]+ runs\.|The newest 300 of [\d,]+ runs\. Choose days to see older ones\.)$/);
    // How many runs the API counts for a filter (X-Total-Count): the demo's own runs do not change while the test runs.
    const count = async (query: string) => {
      const answer = await page.request.get(`/api/v1/cleanup/runs?limit=1${query}`);
      expect(answer.status()).toBe(200);
      return Number(answer.headers()['x-total-count']);
    };
    const history = page.getByTestId('run-history');
    const filters = page.getByRole('group', { name: 'Filter the runs' });

    // Who started them: the demo's history was run by its schedule.
    await filters.getByLabel('Started by').selectOption({ label: 'the demo’s schedule' });
    const demo = await count('&trigger=demo');
    expect(demo).toBeGreaterThan(100);
    await expect(summary).toHaveText(matching(demo));
    await expect(history.locator('tbody tr').first().getByRole('cell').nth(1)).toHaveText('the demo’s schedule');

    // Dry runs only: the demo made none.
    await filters.getByLabel('Dry run').selectOption({ label: 'Dry runs only' });
    await expect(page.getByText('No run matches these filters.')).toBeVisible();
    await expect(summary).toHaveText(matching(0));
    await filters.getByLabel('Dry run').selectOption({ label: 'Real runs only' });
    // Every status is offered, whether the runs on the screen have it or not.
    await expect(filters.getByLabel('Status').locator('option')).toHaveText(['All', 'running', 'completed', 'stopped at its budget', 'failed', 'interrupted', 'tripped the breaker', 'paused mid-run']);
    await filters.getByLabel('Status').selectOption({ label: 'completed' });
    const completed = await count('&trigger=demo&dryRun=false&status=completed');
    await expect(summary).toHaveText(matching(completed));

    // Days: from and to the oldest day with a completed demo run (the first days' runs stop at their
    // row limit), typed as staff write it, in the job's time zone.
    const timeZone = /Days in (\S+);/.exec((await filters.textContent()) ?? '')![1]!;
    const demoRuns = (await (await page.request.get('/api/v1/cleanup/runs?limit=500&trigger=demo')).json()) as Run[];
    const day = dayIn(demoRuns.filter((r) => !r.dryRun && r.status === 'completed').at(-1)!.startedAt, timeZone);
    const [y, m, d] = day.split('-');
    await filters.getByLabel('Started from').fill(`${d}/${m}/${y}`);
    await filters.getByLabel('Started until').fill(`${d}/${m}/${y}`);
    const onDay = await count(`&trigger=demo&dryRun=false&status=completed&from=${day}&to=${day}`);
    expect(onDay).toBe(demoRuns.filter((r) => !r.dryRun && r.status === 'completed' && dayIn(r.startedAt, timeZone) === day).length);
    expect(onDay).toBeGreaterThan(0);
    await expect(summary).toHaveText(matching(onDay));
    await expect(history.locator('tbody tr')).toHaveCount(onDay);
    await expectNoSeriousViolations(page, '/cleanup, run history filtered');

    // A range that ends before it starts: no run, and no call the API would refuse.
    const [ny, nm, nd] = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10).split('-');
    await filters.getByLabel('Started from').fill(`${nd}/${nm}/${ny}`);
    await expect(summary).toHaveText(matching(0));

    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(summary).toHaveText(/^(All [\d,]+ runs\.|The newest 300 of [\d,]+ runs\. Choose days to see older ones\.)$/);
    await expect(filters.getByLabel('Started from')).toHaveValue('');
  });

  test('shows the run history as cards on a phone, each saying who started the run', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/cleanup');
    await expect(page.getByTestId('run-history')).toBeHidden();
    const cards = page.getByTestId('run-history-cards');
    await expect(cards).toBeVisible();
    const first = cards.locator('li').first();
    await expect(first.getByRole('heading', { level: 3 })).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
    await expect(first).toContainText('Started by');
    await expect(first).toContainText('Status');
    expect((await pageFitsViewport(page)).scrollWidth).toBeLessThanOrEqual(390);
    // A card with details opens them in the card.
    const id = await cards.getByRole('button', { name: /^Show ?: run of/ }).first().getAttribute('data-details-toggle');
    const toggle = cards.locator(`[data-details-toggle="${id}"]`);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(cards.getByTestId('run-details').first()).toBeVisible();
    expect((await pageFitsViewport(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectNoSeriousViolations(page, '/cleanup at 390 px');
  });

  test('the backlog names each category in words, in family order, and says when nothing is due', async ({ page }) => {
    // Each patched answer may take the screen's 15 s refresh to arrive (patchStatus).
    test.setTimeout(90_000);
    await page.goto('/cleanup');
    await patchStatus(page, (status) => ({
      ...status,
      backlog: { asOf: '2026-11-23', countedAt: new Date().toISOString(), actors: 2, recordsTotal: 39, records: { ksm: 6, holds: 3, loan_history: 21, financial_transactions: 9 } },
      backlogClearedAt: new Date(Date.now() + 3_600_000).toISOString(),
    }));
    const table = page.getByTestId('backlog-categories');
    await expect(table.locator('tbody th')).toHaveText(['Loan history loan_history', 'Financial transactions financial_transactions', 'KSM records ksm', 'Holds holds']);
    await expect(page.getByText(/At the current pace it is cleared by/)).toBeVisible();
    await page.unroute('**/api/v1/cleanup/status');

    await patchStatus(page, (status) => ({
      ...status,
      backlog: { asOf: '2026-11-23', countedAt: new Date().toISOString(), actors: 0, recordsTotal: 0, records: {} },
      backlogClearedAt: new Date().toISOString(),
    }));
    await expect(page.getByTestId('backlog-totals')).toHaveText('Nothing is due.');
    await expect(page.getByText(/At the current pace/)).toHaveCount(0);
    await expect(table).toHaveCount(0);
  });
});
