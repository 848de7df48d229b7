import { expect, test } from '@playwright/test';
import { authFile } from './support/roles';

const SETTING_NAMES = ['inactiveActorMonths', 'financialMonths', 'historyMonths', 'personalDataMonths', 'optOutLoanDays'];

test.describe('home page', () => {
  // The overview is for roles with settings.read; a manager's saved sign-in (auth.setup.ts).
  test.use({ storageState: authFile('manager') });

  test('shows the five retention settings with their units', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    const settings = page.getByRole('region', { name: 'Retention settings' });
    await expect(settings).toBeVisible();
    await expect(settings).toContainText('0 = disabled');
    const table = settings.getByRole('table');
    for (const name of SETTING_NAMES) {
      await expect(table.getByRole('rowheader').filter({ hasText: name })).toHaveCount(1);
    }
    await expect(table.getByRole('row').filter({ hasText: 'optOutLoanDays' })).toContainText('days');
    await expect(table.getByRole('row').filter({ hasText: 'historyMonths' })).toContainText('months');
  });

  test('shows the settings as cards on a phone, each named in words with its setting name', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const settings = page.getByRole('region', { name: 'Retention settings' });
    await expect(settings.getByRole('table')).toBeHidden();
    const cards = settings.getByTestId('settings-table-cards');
    for (const name of SETTING_NAMES) await expect(cards.locator(`li[data-setting="${name}"] h3 code`)).toHaveText(name);
    await expect(cards.locator('li[data-setting="optOutLoanDays"]')).toContainText('days');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('has a favicon: the page names it and it is served (no 404 on any page)', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('link[rel="icon"][href^="/favicon.svg"]')).toHaveCount(1);
    for (const path of ['/favicon.ico', '/favicon.svg', '/logo.svg']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toMatch(/^image\//);
    }
  });

  test('shows the live counts section', async ({ page }) => {
    await page.goto('/');
    const counts = page.getByRole('region', { name: 'Live counts' });
    await expect(counts).toBeVisible();
    for (const label of ['Actors', 'Loans linked to actors', 'Anonymized loans', 'Financial items', 'Cleanup runs']) {
      await expect(counts.getByText(label, { exact: true })).toBeVisible();
    }
    await expect(counts.getByRole('heading', { name: 'Last run' })).toBeVisible();
  });

  test('sends the security headers', async ({ request }) => {
    const response = await request.get('/');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toContain('no-store');
    expect(headers['x-powered-by']).toBeUndefined();
  });

  test('answers an unknown page with 404', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test('GET /api/health answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});
