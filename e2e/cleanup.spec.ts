import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { E2E_DATA_DIR } from './support/paths';
import { authFile } from './support/roles';

/** The e2e server's own database (to age a confirmation, or to record a run as the job would). */
async function e2eDb(): Promise<pg.Client> {
  const meta = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, 'server.json'), 'utf8')) as { port: number; password: string };
  const client = new pg.Client({ host: '127.0.0.1', port: meta.port, user: 'postgres', password: meta.password, database: 'retention' });
  await client.connect();
  return client;
}

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
    const before = await history.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Dry run now' }).click();
    await expect(page.getByText('The run started.')).toBeVisible();
    await expect(history.locator('tbody tr')).toHaveCount(Math.min(before + 1, 20), { timeout: 30_000 });
    const newest = history.locator('tbody tr').first();
    await expect(newest).toContainText('dry run');
    await expect(newest).toContainText('dashboard');
    await expect(newest).toContainText('completed', { timeout: 30_000 });
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
    const newestBefore = await history.locator('tbody tr').first().textContent();
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
    await expect(page.getByText('The run started.')).toHaveCount(0);
    // The API counts again: when the number differs from the confirmation's it answers with the new
    // number and the screen asks once more with a new confirmation.
    await confirm.getByRole('button', { name: /^Start/ }).click();
    if (await confirm.getByText('changed since it was counted').isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: /^Start/ }).click();
    }
    await expect(page.getByText('The run started.')).toBeVisible();
    await expect(confirm).toHaveCount(0);
    const newest = history.locator('tbody tr').first();
    await expect(newest).not.toHaveText(newestBefore ?? '', { timeout: 30_000 });
    await expect(newest).toContainText('dashboard');
    await expect(newest).not.toContainText('dry run');
    await expect(newest).toContainText(/completed|stopped at its budget/, { timeout: 60_000 });
    // Its summary opens to the records per category.
    // (A scheduled run may have done the demo's backlog first; then this one had nothing to do.)
    if (await newest.getByText('Show').count()) {
      await newest.getByText('Show').click();
      await expect(newest.locator('details div').first()).toBeVisible();
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
      await expect(newest).toContainText('e2e');
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
});
