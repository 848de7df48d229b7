import type { Page, Route } from '@playwright/test';

/**
 * Answers GET cleanup/status with the server's own answer changed by `patch`: a state the demo
 * does not reach on its own (a run working, a backlog by category, the schedule re-planning).
 *
 * The dashboard polls the status, so a poll may still be in flight when the test ends: its
 * `route.fetch` then fails with "Test ended", or its response or page is gone. No one is left to
 * answer, and such an error, thrown outside any test, would fail the whole run (CI, 2026-12-07:
 * "route.fetch: Test ended."). Only those teardown errors are swallowed; any other is thrown.
 */
export async function patchStatusRoute(page: Page, patch: (status: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  await page.route('**/api/v1/cleanup/status', async (route: Route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, json: patch((await response.json()) as Record<string, unknown>) });
    } catch (error) {
      if (/test ended|disposed|closed/i.test(String(error))) return;
      throw error;
    }
  });
}

/** Makes the open page's live dashboard refetch at once: TanStack Query refetches when the tab regains focus. */
export async function refocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.dispatchEvent(new Event('visibilitychange'));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
  });
}
