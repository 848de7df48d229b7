import { z } from 'zod';
import { apiTokenExpiryChoiceSchema, apiTokenIdSchema, displayNameSchema, emailSchema, instanceTieSchema, roleSchema, userIdSchema } from './auth';

/*
 * The admin screens' forms (users and API tokens), as their server actions read them from
 * FormData: every value is a string or missing, and an optional text left empty means "not given".
 * The rules themselves are the ones of ./auth, shared with the command line.
 */

/** An optional text field: blank or missing means not given. */
const optionalText = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());

/**
 * The screens' choice of instance (a select): an instance id written as digits, or '' for "All
 * instances (not tied)". Anything else is left as it is and refused by instanceTieSchema.
 */
const instanceChoice = (v: unknown) => (v === '' ? null : typeof v === 'string' && /^[0-9]{1,10}$/.test(v) ? Number(v) : v);

/** On the create forms: missing or '' means not tied. */
const optionalInstanceChoiceSchema = z.preprocess((v) => (v === null || v === undefined ? null : instanceChoice(v)), instanceTieSchema);

/** On the change-instance form: '' unties, a missing field is refused. */
const instanceChoiceSchema = z.preprocess((v) => (v === null ? undefined : instanceChoice(v)), instanceTieSchema);

export const createUserFormSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  name: optionalText(displayNameSchema),
  instanceId: optionalInstanceChoiceSchema,
});
export type CreateUserFormInput = z.infer<typeof createUserFormSchema>;

export const changeUserRoleFormSchema = z.strictObject({ userId: userIdSchema, role: roleSchema });
export type ChangeUserRoleFormInput = z.infer<typeof changeUserRoleFormSchema>;

export const changeUserInstanceFormSchema = z.strictObject({ userId: userIdSchema, instanceId: instanceChoiceSchema });
export type ChangeUserInstanceFormInput = z.infer<typeof changeUserInstanceFormSchema>;

/** Disable, enable and reset password: the login they act on. */
export const userIdFormSchema = z.strictObject({ userId: userIdSchema });
export type UserIdFormInput = z.infer<typeof userIdFormSchema>;

export const createApiTokenFormSchema = z.strictObject({
  role: roleSchema,
  name: optionalText(displayNameSchema),
  /** Days until it expires, one of the screen's choices; missing means the default (90). */
  expiresDays: optionalText(apiTokenExpiryChoiceSchema),
  instanceId: optionalInstanceChoiceSchema,
});
export type CreateApiTokenFormInput = z.infer<typeof createApiTokenFormSchema>;

export const revokeApiTokenFormSchema = z.strictObject({ tokenId: apiTokenIdSchema });
export type RevokeApiTokenFormInput = z.infer<typeof revokeApiTokenFormSchema>;
