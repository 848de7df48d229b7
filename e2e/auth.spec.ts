import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR, E2E_PORT, PROJECT_DIR } from './support/paths';

const run = promisify(execFile);

/** `retention user add` against the e2e database; returns the one-time password it prints. */
async function addUser(email: string, role: string): Promise<string> {
  const { stdout } = await run(path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx'), ['cli/index.ts', 'user', 'add', '--email', email, '--role', role], {
    cwd: PROJECT_DIR,
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, PORT: String(E2E_PORT) },
  });
  return stdout.trim();
}

test.describe('sign-in', () => {
  test('a new login signs in with its one-time password, must choose a password, signs out', async ({ page }) => {
    const email = `e2e-${Date.now()}@library.example`;
    const oneTimePassword = await addUser(email, 'manager');

    await page.goto('/login?next=/forbidden');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('certainly not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText('The email address or the password is not right.');
    // The email stays; the password is cleared.
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page.getByLabel('Password')).toHaveValue('');

    await page.getByLabel('Password').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/change-password\?next=%2Fforbidden$/);
    await expect(page.getByText('You signed in with a one-time password.')).toBeVisible();

    // Nothing else is open until the password is changed.
    await page.goto('/forbidden');
    await expect(page).toHaveURL(/\/forbidden$/);

    await page.goto('/change-password?next=/forbidden');
    await page.getByLabel('Current password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('new password must be at least 12 characters')).toBeVisible();

    await page.getByLabel('Current password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('my own long password');
    await page.getByLabel('New password again').fill('my own long password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByText('Your role (manager) may not use that page')).toBeVisible();

    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name.endsWith('retention.session_token'))).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/change-password');
    await expect(page).toHaveURL(/\/login\?next=%2Fchange-password$/);

    // Signed in again with the chosen password: straight to the page asked for, no forced change.
    await page.getByLabel('Email address').fill(email.toUpperCase());
    await page.getByLabel('Password').fill('my own long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/change-password$/);
    await expect(page.getByText('Your other sessions are signed out when the password changes.')).toBeVisible();
    await expect(page.getByText('You signed in with a one-time password.')).toHaveCount(0);
  });

  test('never sends anyone to another site after signing in', async ({ page }) => {
    const email = `e2e-next-${Date.now()}@library.example`;
    const oneTimePassword = await addUser(email, 'support');
    await page.goto('/login?next=//evil.example/steal');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/change-password$/);
  });

  test('the auth endpoints offer no sign-up', async ({ request }) => {
    const response = await request.post('/api/auth/sign-up/email', { data: { email: 'x@library.example', password: 'long enough password', name: 'x' } });
    expect(response.status()).toBe(404);
  });
});
