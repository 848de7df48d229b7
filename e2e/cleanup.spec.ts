import { expect, test } from '@playwright/test';
import { authFile } from './support/roles';

test.describe('the cleanup screen as ops', () => {
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
