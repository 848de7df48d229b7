import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { E2E_DATA_DIR, PROJECT_DIR } from './paths';

/** Runs the real command line (`retention …`) against the e2e server's database; its stdout, trimmed. */
export function cli(args: string[]): string {
  return execFileSync(path.join(PROJECT_DIR, 'node_modules/.bin/tsx'), ['cli/index.ts', ...args], {
    cwd: PROJECT_DIR,
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR },
    encoding: 'utf8',
  }).trim();
}
