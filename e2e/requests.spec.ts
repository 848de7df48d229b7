import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_PORT } from './support/paths';
import { authFile, type Role } from './support/roles';

/*
 * Requests about one customer on the actor screen, in a browser, on the demo library: support
 * records a removal request (the confirmation says what will happen, computed now), admin places a
 * legal hold with an end date (the banner at the top; support sees the hold and its end, never its
 * reason), changes nothing else, and releases it. The actors are picked from the generated demo
 * library above the ids other specs read (1001, 1002, 10001–10020): active members not due.
 */

const SHOTS = '/tmp/shots-requests';
const BASE = `http://localhost:${E2E_PORT}`;
const HOLD_REASON = 'Court case 2026/417 (e2e)';

type Report = { found: boolean; active: boolean; removal: { due: boolean; requestedOn: string | null } };

/** The first candidate that is an active member, not due and without a request. */
async function pickActor(request: APIRequestContext, from: number): Promise<number> {
  for (let id = from; id < from + 60; id++) {
    const r = await request.get(`/api/v1/actors/${id}/retention`);
    if (!r.ok()) continue;
    const report = (await r.json()) as Report;
    if (report.found && report.active && !report.removal.due && report.removal.requestedOn === null) return id;
  }
  throw new Error(`no active actor from ${from}`);
}

async function contextFor(browser: Browser, role: Role, width = 1280) {
  const context = await browser.newContext({ storageState: authFile(role), viewport: { width, height: 900 } });
  await context.addCookies([{ name: 'locale', value: 'en', url: BASE }]);
  return context;
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

function isoInAYear(): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

test('support records a removal request: the confirmation says what will happen, then the screen shows the request', async ({ browser }) => {
  const context = await contextFor(browser, 'support');
  const page = await context.newPage();
  const actorId = await pickActor(page.request, 16001);
  await page.goto(`/actors/${actorId}`);
  const panel = page.getByTestId('requests-panel');
  await expect(panel.getByRole('heading', { name: 'Removal on request' })).toBeVisible();
  // Support has no legal-hold form.
  await expect(page.getByTestId('legal-hold-forms')).toHaveCount(0);

  // No reason: named on the field, nothing asked yet.
  await panel.getByRole('button', { name: 'Check what will happen' }).click();
  await expect(panel.getByText('Give a reason')).toBeVisible();

  await panel.getByLabel('Reason').fill('Letter of 1 Dec, ref. DPO-2026-88');
  await panel.getByRole('button', { name: 'Check what will happen' }).click();
  const preview = page.getByTestId('removal-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('What happens when you record this request today');
  await expect(preview.getByTestId('preview-outcome')).toHaveText(/Removed by the next cleanup run|Kept until/);
  const report = (await (await page.request.get(`/api/v1/actors/${actorId}/retention`)).json()) as Report;
  expect(report.removal.requestedOn).toBeNull(); // the check saved nothing
  await expect(preview).toContainText('A request cannot be withdrawn.');
  await shoot(page, 'request-confirm');

  await preview.getByRole('button', { name: 'Record the removal request' }).click();
  await expect(page.getByTestId('removal-request-recorded')).toContainText('A removal request of');
  await expect(page.getByTestId('removal-requested-on')).toBeVisible();
  await expect(page.getByTestId('request-label')).toContainText('Removal requested');
  const after = (await (await page.request.get(`/api/v1/actors/${actorId}/retention`)).json()) as Report;
  expect(after.removal.requestedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(after.active).toBe(false);
  await shoot(page, 'request-recorded');
  await context.close();
});

test('admin places a legal hold with an end date, support sees it without its reason, admin releases it', async ({ browser }) => {
  // Two people at work: the admin places and releases the hold, support looks between, each page a server render.
  test.setTimeout(60_000);
  const until = isoInAYear();
  const admin = await contextFor(browser, 'admin');
  const page = await admin.newPage();
  const actorId = await pickActor(page.request, 17001);
  await page.goto(`/actors/${actorId}`);
  await expect(page.getByTestId('legal-hold-banner')).toHaveCount(0);
  const forms = page.getByTestId('legal-hold-forms');

  // An end date that is not after today is refused, named on the field.
  await forms.getByLabel('End date').fill('2020-01-01');
  await forms.getByLabel('Reason', { exact: true }).fill(HOLD_REASON);
  await forms.getByRole('button', { name: 'Place legal hold' }).click();
  await expect(forms.getByText('The end date must be after today')).toBeVisible();
  await expect(page.getByTestId('legal-hold-banner')).toHaveCount(0);

  // The refused values stay to correct.
  await expect(forms.getByLabel('Reason', { exact: true })).toHaveValue(HOLD_REASON);
  await forms.getByLabel('End date').fill(until);
  await forms.getByRole('button', { name: 'Place legal hold' }).click();
  const banner = page.getByTestId('legal-hold-banner');
  await expect(banner).toContainText('Legal hold: nothing of this customer is deleted until');
  await expect(banner.locator(`time[datetime="${until}"]`)).toBeVisible();
  await expect(banner).toContainText(HOLD_REASON);
  await expect(page.getByTestId('summary-legal-hold')).toBeVisible();
  await expect(page.getByTestId('reasons').locator('[data-code="LEGAL_HOLD"]')).toBeVisible();
  await expect(page.getByTestId('reason-bar').and(page.locator('[data-code="LEGAL_HOLD"]'))).toHaveAttribute('data-until', until);
  expect(await page.getByTestId('hold-band').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('hold-label').first()).toContainText('Legal hold until');
  // Every record goes on or after the hold's end.
  const ends = await page.getByTestId('bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-end')).filter((d): d is string => !!d));
  for (const end of ends) expect(end >= until, end).toBe(true);
  await shoot(page, 'hold-admin');

  // Support: the hold and its end, never its reason (not on the page, not in the data sent with it).
  const support = await contextFor(browser, 'support');
  const supportPage = await support.newPage();
  await supportPage.goto(`/actors/${actorId}`);
  const supportBanner = supportPage.getByTestId('legal-hold-banner');
  await expect(supportBanner).toContainText('Legal hold: nothing of this customer is deleted until');
  await expect(supportBanner.locator(`time[datetime="${until}"]`)).toBeVisible();
  await expect(supportBanner).toContainText('Only an admin sees the reason');
  expect(await supportPage.content()).not.toContain(HOLD_REASON);
  await expect(supportPage.getByTestId('legal-hold-forms')).toHaveCount(0);
  await shoot(supportPage, 'hold-support');
  await support.close();

  // Admin releases it with a reason.
  await forms.getByLabel('Reason for releasing').fill('Case 2026/417 closed (e2e)');
  await forms.getByRole('button', { name: 'Release the legal hold' }).click();
  await expect(page.getByText('Legal hold released.')).toBeVisible();
  await expect(page.getByTestId('legal-hold-banner')).toHaveCount(0);
  await expect(page.getByTestId('reasons').locator('[data-code="LEGAL_HOLD"]')).toHaveCount(0);
  await admin.close();
});

test('the overview and the cleanup screen count actors on legal hold and removal requests waiting', async ({ browser }) => {
  const admin = await contextFor(browser, 'admin');
  const page = await admin.newPage();
  await page.goto('/');
  await expect(page.getByTestId('count-legal-holds')).toContainText('Actors on legal hold');
  await expect(page.getByTestId('count-removal-requests')).toContainText('Removal requests waiting');
  await page.goto('/cleanup');
  await expect(page.getByTestId('cleanup-legal-holds')).toContainText(/\d/);
  await expect(page.getByTestId('cleanup-removal-requests')).toContainText(/\d/);
  await admin.close();
});
