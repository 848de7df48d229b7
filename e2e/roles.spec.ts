import { expect, test, type Page } from '@playwright/test';
import { authFile, DEMO_PASSWORD, demoEmail, ROLES, type Role } from './support/roles';

/*
 * Each demo role, signed in through the login page (auth.setup.ts): the navigation shows exactly
 * the screens the role may use, in English and in Dutch; every other screen is refused.
 */

type Screen = { href: string; en: string; nl: string };

const SCREENS: Record<string, Screen> = {
  overview: { href: '/', en: 'Overview', nl: 'Overzicht' },
  settings: { href: '/settings', en: 'Settings', nl: 'Instellingen' },
  policy: { href: '/policy', en: 'Policy', nl: 'Bewaarbeleid' },
  reports: { href: '/reports', en: 'Reports', nl: 'Rapporten' },
  cleanup: { href: '/cleanup', en: 'Cleanup', nl: 'Opschoonroutine' },
  selections: { href: '/selections', en: 'Selections', nl: 'Selecties' },
  actors: { href: '/actors', en: 'Actors', nl: 'Klanten' },
  users: { href: '/admin/users', en: 'Users', nl: 'Gebruikers' },
  tokens: { href: '/admin/tokens', en: 'API tokens', nl: 'API-tokens' },
  audit: { href: '/admin/audit', en: 'Audit log', nl: 'Auditlog' },
  accessLog: { href: '/admin/access-log', en: 'Access log', nl: 'Toegangslog' },
};

// INTERFACES.md "Roles", written out.
const MANAGER = ['overview', 'settings', 'policy', 'reports', 'cleanup'];
const NAV: Record<Role, string[]> = {
  manager: [...MANAGER, 'selections'],
  ops: MANAGER,
  support: ['actors'],
  admin: Object.keys(SCREENS),
};

const ROLE_NAME: Record<Role, { en: string; nl: string; user: string }> = {
  manager: { en: 'Manager', nl: 'Manager', user: 'Demo manager' },
  ops: { en: 'Ops', nl: 'Technisch beheer', user: 'Demo ops' },
  support: { en: 'Support', nl: 'Klantenservice', user: 'Demo support' },
  admin: { en: 'Admin', nl: 'Beheerder', user: 'Demo admin' },
};

