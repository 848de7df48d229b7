import type { Db } from '../../db/client';
import { InvalidAuthInputError } from '../../lib/auth/errors';
import { createApiToken } from '../../lib/auth/tokens';
import { createApiTokenSchema, type CreateApiTokenInput } from '../../lib/validation/auth';
import { fieldErrorsOf } from '../../lib/validation/result';
import { parse } from '../args';
import { EXIT, UsageError } from '../errors';
import { cliChangedBy } from '../who';

const USAGE = 'usage: retention token add --role manager|ops|support|admin [--name N]';

export type TokenArgs = { action: 'add'; input: CreateApiTokenInput };

function problemsOf(fieldErrors: Record<string, string[]>): string {
  return Object.values(fieldErrors)
    .flat()
    .map((m) => `  ${m}`)
    .join('\n');
}

/** Parses and validates `token add …` before any database work: bad input exits 2 with nothing written. */
export function parseTokenArgs(argv: string[]): TokenArgs {
  const { values, positionals } = parse(argv, { role: { type: 'string' }, name: { type: 'string' } });
  const [action, ...rest] = positionals;
  if (action !== 'add') throw new UsageError(action === undefined ? USAGE : `unknown token command "${action}"\n${USAGE}`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"\n${USAGE}`);
  if (values.role === undefined) throw new UsageError(`token add needs --role\n${USAGE}`);
  const raw = { role: values.role, ...(values.name !== undefined ? { name: values.name } : {}) };
  const parsed = createApiTokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`invalid API token, nothing was written\n${problemsOf(fieldErrorsOf(parsed.error))}\n${USAGE}`);
  }
  return { action: 'add', input: parsed.data };
}

/**
 * `retention token add`: creates an API token for a role and prints only the token on stdout,
 * this once (only its hash is stored); what happened goes to stderr.
 */
export async function tokenCommand(db: Db, args: TokenArgs): Promise<number> {
  try {
    const created = await createApiToken(db, { ...args.input, by: cliChangedBy() });
    process.stdout.write(`${created.token}\n`);
    process.stderr.write(`Created API token "${created.name}" (${created.role}); it is shown only this once. Send it as "Authorization: Bearer <token>".\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof InvalidAuthInputError) throw new UsageError(`invalid API token, nothing was written\n${problemsOf(e.fieldErrors)}`);
    throw e;
  }
}
