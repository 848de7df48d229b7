import { expect, test, type Page } from '@playwright/test';
import { addDays, todayIn } from '../lib/retention/dates';
import { expectNoSeriousViolations, pageFitsViewport } from './support/axe';
import { showScheduleRebuilding } from './support/forecast';
import { authFile, type Role } from './support/roles';

/*
 * The accessibility sweep: every screen, as every role that may see it, on a desktop (1280 px)
 * and a phone (390 px, in English and in Dutch): no serious or critical axe-core violation, no
 * sideways scrolling of the page on the phone, and the keyboard path from the top of the page
 * (the skip link, then the header and the main navigation, or the menu button on a phone), each
 * stop with a visible focus indicator.
 */

type Who = Role | 'signedOut';

type Screen = {
  path: string;
  /** Who looks at it: every role that may see the screen (or a visitor without a session). */
  who: readonly Who[];
  /** The page's h1, to know it has rendered. */
  heading: string | RegExp;
  /** False for pages outside the dashboard shell (sign-in, password, not allowed, not found): no main navigation. */
  shell?: false;
  /** What this entry shows beyond the path, for the test's name (a state the page is put in). */
  variant?: string;
  /** Puts the rendered page in that state before the sweep. */
  prepare?: (page: Page) => Promise<void>;
  /** Views (VIEWS labels) with a known violation that is not fixed yet, and why: marked test.fixme. */
  fixme?: { views: readonly string[]; reason: string };
};

const MANAGERS = ['manager', 'ops', 'admin'] as const;
const TODAY = todayIn('Europe/Amsterdam');

/** Every screen of the product. Add new screens here (e.g. /settings, /reports, /actors, /actors/1001). */
export const SCREENS: readonly Screen[] = [
  { path: '/login', who: ['signedOut'], heading: 'Sign in', shell: false },
  { path: '/change-password', who: ['manager'], heading: 'Change password', shell: false },
  { path: '/forbidden', who: ['support'], heading: 'Not allowed', shell: false },
  { path: '/no-such-page', who: ['signedOut', 'manager'], heading: 'Page not found', shell: false },
  { path: '/', who: MANAGERS, heading: 'Overview' },
  { path: '/cleanup', who: MANAGERS, heading: 'Cleanup' },
  // The job panel while the retention schedule is being re-planned (as a status answer says).
  { path: '/cleanup', who: ['ops'], heading: 'Cleanup', variant: 'schedule re-planned', prepare: showScheduleRebuilding },
  // The report of the last 30 days and, under it, the forecast panel.
  { path: '/reports', who: MANAGERS, heading: 'Deleted customer records per day' },
  { path: '/settings', who: MANAGERS, heading: 'Settings' },
  { path: '/actors', who: ['support', 'admin'], heading: 'Actor lookup' },
  { path: '/actors/1001', who: ['support', 'admin'], heading: 'Actor 1001' },
  { path: '/actors/999999', who: ['support'], heading: 'Actor 999999' },
  { path: '/policy', who: MANAGERS, heading: 'Retention policy' },
  { path: '/selections', who: ['manager', 'admin'], heading: 'Selections' },
  // With a borrowing period: the loan coverage, the loans per month and the items download.
  { path: `/selections?instanceId=1&borrowedFrom=${addDays(TODAY, -1095)}&borrowedTo=${TODAY}`, who: ['manager'], heading: 'Selections' },
  // A bad criterion: the message beside its field.
  { path: '/selections?borrowedFrom=2026-02-01', who: ['manager'], heading: 'Selections' },
  { path: '/admin/users', who: ['admin'], heading: 'Users' },
  { path: '/admin/tokens', who: ['admin'], heading: 'API tokens' },
  { path: '/admin/audit', who: ['admin'], heading: 'Audit log' },
  { path: '/admin/access-log', who: ['admin'], heading: 'Access log' },
];

const VIEWS = [
  { label: '1280 px', viewport: { width: 1280, height: 800 }, locale: 'en' },
  { label: '390 px', viewport: { width: 390, height: 844 }, locale: 'en' },
  { label: '390 px, Dutch', viewport: { width: 390, height: 844 }, locale: 'nl' },
] as const;

type FocusStop = { tag: string; name: string; visible: boolean; focusShown: boolean; inMainNav: boolean; isMenuButton: boolean; isSkipLink: boolean };

/** What has the keyboard focus now: where it is and whether the user can see that it is there. */
function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      visible: rect.width > 0 && rect.height > 0,
      focusShown: outline || shadow,
      inMainNav: el.closest('nav[aria-label]') !== null && el.closest('aside, details') !== null,
      isMenuButton: el.tagName === 'SUMMARY',
      isSkipLink: el.getAttribute('href') === '#main',
    };
  });
}

