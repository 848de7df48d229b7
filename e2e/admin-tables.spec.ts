import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, pageFitsViewport } from './support/axe';
import { authFile } from './support/roles';

/*
 * The admin screens' lists on a phone (390 px): a card per entry instead of a table that scrolls
 * sideways, the key of each entry as the card's heading (the change, the login, the token, the
 * time of a lookup), roles in words, dates in the language's format; and the same in Dutch.
 */

test.use({ storageState: authFile('admin'), viewport: { width: 390, height: 844 } });

async function expectFits(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await pageFitsViewport(page);
  expect(scrollWidth, label).toBeLessThanOrEqual(innerWidth);
  await expectNoSeriousViolations(page, label);
}

test('the audit log as cards: the change as heading, when and by whom on each card', async ({ page }) => {
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-table')).toBeHidden();
  const cards = page.getByTestId('audit-table-cards');
  await expect(cards).toBeVisible();
  const login = cards.locator('li').filter({ has: page.getByRole('heading', { level: 3, name: 'Login created' }) }).first();
  await expect(login).toBeVisible();
  await expect(login.locator('dt', { hasText: 'When' })).toBeVisible();
  await expect(login.locator('dt', { hasText: 'By' })).toBeVisible();
  // The time in the language's format, ISO in the markup.
  await expect(login.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(login.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
  await expectFits(page, '/admin/audit at 390');
});

test('the users as cards, each with its role in words and its controls', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page.getByTestId('users-table')).toBeHidden();
  const manager = page.getByTestId('users-table-cards').locator('li[data-email="manager@demo.test"]');
  await expect(manager.getByRole('heading', { level: 3 })).toContainText('manager@demo.test');
  await expect(manager.getByLabel('Role of manager@demo.test', { exact: true }).locator('option:checked')).toHaveText('Manager');
  await expect(manager.getByRole('button', { name: 'Change role: manager@demo.test' })).toBeDisabled();
  await expect(manager.getByRole('button', { name: 'Disable manager@demo.test' })).toBeVisible();
  await expect(manager).toContainText('Active');
  // One's own card says the role in words, without controls.
  const self = page.getByTestId('users-table-cards').locator('li[data-email="admin@demo.test"]');
  await expect(self).toContainText('Admin');
  await expect(self.getByRole('button')).toHaveCount(0);
  await expectFits(page, '/admin/users at 390');
});

test('the tokens as cards, headed by the token’s name, with the revoke button', async ({ page }) => {
  const name = `e2e phone token ${Date.now()}`;
  await page.goto('/admin/tokens');
  const create = page.getByRole('region', { name: 'Create an API token' });
  await create.getByLabel('Name (optional)').fill(name);
  await create.getByLabel('Role').selectOption('manager');
  await create.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('region', { name: `New API token ${name}` })).toBeVisible();
  await expect(page.getByTestId('tokens-table')).toBeHidden();
  const card = page.getByTestId('tokens-table-cards').locator(`li[data-token-name="${name}"]`);
  await expect(card.getByRole('heading', { level: 3, name })).toBeVisible();
  await expect(card).toContainText('Manager');
  await expect(card).toContainText('Active');
  await expect(card.getByRole('button', { name: `Revoke the token ${name}` })).toBeVisible();
  await expectFits(page, '/admin/tokens at 390');
});

test('the access log as cards, headed by the time, the as-of day in words', async ({ page }) => {
  await page.goto('/actors/1001?asOf=2025-04-07');
  await expect(page.getByTestId('removal-date')).toBeVisible();
  await page.goto('/admin/access-log?actorId=1001&caller=admin%40demo.test');
  await expect(page.getByTestId('access-log-table')).toBeHidden();
  const card = page.getByTestId('access-log-table-cards').locator('li').filter({ has: page.locator('time[datetime="2025-04-07"]') }).first();
  await expect(card.getByRole('heading', { level: 3 })).toBeVisible();
  await expect(card).toContainText('7 Apr 2025');
  await expect(card).toContainText('admin@demo.test');
  await expectFits(page, '/admin/access-log at 390');
});

test('in Dutch: role names and dates in Dutch on the cards', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'locale', value: 'nl', url: baseURL! }]);
  await page.goto('/admin/users');
  const manager = page.getByTestId('users-table-cards').locator('li[data-email="ops@demo.test"]');
  await expect(manager.getByLabel('Rol van ops@demo.test', { exact: true }).locator('option:checked')).toHaveText('Technisch beheer');
  await expectFits(page, '/admin/users (nl) at 390');
  await page.goto('/admin/audit');
  const first = page.getByTestId('audit-table-cards').locator('li').first();
  await expect(first.locator('time')).toHaveText(/^\d{1,2} [a-z]{3} \d{4}/);
  await expectFits(page, '/admin/audit (nl) at 390');
});
