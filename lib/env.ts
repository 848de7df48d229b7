import path from 'node:path';
import { z } from 'zod';
import { todayIn, type IsoDate } from './retention/dates';

/**
 * The process environment, read once and validated. Nothing else in the project reads
 * `process.env`; every setting has a default that works on a fresh clone.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The address `npm start` listens on: 127.0.0.1 by default, since the demo logins have a known
   * password; `HOST=0.0.0.0` (or `::`) serves on every interface.
   */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Proxies whose `X-Forwarded-For` is believed (comma-separated IP addresses or CIDR ranges, e.g.
   * `127.0.0.1,10.0.0.0/8`). Empty (the default): the header is ignored and the connection's own
   * address counts, so a client cannot pick the address the sign-in rate limit keys on.
   */
  TRUSTED_PROXIES: z.string().default(''),
  /** Port of the embedded PostgreSQL; 0 picks a free one on first start and keeps it. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  RETENTION_TIME_ZONE: z.string().min(1).default('Europe/Amsterdam'),
  CLEANUP_WORKER: z.enum(['on', 'off']).default('on'),
  CLEANUP_INTERVAL_MINUTES: z.coerce.number().positive().default(10),
  CLEANUP_BATCH_ACTORS: z.coerce.number().int().min(1).max(100_000).default(5000),
  CLEANUP_TIME_BUDGET_SECONDS: z.coerce.number().positive().default(480),
  CLEANUP_ROW_LIMIT: z.coerce.number().int().positive().default(5_000_000),
  /** How long a cleanup batch waits for a row another session holds before it gives up. */
  CLEANUP_LOCK_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(2000),
  /** How often the worker's scheduler checks the schedule (pg-boss; tests make it short). */
  CLEANUP_CRON_CHECK_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Signs session cookies. When unset, one is made on first start and kept in the database
   * (table system_secrets), so a fresh clone works and every instance shares it.
   */
  AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  /** The dashboard's public origin (https://retention.example.org); default http://localhost:PORT. */
  AUTH_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((u) => new URL(u).origin)
    .optional(),
  /** Sign-in attempts allowed per client address and window; 0 turns the limit off (tests, scripts). */
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(0).max(100_000).default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Failed sign-ins in a row per e-mail address (from any client address) before each further
   * attempt waits a delay that doubles with every failure, up to 15 minutes (table sign_in_failures).
   */
  SIGN_IN_FAILURES_FREE: z.coerce.number().int().min(1).max(1000).default(10),
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

/** The origin the dashboard is reached at: AUTH_URL, else http://localhost:PORT. */
export function getPublicOrigin(): string {
  const env = getEnv();
  return env.AUTH_URL ?? `http://localhost:${env.PORT}`;
}

/** Absolute data folder of the embedded PostgreSQL. */
export function getDataDir(): string {
  return path.resolve(getEnv().DATA_DIR);
}

/** "Today" for the rules, reports and screens: the date in RETENTION_TIME_ZONE. */
export function retentionToday(now: Date = new Date()): IsoDate {
  return todayIn(getEnv().RETENTION_TIME_ZONE, now);
}
