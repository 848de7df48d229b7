import type { z } from 'zod';
import { fieldErrorsOf } from '../validation/result';

/*
 * Typed errors of sign-in, permissions, users and tokens. Each has a stable `code` (for API
 * answers and tests) and a message fit to show a user; none carries a secret.
 */

/** No valid credentials: no session cookie, an expired or revoked session, or an unknown token (HTTP 401). */
export class NotAuthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;
  constructor(message = 'Sign in, or send a valid API token, to use this.') {
    super(message);
  }
}

/** Signed in, but the role may not do this (HTTP 403). */
export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
  constructor(message = 'Your role may not do this.') {
    super(message);
  }
}

/** Signed in with a one-time password: only the change-password page and sign-out are open (HTTP 403). */
export class PasswordChangeRequiredError extends Error {
  readonly code = 'PASSWORD_CHANGE_REQUIRED';
  readonly status = 403;
  constructor(message = 'Choose your own password first.') {
    super(message);
  }
}

/** Another login already uses this email address; nothing was written. */
export class EmailTakenError extends Error {
  readonly code = 'EMAIL_TAKEN';
  constructor(readonly email: string) {
    super(`a login with the email address ${email} exists already`);
  }
}

/** No login with this id; nothing was written. */
export class UserNotFoundError extends Error {
  readonly code = 'USER_NOT_FOUND';
  constructor() {
    super('no such login');
  }
}

/** No API token with this id; nothing was written. */
export class TokenNotFoundError extends Error {
  readonly code = 'TOKEN_NOT_FOUND';
  constructor() {
    super('no such API token');
  }
}

/**
 * The instance a login or token is to be tied to does not exist (no row of `instances`); nothing
 * was written. An existing tie may outlive its instance (`load --replace`), a new one may not.
 */
export class UnknownInstanceError extends Error {
  readonly code = 'UNKNOWN_INSTANCE';
  constructor(readonly instanceId: number) {
    super(`instance ${instanceId} does not exist`);
  }
}

/**
 * A signed-in user tied to an instance tried to make an API token tied to another instance, or to
 * none: a token may not reach further than the login that makes it. Nothing was written.
 */
export class InstanceTieWiderError extends Error {
  readonly code = 'INSTANCE_TIE_WIDER';
  constructor(
    readonly creatorInstanceId: number,
    readonly requestedInstanceId: number | null,
  ) {
    super(
      `you are tied to instance ${creatorInstanceId}: a token you make must be tied to instance ${creatorInstanceId} too (not ${requestedInstanceId === null ? 'to all instances' : `to instance ${requestedInstanceId}`})`,
    );
  }
}

/** The change would leave no enabled admin, and so nobody to manage users; nothing was written. */
export class LastAdminError extends Error {
  readonly code = 'LAST_ADMIN';
  constructor() {
    super('this is the last enabled admin: make another login admin first');
  }
}

/** The current password given with a password change is wrong; nothing was written. */
export class WrongPasswordError extends Error {
  readonly code = 'WRONG_PASSWORD';
  constructor() {
    super('the current password is not right');
  }
}

/** The one-time password is right but has expired (ONE_TIME_PASSWORD_HOURS); an admin must make a new one. Nothing was written. */
export class OneTimePasswordExpiredError extends Error {
  readonly code = 'ONE_TIME_PASSWORD_EXPIRED';
  constructor() {
    super('this one-time password has expired: ask an admin for a new one');
  }
}

/** Input that fails validation (a domain function called without the form's checks); nothing was written. */
export class InvalidAuthInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(
      Object.entries(fieldErrors)
        .map(([, messages]) => messages.join('; '))
        .join('; '),
    );
  }
}

/** Parses input with its schema, or throws InvalidAuthInputError naming the fields at fault. */
export function parseAuthInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidAuthInputError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
