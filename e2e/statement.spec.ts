import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { E2E_PORT } from './support/paths';
import { authFile } from './support/roles';

/*
 * The retention statement (GDPR art. 15) in a browser, on the demo library: support opens the
 * statement of actor 1001 (the worked example, removed completely on 2029-08-10, kept by the
 * financial archive) from the actor screen, in Dutch (the default, whatever the screen's own
 * language) and in English; printed, the dashboard shell and the controls are gone and the
 * statement is left; a manager may not see it (screen or API).
 */

const SHOTS = '/tmp/shots-statement';
const BASE = `http://localhost:${E2E_PORT}`;

test.describe('the retention statement as support', () => {
  test.use({ storageState: authFile('support') });

  test('opens from the actor screen in Dutch, switches to English, and is accessible in both', async ({ page, context }) => {
    await context.addCookies([{ name: 'locale', value: 'en', url: BASE }]);
    await page.goto('/actors/1001');
    await page.getByTestId('statement-link').click();
    await expect(page).toHaveURL(/\/actors\/1001\/statement$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Retention statement for actor 1001' })).toBeVisible();

    const statement = page.getByTestId('statement');
    await expect(statement).toHaveAttribute('lang', 'nl');
    await expect(statement.getByRole('heading', { level: 2 })).toHaveText('Overzicht van uw gegevens en hoe lang wij ze bewaren');
    await expect(page.getByTestId('statement-customer')).toHaveText('Klantnummer 1001');
    await expect(page.getByTestId('statement-removal')).toContainText('10 augustus 2029');
    await expect(page.getByTestId('statement-legal-basis')).toContainText('artikel 52 van de Algemene wet inzake rijksbelastingen');
    await expect(page.getByTestId('statement-categories').locator('tr[data-category="financial_transactions"]')).toContainText('7 jaar na de boeking');
    await expect(page.getByTestId('statement-reasons')).toContainText('financiële administratie');
    await expectNoSeriousViolations(page, 'statement nl');

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/actors\/1001\/statement\?lang=en$/);
    await expect(statement).toHaveAttribute('lang', 'en');
    await expect(statement.getByRole('heading', { level: 2 })).toHaveText('Statement of your data and how long we keep it');
    await expect(page.getByTestId('statement-removal')).toContainText('10 August 2029');
    await expect(page.getByTestId('statement-legal-basis')).toContainText('fiscal retention obligation of seven years');
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousViolations(page, 'statement en');

    // The screen in Dutch keeps the statement's language of the address.
    await context.addCookies([{ name: 'locale', value: 'nl', url: BASE }]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Bewaaroverzicht voor klant 1001' })).toBeVisible();
    await expect(statement).toHaveAttribute('lang', 'en');
    await expectNoSeriousViolations(page, 'statement en, screen nl');
  });

  test('prints on A4 without the dashboard shell or the controls', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/actors/1001/statement');
    await expect(page.getByTestId('statement')).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByTestId('statement-print')).toBeVisible();
    await expect(page.locator('aside')).toBeVisible();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/statement-screen-1280.png`, fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.locator('aside')).toBeHidden();
    await expect(page.getByTestId('statement-toolbar')).toBeHidden();
    await expect(page.getByTestId('statement-print')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(page.getByTestId('statement')).toBeVisible();
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('[data-testid="statement"]')!).color,
    }));
    expect(colours).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
    // The categories table fits the page: nothing is cut off at the right edge.
    const fits = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="statement-categories"]')!;
      return table.scrollWidth <= table.parentElement!.clientWidth + 1;
    });
    expect(fits).toBe(true);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(`${SHOTS}/statement-1001-nl.pdf`, pdf);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.goto('/actors/1001/statement?lang=en');
    await expect(page.getByTestId('statement')).toHaveAttribute('lang', 'en');
    fs.writeFileSync(`${SHOTS}/statement-1001-en.pdf`, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  });

  test('the API gives the same wording as the page', async ({ page, context, baseURL }) => {
    await page.goto('/actors/1001/statement?lang=en');
    const removal = await page.getByTestId('statement-removal').textContent();
    const r = await context.request.get('/api/v1/actors/1001/statement?lang=en', { headers: { Origin: new URL(baseURL!).origin } });
    expect(r.status()).toBe(200);
    const body = (await r.json()) as { lang: string; report: { removal: { date: string } }; text: { removal: string } };
    expect(body.lang).toBe('en');
    expect(body.report.removal.date).toBe('2029-08-10');
    expect(body.text.removal).toBe(removal);
    expect((await context.request.get('/api/v1/actors/1001/statement?lang=fr', { headers: { Origin: new URL(baseURL!).origin } })).status()).toBe(400);
  });

  test('fits a phone: no sideways scrolling of the page, no serious axe violation', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/actors/1001/statement?lang=en');
    await expect(page.getByTestId('statement')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, 'statement at 390 px');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/statement-screen-390.png`, fullPage: true });
  });
});

test.describe('the retention statement as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('is forbidden, on the screen and in the API', async ({ page, context, baseURL }) => {
    await page.goto('/actors/1001/statement');
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    const r = await context.request.get('/api/v1/actors/1001/statement', { headers: { Origin: new URL(baseURL!).origin } });
    expect(r.status()).toBe(403);
  });
});
