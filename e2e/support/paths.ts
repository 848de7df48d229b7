import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The end-to-end tests' own data folder: a fresh embedded PostgreSQL for every run, never `.data`. */
export const E2E_DATA_DIR = path.join(PROJECT_DIR, '.data-e2e');

/** The port of the e2e server; E2E_PORT moves it (two checkouts testing at once on one machine). */
export const E2E_PORT = Number(process.env.E2E_PORT) || 3210;
