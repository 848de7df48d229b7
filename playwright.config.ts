import fs from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { E2E_DATA_DIR, E2E_PORT } from './e2e/support/paths';
import { ROLES } from './e2e/support/roles';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser for the end-to-end tests: the system Chromium where there is one (Debian's package;
 * Playwright's download does not work on the build machines), else Playwright's own. With neither,
 * the run fails here, before anything is built, with the way to get one: never a silent skip.
 */
function findBrowser(): string | undefined {
  if (fs.existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  if (own && fs.existsSync(own)) return undefined; // Playwright's default
  throw new Error(
    [
      'No browser for the end-to-end tests.',
      `Neither ${SYSTEM_CHROMIUM} nor Playwright's own Chromium${own ? ` (${own})` : ''} exists. Install one:`,
      '  - Debian/Ubuntu (as root):  apt-get update && apt-get install -y chromium',
      '  - on a machine with internet access:  npx playwright install chromium',
      'then run the tests again.',
    ].join('\n'),
  );
}

// The tests open the dashboard at its default public origin (http://localhost:PORT, which Better
// Auth trusts); the server listens on 127.0.0.1 (HOST's default), which browsers and Playwright's
// request client reach at `localhost` even where that name resolves to ::1 first (they try every
// address). The readiness probe names 127.0.0.1 itself, so that no name lookup is involved.
const baseURL = `http://localhost:${E2E_PORT}`;

const browser = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: findBrowser(),
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalTeardown: './e2e/support/global-teardown.ts',
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // One setup project per role: signs the demo login in through the login page and saves the state.
    ...ROLES.map((role) => ({
      name: `setup-${role}`,
      testMatch: /auth\.setup\.ts$/,
      grep: new RegExp(`sign in as ${role}$`),
      use: browser,
    })),
    {
      name: 'chromium',
      use: browser,
      dependencies: ROLES.map((role) => `setup-${role}`),
      grepInvert: /@writes-settings|@controls-job/,
    },
    // Tests that change state every other test shares: the demo settings (changed and changed
    // back, @writes-settings) and the cleanup job (paused, resumed, run, @controls-job). They run
    // after every other test is done, one at a time (workers: 1), so that no test sees a setting
    // mid-change or a job another test paused. (Being a dependency, chromium then runs in full
    // even when only one of their files is asked for.)
    {
      name: 'shared-state',
      grep: /@writes-settings|@controls-job/,
      use: browser,
      dependencies: ['chromium'],
      workers: 1,
    },
  ],
  webServer: {
    // The built app, as a user runs it (`npm start` builds when needed), on a new database.
    command: 'node_modules/.bin/tsx e2e/support/reset-data-dir.ts && npm start',
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    // Sign-in is rate-limited per client address; every test signs in from 127.0.0.1.
    env: { DATA_DIR: E2E_DATA_DIR, PORT: String(E2E_PORT), NEXT_TELEMETRY_DISABLED: '1', AUTH_RATE_LIMIT_MAX: '0' },
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
