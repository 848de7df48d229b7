import { expect, test } from '@playwright/test';
import { authFile } from './support/roles';

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

  test('run now shows what the run will remove, asks, and the confirmed run appears with its counts', async ({ page }) => {
    await page.goto('/cleanup');
    const state = page.getByTestId('job-state');
    await expect(state).not.toHaveText('Running', { timeout: 30_000 });
    if ((await state.textContent()) === 'Paused') await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(page.getByTestId('burn-down-chart')).toBeVisible();

    await page.getByRole('button', { name: 'Run now', exact: true }).click();
    const confirm = page.getByTestId('run-now-confirm');
    await expect(confirm).toBeFocused();
    await expect(confirm).toContainText(/removes [\d,]+ actors and processes [\d,]+ records|has not been counted yet|changed since it was counted/);
    // Cancel leaves everything as it was.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);

    const history = page.getByTestId('run-history');
    const newestBefore = await history.locator('tbody tr').first().textContent();
    await page.getByRole('button', { name: 'Run now', exact: true }).click();
    // The API counts again: when the number differs from the last count it answers with the new
    // number and the screen asks once more with it.
    await confirm.getByRole('button', { name: /^Start/ }).click();
    if (await confirm.getByText('changed since it was counted').isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: /^Start/ }).click();
    }
    await expect(page.getByText('The run started.')).toBeVisible();
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
