import path from 'node:path';
import { z } from 'zod';

/**
 * The process environment, read once and validated. Nothing else in the project reads
 * `process.env`; every setting has a default that works on a fresh clone.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Port of the embedded PostgreSQL; 0 picks a free one on first start and keeps it. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  RETENTION_TIME_ZONE: z.string().min(1).default('Europe/Amsterdam'),
  CLEANUP_WORKER: z.enum(['on', 'off']).default('on'),
  CLEANUP_INTERVAL_MINUTES: z.coerce.number().positive().default(10),
  CLEANUP_BATCH_ACTORS: z.coerce.number().int().min(1).max(100_000).default(5000),
  CLEANUP_TIME_BUDGET_SECONDS: z.coerce.number().positive().default(480),
  CLEANUP_ROW_LIMIT: z.coerce.number().int().positive().default(5_000_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; throws a readable error naming the bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path.join('.'))}: ${issue?.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** Absolute data folder of the embedded PostgreSQL. */
export function getDataDir(): string {
  return path.resolve(getEnv().DATA_DIR);
}
