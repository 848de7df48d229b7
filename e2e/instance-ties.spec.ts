import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { authFile } from './support/roles';

/*
 * Logins and API tokens tied to one library instance (INTERFACES.md, Roles), on the users and
 * tokens screens: the Instance choice when creating, the instance in the lists, the change of a
 * login's tie, and the audit log. The demo's manager is tied to its first instance.
 */

test.use({ storageState: authFile('admin') });

/**
 * Every axe-core rule of the WCAG 2.x A and AA levels, the best practices and the experimental
 * ones (label-content-name-mismatch among them: a control's accessible name contains its visible
 * text): no violation of any impact. One experimental rule is left out, on purpose:
 * focus-order-semantics wants the focusable box that scrolls a wide table to be a landmark, and
 * components/ui/scroll-region.tsx makes it a named group instead (a landmark per table would crowd
 * the page's landmarks).
 */
async function expectCleanUnderAllRules(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'] } })
    .disableRules(['focus-order-semantics'])
    .analyze();
  const lines = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
  expect(lines, `axe (all rules) on ${label}:\n${lines.join('\n')}`).toEqual([]);
}

/** The text of the option a select shows. */
const shownOption = (page: Page, label: string) => usersTable(page).getByLabel(label, { exact: true }).locator('option:checked');

/** The users table (from `sm` up; the phone's cards hold the same controls, hidden here). */
const usersTable = (page: Page) => page.getByTestId('users-table');

test('the users screen: the demo manager is tied to the first instance; admin creates a tied login and changes its tie', async ({ page }) => {
  // Two page loads, a login made and re-tied twice, and a sweep with every axe rule: 14–28 s here,
  // over the default 30 s on a busy two-core CI machine.
  test.setTimeout(90_000);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Instance' })).toBeVisible();
  await expect(usersTable(page).getByLabel('Instance of manager@demo.test', { exact: true })).toHaveValue('1');
  await expect(shownOption(page, 'Instance of manager@demo.test')).toHaveText('Bibliotheek Rivierenland');
  await expect(usersTable(page).getByLabel('Instance of ops@demo.test', { exact: true })).toHaveValue('');
  await expect(shownOption(page, 'Instance of ops@demo.test')).toHaveText('All instances');
  // The admin's own row shows the tie without a control.
  await expect(page.getByRole('row').filter({ hasText: 'admin@demo.test' }).first()).toContainText('All instances');
  await expect(usersTable(page).getByLabel('Instance of admin@demo.test', { exact: true })).toHaveCount(0);

  const email = `e2e-tied-${Date.now()}@library.example`;
  const create = page.getByRole('region', { name: 'Create a login' });
  const instance = create.getByLabel('Instance', { exact: true });
  await expect(instance).toHaveValue('');
  await expect(instance.locator('option:checked')).toHaveText('All instances (not tied)');
  await expect(instance.locator('option')).toHaveText(['All instances (not tied)', 'Bibliotheek Rivierenland', 'Bibliotheek Betuwe', 'Bibliotheek Bommelerwaard', 'Bibliotheek West-Betuwe']);
  await create.getByLabel('Email address').fill(email);
  await instance.selectOption({ label: 'Bibliotheek Betuwe' });
  await create.getByRole('button', { name: 'Create login' }).click();
  await expect(page.getByRole('region', { name: `One-time password for ${email}` })).toBeVisible();
  await expect(usersTable(page).getByLabel(`Instance of ${email}`, { exact: true })).toHaveValue('2');
  await expectCleanUnderAllRules(page, '/admin/users');

  // Untie it, then tie it elsewhere; each says so and stays after a reload.
  const tie = usersTable(page).getByLabel(`Instance of ${email}`, { exact: true });
  const change = page.getByRole('button', { name: `Change instance: ${email}` });
  await expect(change).toBeDisabled();
  await tie.selectOption({ label: 'All instances' });
  await change.click();
  await expect(page.getByRole('status').filter({ hasText: `${email} is no longer tied to an instance.` })).toBeVisible();
  await tie.selectOption({ label: 'Bibliotheek Bommelerwaard' });
  await change.click();
  await expect(page.getByRole('status').filter({ hasText: `${email} is now tied to Bibliotheek Bommelerwaard.` })).toBeVisible();
  await page.reload();
  await expect(usersTable(page).getByLabel(`Instance of ${email}`, { exact: true })).toHaveValue('3');

  await page.goto('/admin/audit?kind=user');
  const rows = page.getByRole('row').filter({ hasText: email });
  await expect(rows.filter({ hasText: 'Login created' })).toContainText('Instance: Bibliotheek Betuwe');
  await expect(rows.filter({ hasText: 'Instance tie changed' }).filter({ hasText: 'All instances → Bibliotheek Bommelerwaard' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Instance tie changed' }).filter({ hasText: 'Bibliotheek Betuwe → All instances' })).toBeVisible();
});

test('the tokens screen: admin creates a token tied to an instance, shown in the list, and one for all instances', async ({ page, request }) => {
  await page.goto('/admin/tokens');
  const create = page.getByRole('region', { name: 'Create an API token' });
  const instance = create.getByLabel('Instance', { exact: true });
  await expect(instance).toHaveValue('');

  const tiedName = `e2e tied token ${Date.now()}`;
  await create.getByLabel('Name (optional)').fill(tiedName);
  await instance.selectOption({ label: 'Bibliotheek Betuwe' });
  await create.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByRole('region', { name: `New API token ${tiedName}` });
  const token = (await secret.getByTestId('one-time-secret').textContent())!.trim();
  await expect(page.getByRole('row').filter({ hasText: tiedName })).toContainText('Bibliotheek Betuwe');
  await secret.getByRole('button', { name: 'Done, hide it' }).click();

  const freeName = `e2e free token ${Date.now()}`;
  await create.getByLabel('Name (optional)').fill(freeName);
  await instance.selectOption({ label: 'All instances (not tied)' });
  await create.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('region', { name: `New API token ${freeName}` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: freeName })).toContainText('All instances');
  await expectCleanUnderAllRules(page, '/admin/tokens');

  // A tied token works like any other outside selections.
  const response = await request.get('/api/v1/settings', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
});

test('the users and tokens screens in Dutch name the instance choice', async ({ browser, baseURL }) => {
  // Two screens, each swept with every axe rule: 17–32 s on a busy two-core CI machine.
  test.setTimeout(90_000);
  const context = await browser.newContext({ storageState: authFile('admin') });
  await context.addCookies([{ name: 'locale', value: 'nl', url: baseURL! }]);
  const page = await context.newPage();
  await page.goto('/admin/users');
  await expect(page.getByRole('columnheader', { name: 'Instantie' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Login aanmaken' }).getByLabel('Instantie', { exact: true }).locator('option:checked')).toHaveText('Alle instanties (niet gebonden)');
  await expectCleanUnderAllRules(page, '/admin/users (nl)');
  await page.goto('/admin/tokens');
  await expect(page.getByRole('region', { name: 'API-token aanmaken' }).getByLabel('Instantie', { exact: true })).toHaveValue('');
  await expectCleanUnderAllRules(page, '/admin/tokens (nl)');
  await context.close();
});
