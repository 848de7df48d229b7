import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../db/client';
import { applyMigrations } from '../../db/connect';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../db/embedded';

export const TEMPLATE_DB = 'retention_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

let server: EmbeddedServer | undefined;
let dataDir: string | undefined;

/**
 * One embedded PostgreSQL for the whole test run (fsync off, loopback only), with a migrated
 * template database; every test file clones its own database from the template (tests/helpers/db.ts).
 * TEST_DATABASE_URL points the tests at another server instead.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-test-'));
    fs.chmodSync(dataDir, 0o755);
    server = await startEmbeddedPostgres({
      dataDir,
      serverSettings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    url = server.url;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(url, TEMPLATE_DB);
  const db = createDb(templateUrl);
  await applyMigrations(db);
  await db.$client.end();
  project.provide('pgServerUrl', url);

  return async () => {
    if (server) await server.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
