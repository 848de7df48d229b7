import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatIsoDate } from '../i18n/format';
import { addDays, todayIn } from '../lib/retention/dates';
import { pageFitsViewport } from './support/axe';
import { PROJECT_DIR } from './support/paths';
import { authFile } from './support/roles';

/*
 * The Selections screen (/selections) on the demo library, in a browser: the counts of the first
 * instance by default (the numbers of GET /api/v1/selections), criteria that change the URL and
 * the counts, a bad criterion named beside its field, a customers download with two personal
 * columns (its header row) that admin then finds in the access log, and the screen refused to ops
 * and support. Screenshots at 1280 and 390 px go to test-results/selections-shots/.
 */

const SHOTS = path.join(PROJECT_DIR, 'test-results', 'selections-shots');
const today = todayIn('Europe/Amsterdam');
// Three years: the loans of the first year are anonymized (historyMonths 24), the recent ones mostly linked.
const PERIOD = { from: addDays(today, -1095), to: today };

type ApiSelection = {
  instanceId: number;
  actors: number;
  byMembership: { active_here: number; active_elsewhere: number; inactive: number };
  loans: { total: number; linked: number; anonymized: number } | null;
};

const digits = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

async function shownCount(page: Page, testId: string): Promise<number> {
  return digits(await page.getByTestId(testId).textContent());
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Recharts measures its box after a resize.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    if (width === 390) {
      const { scrollWidth, innerWidth } = await pageFitsViewport(page);
      expect(scrollWidth, `${name} is no wider than the phone`).toBeLessThanOrEqual(innerWidth);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('the Selections screen as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('shows the counts of the first demo instance by default, as GET selections gives them', async ({ page }) => {
    await page.goto('/selections');
    await expect(page.getByRole('heading', { level: 1, name: 'Selections' })).toBeVisible();
    // The demo manager is tied to the first instance: it is named, not chosen.
    await expect(page.getByTestId('instance-tied')).toContainText('Bibliotheek Rivierenland');
    await expect(page.getByLabel('Library instance', { exact: true })).toHaveCount(0);
    // The date field writes the day as the screens do; the form sends it as ISO.
    await expect(page.getByLabel('As of', { exact: true })).toHaveValue(formatIsoDate('en', today));

    const api = (await (await page.request.get('/api/v1/selections?instanceId=1')).json()) as ApiSelection;
    expect(api.actors).toBeGreaterThan(0);
    expect(await shownCount(page, 'actors-count')).toBe(api.actors);
    for (const state of ['active_here', 'active_elsewhere', 'inactive'] as const) {
      expect(await shownCount(page, `count-${state}`), state).toBe(api.byMembership[state]);
    }
    // Human names first, the code beside them; the chart has a text alternative.
    await expect(page.getByTestId('membership-table').locator('tr[data-state="active_elsewhere"] th')).toContainText('Active elsewhere only active_elsewhere');
    await expect(page.getByRole('img', { name: /Bar chart of the customers by membership state: Active here/ })).toBeVisible();
    await expect(page.locator('[data-testid="membership-chart"] .recharts-bar-rectangle').first()).toBeVisible();

    // The source system's "active" beside this product's, with the sentence on the difference.
    expect(await shownCount(page, 'product-active')).toBe(api.byMembership.active_here);
    expect(await shownCount(page, 'source-active')).toBe(api.byMembership.active_here + api.byMembership.active_elsewhere);
    await expect(page.getByTestId('active-difference')).toContainText('even an expired one');
    await expect(page.getByTestId('wise-active-explained')).toContainText('wise_active');

    // Without a period: no coverage, and the items download waits for one.
    await expect(page.getByTestId('no-period')).toBeVisible();
    await expect(page.getByTestId('items-needs-period')).toBeVisible();
    await expect(page.getByTestId('export-logged')).toContainText('access log');
    // No personal column is ticked by default.
    await expect(page.locator('input[name="columns"]:checked')).toHaveCount(0);
  });

  test('changing the criteria updates the URL and the counts; a bad one is named beside its field', async ({ page }) => {
    await page.goto('/selections');
    const before = (await (await page.request.get('/api/v1/selections?instanceId=1')).json()) as ApiSelection;

    await page.getByLabel('Membership state', { exact: true }).selectOption('active_here');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/[?&]membership=active_here(&|$)/);
    await expect(page.getByTestId('actors-count')).toHaveAttribute('data-count', String(before.byMembership.active_here));

    await page.getByLabel('Loan history opt-in', { exact: true }).selectOption('false');
    await page.getByLabel('Borrowed from', { exact: true }).fill(PERIOD.from);
    await page.getByLabel('Borrowed to', { exact: true }).fill(PERIOD.to);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`borrowedFrom=${PERIOD.from}&borrowedTo=${PERIOD.to}`));
    await expect(page).toHaveURL(/loanHistoryOptIn=false/);
    const api = (await (
      await page.request.get(`/api/v1/selections?instanceId=1&membership=active_here&loanHistoryOptIn=false&borrowedFrom=${PERIOD.from}&borrowedTo=${PERIOD.to}`)
    ).json()) as ApiSelection;
    await expect(page.getByTestId('actors-count')).toHaveAttribute('data-count', String(api.actors));
    expect(api.loans).not.toBeNull();

    // The period's loans: the coverage bar with its reasons, and the loans per month.
    await expect(page.getByRole('img', { name: /Bar of the loans of the period/ })).toBeVisible();
    await expect(page.getByTestId('coverage-summary')).toContainText(`${api.loans!.total.toLocaleString('en-GB')} loans`);
    await expect(page.getByTestId('coverage-reasons')).toContainText('loan history off');
    await expect(page.getByTestId('cannot-reach')).toContainText('cannot reach the borrowers of anonymized loans');
    await expect(page.getByRole('heading', { name: 'Anonymized loans still count' })).toBeVisible();
    await expect(page.getByTestId('stats-kept')).toContainText('the four digits of the postal code');
    await expect(page.getByRole('img', { name: /Stacked bar chart of the loans per month/ })).toBeVisible();
    const monthRows = page.getByTestId('per-month-table').locator('tbody tr');
    expect(await monthRows.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('download-items')).toBeVisible();
    await shoot(page, 'selections-period');

    // A period with one end: said beside the other field, no counts, no error page.
    await page.goto(`/selections?instanceId=1&borrowedFrom=${PERIOD.from}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Selections' })).toBeVisible();
    await expect(page.getByLabel('Borrowed to', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#field-borrowedTo-error')).toContainText('A borrowing period needs an end');
    await expect(page.getByTestId('criteria-problem')).toBeVisible();
    await expect(page.getByTestId('actors-count')).toHaveCount(0);
    await shoot(page, 'selections-bad-criterion');
  });

  test('downloads the customers with two personal columns; admin finds the export in the access log', async ({ page, browser }) => {
    await page.goto(`/selections?instanceId=1&membership=inactive`);
    const count = Number(await page.getByTestId('actors-count').getAttribute('data-count'));
    await page.locator('input[name="columns"][value="name"]').check();
    await page.locator('input[name="columns"][value="email"]').check();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('download-customers').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`customers_instance-1_${today}.csv`);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('actor_id,membership,loan_history_opt_in,registered_on,loans,name,email');
    expect(lines.length - 1).toBe(count);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'inactive')).toBe(true);
    // The download leaves the screen as it was.
    await expect(page.getByRole('heading', { level: 1, name: 'Selections' })).toBeVisible();
    await shoot(page, 'selections-default');

    const admin = await browser.newContext({ storageState: authFile('admin') });
    const adminPage = await admin.newPage();
    await adminPage.goto('/admin/access-log?caller=manager%40demo.test');
    const entry = adminPage.getByTestId('export-entry').filter({ hasText: 'membership=inactive' }).first();
    await expect(entry).toContainText('customers');
    await expect(entry).toContainText('Bibliotheek Rivierenland');
    await expect(entry).toContainText('name, email');
    await expect(entry.getByTestId('export-rows')).toHaveText(String(count));
    await admin.close();
  });

  test('in Dutch', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'locale', value: 'nl', url: baseURL! }]);
    await page.goto(`/selections?instanceId=1&borrowedFrom=${PERIOD.from}&borrowedTo=${PERIOD.to}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Selecties' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geanonimiseerde uitleningen tellen nog mee' })).toBeVisible();
    await expect(page.getByLabel('Lidmaatschapsstatus', { exact: true })).toBeVisible();
    await shoot(page, 'selections-nl');
  });
});

