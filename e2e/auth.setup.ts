import { expect, test as setup } from '@playwright/test';
import { authFile, DEMO_PASSWORD, demoEmail, ROLES } from './support/roles';

/*
 * One setup project per role (playwright.config.ts): the demo login signs in through the real
 * login page, and the signed-in state is saved for the specs of that role.
 */
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email address').fill(demoEmail(role));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(role === 'support' ? /\/actors$/ : /\/$/);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.context().storageState({ path: authFile(role) });
  });
}
