import { z } from 'zod';
import { apiTokenExpiryChoiceSchema, apiTokenIdSchema, displayNameSchema, emailSchema, roleSchema, userIdSchema } from './auth';

/*
 * The admin screens' forms (users and API tokens), as their server actions read them from
 * FormData: every value is a string or missing, and an optional text left empty means "not given".
 * The rules themselves are the ones of ./auth, shared with the command line.
 */

/** An optional text field: blank or missing means not given. */
const optionalText = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());

export const createUserFormSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  name: optionalText(displayNameSchema),
});
export type CreateUserFormInput = z.infer<typeof createUserFormSchema>;

export const changeUserRoleFormSchema = z.strictObject({ userId: userIdSchema, role: roleSchema });
export type ChangeUserRoleFormInput = z.infer<typeof changeUserRoleFormSchema>;

/** Disable, enable and reset password: the login they act on. */
export const userIdFormSchema = z.strictObject({ userId: userIdSchema });
export type UserIdFormInput = z.infer<typeof userIdFormSchema>;

export const createApiTokenFormSchema = z.strictObject({
  role: roleSchema,
  name: optionalText(displayNameSchema),
  /** Days until it expires, one of the screen's choices; missing means the default (90). */
  expiresDays: optionalText(apiTokenExpiryChoiceSchema),
});
export type CreateApiTokenFormInput = z.infer<typeof createApiTokenFormSchema>;

export const revokeApiTokenFormSchema = z.strictObject({ tokenId: apiTokenIdSchema });
export type RevokeApiTokenFormInput = z.infer<typeof revokeApiTokenFormSchema>;
