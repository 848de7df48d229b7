import type { Db } from '../../db/client';
import { EmailTakenError, InvalidAuthInputError, UnknownInstanceError } from '../../lib/auth/errors';
import { createUser, ONE_TIME_PASSWORD_HOURS } from '../../lib/auth/users';
import { createUserSchema, type CreateUserInput } from '../../lib/validation/auth';
import { fieldErrorsOf } from '../../lib/validation/result';
import { parse, parseInstanceOption } from '../args';
import { EXIT, UsageError } from '../errors';
import { cliChangedBy } from '../who';

const USAGE = 'usage: retention user add --email E --role manager|ops|support|admin [--name N] [--instance I]';

export type UserArgs = { action: 'add'; input: CreateUserInput };

function problemsOf(fieldErrors: Record<string, string[]>): string {
  return Object.values(fieldErrors)
    .flat()
    .map((m) => `  ${m}`)
    .join('\n');
}

/** Parses and validates `user add …` before any database work: bad input exits 2 with nothing written. */
export function parseUserArgs(argv: string[]): UserArgs {
  const { values, positionals } = parse(argv, { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, instance: { type: 'string' } });
  const [action, ...rest] = positionals;
  if (action !== 'add') throw new UsageError(action === undefined ? USAGE : `unknown user command "${action}"\n${USAGE}`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"\n${USAGE}`);
  if (values.email === undefined) throw new UsageError(`user add needs --email\n${USAGE}`);
  if (values.role === undefined) throw new UsageError(`user add needs --role\n${USAGE}`);
  const instanceId = parseInstanceOption(values.instance);
  const raw = {
    email: values.email,
    role: values.role,
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(instanceId !== undefined ? { instanceId } : {}),
  };
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`invalid login, nothing was written\n${problemsOf(fieldErrorsOf(parsed.error))}\n${USAGE}`);
  }
  return { action: 'add', input: parsed.data };
}

/**
 * `retention user add`: creates the login (with `--instance`, tied to that library instance, which
 * must exist) and prints only its one-time password on stdout (so it can be piped); what happened
 * goes to stderr.
 */
export async function userCommand(db: Db, args: UserArgs): Promise<number> {
  try {
    const created = await createUser(db, { ...args.input, by: cliChangedBy() });
    process.stdout.write(`${created.oneTimePassword}\n`);
    const tie = created.instanceId === null ? 'not tied to an instance' : `tied to instance ${created.instanceId}`;
    process.stderr.write(`Created login ${created.email} (${created.role}, ${tie}); the one-time password above must be changed at the first sign-in and works for ${ONE_TIME_PASSWORD_HOURS} hours.\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof EmailTakenError) throw new UsageError(`${e.message}; nothing was written`);
    if (e instanceof UnknownInstanceError) throw new UsageError(`--instance ${e.instanceId}: there is no instance ${e.instanceId}; nothing was written`);
    if (e instanceof InvalidAuthInputError) throw new UsageError(`invalid login, nothing was written\n${problemsOf(e.fieldErrors)}`);
    throw e;
  }
}