test.describe('the Selections screen as admin', () => {
  test.use({ storageState: authFile('admin') });

  test('chooses any instance, the first by default; a tied manager is refused another one', async ({ page, browser }) => {
    await page.goto('/selections');
    const instance = page.getByLabel('Library instance', { exact: true });
    await expect(instance).toHaveValue('1');
    await expect(instance.locator('option:checked')).toHaveText('Bibliotheek Rivierenland');
    await instance.selectOption('2');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/[?&]instanceId=2(&|$)/);
    const api = (await (await page.request.get('/api/v1/selections?instanceId=2')).json()) as ApiSelection;
    await expect(page.getByTestId('actors-count')).toHaveAttribute('data-count', String(api.actors));

    const manager = await browser.newContext({ storageState: authFile('manager') });
    const managerPage = await manager.newPage();
    await managerPage.goto('/selections?instanceId=2');
    await expect(managerPage.getByTestId('instance-tied')).toContainText('Your login is tied to another library instance');
    await expect(managerPage.getByTestId('actors-count')).toHaveCount(0);
    expect((await managerPage.request.get('/api/v1/selections?instanceId=2')).status()).toBe(403);
    await manager.close();
  });
});

test.describe('refused to the roles without selections', () => {
  for (const role of ['ops', 'support'] as const) {
    test.describe(role, () => {
      test.use({ storageState: authFile(role) });

      test(`${role}: no navigation entry, /selections is forbidden, the download refused`, async ({ page }) => {
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Selections' })).toHaveCount(0);
        await page.goto('/selections');
        await expect(page).toHaveURL(/\/forbidden$/);
        const response = await page.request.get('/selections/export?set=customers&instanceId=1&columns=name');
        expect(response.status()).toBe(403);
        expect(await response.text()).not.toContain('actor_id');
      });
    });
  }
});
