import { z } from 'zod';
import { USER_ROLES } from '../auth/permissions';
import { hasNoNul, noNulMessage } from './common';

/*
 * Inputs of sign-in, password changes, users and API tokens, shared by the forms, the server
 * actions, the API and the command line. Form values arrive as strings.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
const NAME_MAX_LENGTH = 100;

export const emailSchema = z
  .string({ error: 'email is required' })
  .trim()
  .max(254, { error: 'email must be at most 254 characters' })
  .pipe(z.email({ error: 'email must be an email address such as name@library.example' }))
  .transform((s) => s.toLowerCase());

export const roleSchema = z.enum(USER_ROLES, {
  error: (issue) =>
    `role must be one of ${USER_ROLES.join(', ')}${typeof issue.input === 'string' ? ` (got "${issue.input.slice(0, 40)}")` : ''}`,
});

export const displayNameSchema = z
  .string({ error: 'name must be text' })
  .trim()
  .min(1, { error: 'name must not be blank' })
  .max(NAME_MAX_LENGTH, { error: `name must be at most ${NAME_MAX_LENGTH} characters` })
  .refine(hasNoNul, { error: noNulMessage('name') });

/** A password someone types to sign in: any non-empty text up to the maximum length. */
const enteredPasswordSchema = z
  .string({ error: 'password is required' })
  .min(1, { error: 'password is required' })
  .max(PASSWORD_MAX_LENGTH, { error: `password must be at most ${PASSWORD_MAX_LENGTH} characters` });

/** A password someone chooses. */
export const newPasswordSchema = z
  .string({ error: 'new password is required' })
  .min(PASSWORD_MIN_LENGTH, { error: `new password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `new password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  .refine(hasNoNul, { error: noNulMessage('new password') })
  .refine((s) => s.trim().length > 0, { error: 'new password must not be only spaces' });

export const signInSchema = z.object({
  email: emailSchema,
  password: enteredPasswordSchema,
  next: z.string().max(2000).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: enteredPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: 'repeat the new password' }),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword)
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'the two new passwords are not the same' });
    if (v.newPassword === v.currentPassword)
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'the new password must differ from the current one', params: { i18n: 'sameAsCurrent' } });
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The largest instance id (INTERFACES.md, "Scenario file": at most 2,147,483,647, a PostgreSQL integer). */
export const INSTANCE_ID_MAX = 2_147_483_647;
const INSTANCE_ID_MESSAGE = `instance must be a positive whole number up to ${INSTANCE_ID_MAX}`;

/**
 * The library instance a login or API token is tied to (INTERFACES.md, Roles): a positive whole
 * number up to INSTANCE_ID_MAX. Whether that instance exists is checked when the tie is written.
 */
export const instanceIdSchema = z
  .number({ error: INSTANCE_ID_MESSAGE })
  .int({ error: INSTANCE_ID_MESSAGE })
  .min(1, { error: INSTANCE_ID_MESSAGE })
  .max(INSTANCE_ID_MAX, { error: INSTANCE_ID_MESSAGE });

/** A tie to an instance, or null: not tied (may choose any instance). */
export const instanceTieSchema = instanceIdSchema.nullable();

export const createUserSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  name: displayNameSchema.optional(),
  /** Missing or null: not tied to an instance. */
  instanceId: instanceTieSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userIdSchema = z
  .string({ error: 'user id is required' })
  .trim()
  .min(1)
  .max(100)
  .refine(hasNoNul, { error: noNulMessage('user id') });

export const setUserRoleSchema = z.strictObject({ userId: userIdSchema, role: roleSchema });
export type SetUserRoleInput = z.infer<typeof setUserRoleSchema>;

/** A login's tie to an instance, changed by an admin; null unties it. */
export const setUserInstanceSchema = z.strictObject({ userId: userIdSchema, instanceId: instanceTieSchema });
export type SetUserInstanceInput = z.infer<typeof setUserInstanceSchema>;

/** How long a new API token works unless told otherwise. */
export const API_TOKEN_DEFAULT_EXPIRY_DAYS = 90;
export const API_TOKEN_MAX_EXPIRY_DAYS = 3650;
/** The lifetimes the tokens screen offers. */
export const API_TOKEN_EXPIRY_CHOICES = [30, 90, 180, 365] as const;

/** Days until a new API token expires: a whole number from 1 to 3650 (`token add --expires-days`). */
export const apiTokenExpiryDaysSchema = z
  .number({ error: 'expiry must be a number of days' })
  .int({ error: 'expiry must be a whole number of days' })
  .min(1, { error: `expiry must be 1 to ${API_TOKEN_MAX_EXPIRY_DAYS} days` })
  .max(API_TOKEN_MAX_EXPIRY_DAYS, { error: `expiry must be 1 to ${API_TOKEN_MAX_EXPIRY_DAYS} days` });

/** The tokens screen's choice of lifetime (a form value, so a string): one of API_TOKEN_EXPIRY_CHOICES. */
export const apiTokenExpiryChoiceSchema = z
  .enum(API_TOKEN_EXPIRY_CHOICES.map(String) as [string, ...string[]], { error: `expiry must be one of ${API_TOKEN_EXPIRY_CHOICES.join(', ')} days` })
  .transform(Number);

export const createApiTokenSchema = z.strictObject({
  role: roleSchema,
  name: displayNameSchema.optional(),
  /** Default API_TOKEN_DEFAULT_EXPIRY_DAYS. */
  expiresDays: apiTokenExpiryDaysSchema.optional(),
  /** Missing or null: not tied to an instance (refused when its creator is tied to one). */
  instanceId: instanceTieSchema.optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const apiTokenIdSchema = z.uuid({ error: 'token id must be a token id' });

/**
 * The path to go back to after signing in: only a path of this site (`/settings?x=1`), never an
 * absolute or protocol-relative URL (`https://evil.example`, `//evil.example`, `/\evil.example`),
 * and never the sign-in page itself. Anything else gives `fallback`.
 */
export function safeNextPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  // Control characters (a tab or newline inside "/\t/evil.example") are dropped by URL parsers.
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = 'http://same.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  if (url.pathname === '/login' || url.pathname.startsWith('/api/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
