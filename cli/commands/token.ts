import type { Db } from '../../db/client';
import { InvalidAuthInputError, UnknownInstanceError } from '../../lib/auth/errors';
import { createApiToken } from '../../lib/auth/tokens';
import { API_TOKEN_DEFAULT_EXPIRY_DAYS, API_TOKEN_MAX_EXPIRY_DAYS, createApiTokenSchema, type CreateApiTokenInput } from '../../lib/validation/auth';
import { fieldErrorsOf } from '../../lib/validation/result';
import { parse, parseInstanceOption } from '../args';
import { EXIT, UsageError } from '../errors';
import { cliChangedBy } from '../who';

const USAGE = `usage: retention token add --role manager|ops|support|admin [--name N] [--instance I] [--expires-days N (1 to ${API_TOKEN_MAX_EXPIRY_DAYS}, default ${API_TOKEN_DEFAULT_EXPIRY_DAYS})]`;

export type TokenArgs = { action: 'add'; input: CreateApiTokenInput };

function problemsOf(fieldErrors: Record<string, string[]>): string {
  return Object.values(fieldErrors)
    .flat()
    .map((m) => `  ${m}`)
    .join('\n');
}

/** `--expires-days`: a whole number of days from 1 to 3650, written as digits; anything else exits 2 naming the flag. */
function parseExpiresDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(days >= 1 && days <= API_TOKEN_MAX_EXPIRY_DAYS))
    throw new UsageError(`--expires-days must be a whole number of days from 1 to ${API_TOKEN_MAX_EXPIRY_DAYS} (got "${value.slice(0, 40)}"); nothing was written\n${USAGE}`);
  return days;
}

/** Parses and validates `token add …` before any database work: bad input exits 2 with nothing written. */
export function parseTokenArgs(argv: string[]): TokenArgs {
  const { values, positionals } = parse(argv, { role: { type: 'string' }, name: { type: 'string' }, instance: { type: 'string' }, 'expires-days': { type: 'string' } });
  const [action, ...rest] = positionals;
  if (action !== 'add') throw new UsageError(action === undefined ? USAGE : `unknown token command "${action}"\n${USAGE}`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"\n${USAGE}`);
  if (values.role === undefined) throw new UsageError(`token add needs --role\n${USAGE}`);
  const expiresDays = parseExpiresDays(values['expires-days']);
  const instanceId = parseInstanceOption(values.instance);
  const raw = {
    role: values.role,
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(expiresDays !== undefined ? { expiresDays } : {}),
    ...(instanceId !== undefined ? { instanceId } : {}),
  };
  const parsed = createApiTokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`invalid API token, nothing was written\n${problemsOf(fieldErrorsOf(parsed.error))}\n${USAGE}`);
  }
  return { action: 'add', input: parsed.data };
}

/**
 * `retention token add`: creates an API token for a role (with `--instance`, tied to that library
 * instance, which must exist) and prints only the token on stdout,
 * this once (only its hash is stored); what happened, and when the token expires, goes to stderr.
 * A token made here has no creator login: it only expires (or is revoked).
 */
export async function tokenCommand(db: Db, args: TokenArgs): Promise<number> {
  try {
    const created = await createApiToken(db, { ...args.input, by: cliChangedBy() });
    process.stdout.write(`${created.token}\n`);
    const tie = created.instanceId === null ? 'not tied to an instance' : `tied to instance ${created.instanceId}`;
    process.stderr.write(`Created API token "${created.name}" (${created.role}, ${tie}); it is shown only this once. Send it as "Authorization: Bearer <token>".\n`);
    process.stderr.write(`It expires at ${created.expiresAt.toISOString()}.\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UnknownInstanceError) throw new UsageError(`--instance ${e.instanceId}: there is no instance ${e.instanceId}; nothing was written`);
    if (e instanceof InvalidAuthInputError) throw new UsageError(`invalid API token, nothing was written\n${problemsOf(e.fieldErrors)}`);
    throw e;
  }
}