/** Tabs from the top of the page through up to `max` stops; every stop must show its focus. */
async function tabFromTop(page: Page, max = 30): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (!stop) break;
    stops.push(stop);
    expect(stop.visible, `focus stop ${i + 1} (${stop.tag} "${stop.name}") is visible`).toBe(true);
    expect(stop.focusShown, `focus stop ${i + 1} (${stop.tag} "${stop.name}") shows a focus indicator`).toBe(true);
  }
  return stops;
}

/** Shift+Tab from the focused element reaches the skip link within a few stops, each shown; then back. */
async function expectSkipLinkBehind(page: Page, max = 6): Promise<void> {
  let steps = 0;
  for (; steps < max; steps++) {
    await page.keyboard.press('Shift+Tab');
    const stop = await focusStop(page);
    expect(stop, 'Shift+Tab stays on the page').not.toBeNull();
    expect(stop!.focusShown, `Shift+Tab stop ${stop!.tag} "${stop!.name}" shows a focus indicator`).toBe(true);
    if (stop!.isSkipLink) break;
  }
  expect(steps, 'Shift+Tab from the autofocused field reaches the skip link').toBeLessThan(max);
  for (let i = 0; i <= steps; i++) await page.keyboard.press('Tab');
}

// axe on a full screen takes a few seconds on a busy machine.
test.describe.configure({ timeout: 60_000 });

for (const screen of SCREENS) {
  for (const who of screen.who) {
    test.describe(`${screen.path}${screen.variant ? ` (${screen.variant})` : ''} ${who === 'signedOut' ? 'signed out' : `as ${who}`}`, () => {
      test.use({ storageState: who === 'signedOut' ? { cookies: [], origins: [] } : authFile(who) });

      for (const view of VIEWS) {
        const define = screen.fixme?.views.includes(view.label) ? test.fixme : test;
        define(`at ${view.label}: axe, fit and keyboard`, async ({ page, context, baseURL }) => {
          await context.addCookies([{ name: 'locale', value: view.locale, url: baseURL! }]);
          await page.setViewportSize(view.viewport);
          await page.goto(screen.path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          if (view.locale === 'en') await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
          await expect(page.locator('html')).toHaveAttribute('lang', view.locale);
          // Screens that stream or fetch parts (the overview's counts, the cleanup's status) settle
          // first: no loading placeholder left. (Not networkidle: the cleanup screen polls.)
          await expect(page.locator('.animate-pulse')).toHaveCount(0, { timeout: 20_000 });
          await screen.prepare?.(page);

          await expectNoSeriousViolations(page, `${screen.path} as ${who} at ${view.label}`);

          if (view.viewport.width < 500) {
            const { scrollWidth, innerWidth } = await pageFitsViewport(page);
            expect(scrollWidth, `${screen.path} is no wider than the phone`).toBeLessThanOrEqual(innerWidth);
          }

          // A form that puts the focus in its first field (sign-in, change password) starts there;
          // the skip link is then one Shift+Tab path back, and Tab goes on from the field.
          const autofocused = await focusStop(page);
          if (autofocused) {
            expect(autofocused.focusShown, `the autofocused ${autofocused.tag} shows its focus`).toBe(true);
            await expectSkipLinkBehind(page);
          }
          const stops = await tabFromTop(page);
          if (!autofocused) expect(stops[0]?.isSkipLink, 'the first Tab reaches the skip link').toBe(true);
          if (screen.shell !== false) {
            const reached = view.viewport.width < 1024 ? stops.some((s) => s.isMenuButton) : stops.some((s) => s.inMainNav);
            expect(reached, `Tab reaches the ${view.viewport.width < 1024 ? 'menu button' : 'main navigation'}`).toBe(true);
            if (view.viewport.width < 1024) {
              // The menu opens by keyboard and its first link takes the focus visibly.
              await page.locator('header summary').first().focus();
              await page.keyboard.press('Enter');
              await expect(page.getByRole('navigation').first()).toBeVisible();
              await page.keyboard.press('Tab');
              const first = await focusStop(page);
              expect(first?.tag, 'Tab after opening the menu reaches a link').toBe('a');
              expect(first?.focusShown, 'the menu link shows its focus').toBe(true);
            }
          } else {
            expect(stops.length, 'Tab reaches the controls of the page').toBeGreaterThan(1);
          }
        });
      }
    });
  }
}
