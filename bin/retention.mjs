#!/usr/bin/env node
// The `retention` command: runs the TypeScript command line with tsx's loader in this one Node
// process tree (node --import tsx), which starts faster than tsx's own wrapper.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const loader = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs');
const result = spawnSync(process.execPath, ['--import', pathToFileURL(loader).href, path.join(root, 'cli', 'index.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
