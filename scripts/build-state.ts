import fs from 'node:fs';
import path from 'node:path';

/**
 * What the production build is made from: a change to any of these makes the build stale. The
 * messages and i18n are bundled into the pages too (a changed text alone must rebuild), and so is
 * proxy.ts.
 */
const BUILD_INPUT_DIRS = ['app', 'components', 'server', 'lib', 'db', 'public', 'messages', 'i18n'];
const BUILD_INPUT_FILES = ['next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'proxy.ts'];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const name of fs.readdirSync(entry)) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/**
 * Whether `.next` holds a production build that is at least as new as every source it is made of.
 * Returns the reason when it does not, so `npm start` can say why it builds.
 */
export function getBuildState(projectDir: string): { isCurrent: true } | { isCurrent: false; reason: string } {
  const buildId = path.join(projectDir, '.next', 'BUILD_ID');
  let builtAt: number;
  try {
    builtAt = fs.statSync(buildId).mtimeMs;
  } catch {
    return { isCurrent: false, reason: 'no build found' };
  }
  for (const input of [...BUILD_INPUT_DIRS, ...BUILD_INPUT_FILES]) {
    if (newestMtime(path.join(projectDir, input)) > builtAt) {
      return { isCurrent: false, reason: `${input} changed since the last build` };
    }
  }
  return { isCurrent: true };
}
