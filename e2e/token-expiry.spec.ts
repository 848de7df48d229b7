import { expect, test } from '@playwright/test';
import { formatIsoDate } from '../i18n/format';
import { authFile } from './support/roles';

/*
 * The tokens screen (issue 11): an admin chooses how long a new token works (30, 90, 180 or 365
 * days, 90 by default), is told when it expires, and sees every token's expiry in the list.
 */

test.use({ storageState: authFile('admin') });

/** The ISO date `days` from now (UTC), with the day after it: the test may run around midnight. */
function isoDatesAround(days: number): string[] {
  const at = Date.now() + days * 86_400_000;
  return [at, at + 86_400_000].map((t) => new Date(t).toISOString().slice(0, 10));
}

/** The same dates as the screen writes them. */
function datesAround(days: number): string[] {
  return isoDatesAround(days).map((iso) => formatIsoDate('en', iso));
}

test('admin chooses a token’s lifetime and sees its expiry', async ({ page, request }) => {
  const name = `e2e expiring token ${Date.now()}`;
  await page.goto('/admin/tokens');
  const create = page.getByRole('region', { name: 'Create an API token' });
  const lifetime = create.getByLabel('Expires after');
  await expect(lifetime).toHaveValue('90');
  await expect(lifetime.getByRole('option')).toHaveText(['30 days', '90 days', '180 days', '365 days']);
  await create.getByLabel('Name (optional)').fill(name);
  await create.getByLabel('Role').selectOption('manager');
  await lifetime.selectOption('30');
  await create.getByRole('button', { name: 'Create token' }).click();

  const secret = page.getByRole('region', { name: `New API token ${name}` });
  const [day, nextDay] = datesAround(30);
  await expect(secret).toContainText(new RegExp(`It expires on (${day}|${nextDay})\\.`));
  // The form is ready for the next one, at the default again.
  await expect(lifetime).toHaveValue('90');

  const table = page.getByRole('table', { name: 'API tokens with their role and use' });
  await expect(table.getByRole('columnheader', { name: 'Expires' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  const expiry = row.locator('td time').nth(1);
  const [isoDay, isoNextDay] = isoDatesAround(30);
  await expect(expiry).toHaveAttribute('datetime', new RegExp(`^(${isoDay}|${isoNextDay})T`));

  const token = (await secret.getByTestId('one-time-secret').textContent())!.trim();
  expect((await request.get('/api/v1/settings', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
});
