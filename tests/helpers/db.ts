import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '@/db/client';

const TEMPLATE_DB = 'retention_template';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export type TestDatabase = { db: Db; url: string; name: string; drop: () => Promise<void> };

/** A fresh database cloned from the migrated template; dropped after the test file. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl');
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, { max: 5 });
  const drop = async () => {
    await db.$client.end().catch(() => undefined);
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return { db, url, name, drop };
}

/** createTestDatabase, dropped automatically after the file's tests. */
export async function setupTestDatabase(label?: string): Promise<TestDatabase> {
  const t = await createTestDatabase(label);
  afterAll(() => t.drop());
  return t;
}