const header = (page: Page) => page.getByRole('banner');

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: authFile(role) });

    test('the navigation shows exactly what the role may use, in English and in Dutch', async ({ page }) => {
      // An admin opens every screen of the product, each a server render on a busy two-core CI machine.
      test.setTimeout(90_000);
      await page.goto('/');
      await expect(page).toHaveURL(role === 'support' ? /\/actors$/ : /\/$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');

      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(NAV[role].map((k) => SCREENS[k]!.en));
      await expect(header(page)).toContainText(ROLE_NAME[role].user);
      await expect(header(page)).toContainText(`Role: ${ROLE_NAME[role].en}`);
      await expect(header(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

      // Every entry opens its screen, marked as the current page.
      for (const key of NAV[role]) {
        const screen = SCREENS[key]!;
        await nav.getByRole('link', { name: screen.en, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${screen.href === '/' ? '/' : screen.href}$`));
        await expect(nav.getByRole('link', { name: screen.en, exact: true })).toHaveAttribute('aria-current', 'page');
        // A screen's first render after the build loads its code (reports and cleanup: several seconds on a busy machine).
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
      }

      await header(page).getByRole('button', { name: 'Nederlands' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      const navNl = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await expect(navNl.getByRole('link')).toHaveText(NAV[role].map((k) => SCREENS[k]!.nl));
      await expect(header(page)).toContainText(`Rol: ${ROLE_NAME[role].nl}`);
      await expect(header(page).getByRole('button', { name: 'Afmelden' })).toBeVisible();
      await expect(header(page).getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');

      // The choice is kept (a cookie) across pages and reloads.
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      await expect(page.getByRole('link', { name: 'Dashboard bewaartermijnen' })).toBeVisible();

      await header(page).getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(NAV[role].map((k) => SCREENS[k]!.en));
    });

    // One test per screen, so a slow first compile of one page does not eat the others' time.
    for (const [key, screen] of Object.entries(SCREENS)) {
      if (NAV[role].includes(key)) continue;
      test(`${screen.href}, outside the role’s navigation, is refused`, async ({ page }) => {
        await page.goto(screen.href);
        if (role === 'support' && screen.href === '/') {
          await expect(page).toHaveURL(/\/actors$/);
          return;
        }
        await expect(page, screen.href).toHaveURL(/\/forbidden$/);
        await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
        await expect(page.getByText(`Your role (${ROLE_NAME[role].en}) may not use that page`)).toBeVisible();
      });
    }
  });
}

test.describe('the shell', () => {
  test('a visitor without a session is sent to sign in and back to the page asked for', async ({ page }) => {
    await page.goto('/admin/audit?kind=user');
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit%3Fkind%3Duser$/);
    await page.getByLabel('Email address').fill(demoEmail('admin'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?kind=user$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

    // Signing out ends this session only; the saved sessions of the other tests stay.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
  });

  test('the login page follows the browser’s language until one is chosen', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
    await page.getByLabel('E-mailadres').fill(demoEmail('manager'));
    await page.getByLabel('Wachtwoord').fill('not the password');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await context.close();
  });

  test.describe('on a phone', () => {
    test.use({ storageState: authFile('ops'), viewport: { width: 390, height: 844 } });

    test('the navigation sits behind a menu button', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      await page.getByText('Menu', { exact: true }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(NAV.ops.map((k) => SCREENS[k]!.en));
      await nav.getByRole('link', { name: 'Reports' }).click();
      await expect(page).toHaveURL(/\/reports$/);
      // Closed again after navigating.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    });
  });
});

test.describe('admin screens', () => {
  test.use({ storageState: authFile('admin') });

  test('admin creates a login and sees its one-time password once; the new login must change it', async ({ page, browser }) => {
    // Two people, two password hashes, a sign-in, a forced change and six page loads: 8–31 s on a
    // busy two-core CI machine, over the default 30 s.
    test.setTimeout(90_000);
    const email = `e2e-created-${Date.now()}@library.example`;
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const create = page.getByRole('region', { name: 'Create a login' });
    await create.getByLabel('Email address').fill(email);
    await create.getByLabel('Name (optional)').fill('Ellen Example');
    await create.getByLabel('Role').selectOption('support');
    await create.getByRole('button', { name: 'Create login' }).click();

    const secret = page.getByRole('region', { name: `One-time password for ${email}` });
    await expect(secret).toBeVisible();
    await expect(secret).toContainText('Shown once');
    const oneTimePassword = (await secret.getByTestId('one-time-secret').textContent())!.trim();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Ellen Example');
    await expect(row).toContainText('Must change password');
    // The form is empty again for the next one.
    await expect(create.getByLabel('Email address')).toHaveValue('');

    // Shown once: gone after hiding it, and after a reload.
    await secret.getByRole('button', { name: 'Done, hide it' }).click();
    await expect(page.getByTestId('one-time-secret')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: email })).toBeVisible();
    await expect(page.getByTestId('one-time-secret')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(oneTimePassword);

    // The new login signs in with it and must choose a password; as support it lands on the actor lookup.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    await other.goto('/login');
    await other.getByLabel('Email address').fill(email);
    await other.getByLabel('Password').fill(oneTimePassword);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other).toHaveURL(/\/change-password$/);
    // Until it is changed, every screen sends them back here (and then on to the screen).
    await other.goto('/settings');
    await expect(other).toHaveURL(/\/change-password\?next=%2Fsettings$/);
    await other.goto('/change-password');
    await other.getByLabel('Current password').fill(oneTimePassword);
    await other.getByLabel('New password', { exact: true }).fill('ellen’s own long password');
    await other.getByLabel('New password again').fill('ellen’s own long password');
    await other.getByRole('button', { name: 'Change password' }).click();
    await expect(other).toHaveURL(/\/actors$/);
    await expect(other.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Actors']);

    // Disabling asks first; cancel changes nothing, confirming signs them out at once.
    await page.getByRole('button', { name: `Disable ${email}` }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${email}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Active');
    await page.getByRole('button', { name: `Disable ${email}` }).click();
    await page.getByRole('dialog', { name: `Disable ${email}?` }).getByRole('button', { name: 'Disable login' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${email} is disabled and signed out.` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: email }).first()).toContainText('Disabled');
    await other.reload();
    await expect(other).toHaveURL(/\/login/);
    await context.close();

    // The audit log shows what was done, by whom.
    await page.goto('/admin/audit?kind=user');
    const created = page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Login created' });
    await expect(created).toContainText('admin@demo.test');
    await expect(page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Login disabled' })).toBeVisible();
  });

  test('admin resets a password behind a confirmation and sees the new one-time password once', async ({ page }) => {
    await page.goto('/admin/users');
    // Not on a demo login the other tests use: create one first.
    const email = `e2e-reset-${Date.now()}@library.example`;
    const create = page.getByRole('region', { name: 'Create a login' });
    await create.getByLabel('Email address').fill(email);
    await create.getByRole('button', { name: 'Create login' }).click();
    const first = await page.getByRole('region', { name: `One-time password for ${email}` }).getByTestId('one-time-secret').textContent();

    await page.getByRole('button', { name: `Reset password: ${email}` }).click();
    await page.getByRole('dialog', { name: `Reset the password of ${email}?` }).getByRole('button', { name: 'Reset password' }).click();
    const secrets = page.getByRole('region', { name: `One-time password for ${email}` });
    await expect(secrets).toHaveCount(2);
    const second = await secrets.nth(1).getByTestId('one-time-secret').textContent();
    expect(second).not.toBe(first);
  });

  test('admin creates an API token, sees it once with a copy button, and revokes it after confirming', async ({ page, request }) => {
    const name = `e2e token ${Date.now()}`;
    await page.goto('/admin/tokens');
    const create = page.getByRole('region', { name: 'Create an API token' });
    await create.getByLabel('Name (optional)').fill(name);
    await create.getByLabel('Role').selectOption('ops');
    await create.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByRole('region', { name: `New API token ${name}` });
    await expect(secret).toContainText('shown only this once');
    await expect(secret.getByRole('button', { name: 'Copy' })).toBeVisible();
    const token = (await secret.getByTestId('one-time-secret').textContent())!.trim();
    expect(token).toMatch(/^rdt_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 8));
    await expect(row).toContainText('Active');
    await expect(row).toContainText('never');

    // The token works until it is revoked.
    const before = await request.get('/api/v1/settings', { headers: { authorization: `Bearer ${token}` } });
    expect(before.status()).toBe(200);

    await row.getByRole('button', { name: `Revoke the token ${name}` }).click();
    await page.getByRole('dialog', { name: `Revoke the token ${name}?` }).getByRole('button', { name: 'Revoke token' }).click();
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Revoked');
    await expect(page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('one-time-secret')).toHaveCount(0);
    const after = await request.get('/api/v1/settings', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
  });

  test('the audit log filters by kind and date', async ({ page }) => {
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
    // The demo library's settings and logins.
    await expect(table.getByRole('row').filter({ hasText: 'Setting changed' }).first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Login created' }).first()).toBeVisible();

    await page.getByLabel('Show').selectOption('settings');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/kind=settings/);
    await expect(table.getByRole('row').filter({ hasText: 'Login created' })).toHaveCount(0);
    await expect(table.getByRole('row').filter({ hasText: 'Setting changed' }).first()).toBeVisible();

    await page.goto('/admin/audit?from=2000-01-01&to=2000-01-31');
    await expect(page.getByText('No entries match these filters.')).toBeVisible();

    await page.goto('/admin/audit?from=2026-02-30');
    await expect(page.getByText('Enter a real date (YYYY-MM-DD).')).toBeVisible();
    await expect(table.getByRole('row').first()).toBeVisible();
  });
});

test('a non-admin opening /admin/users is refused', async ({ browser }) => {
  for (const role of ['manager', 'ops', 'support'] as const) {
    const context = await browser.newContext({ storageState: authFile(role) });
    const page = await context.newPage();
    const response = await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/forbidden$/);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
    await context.close();
  }
});
