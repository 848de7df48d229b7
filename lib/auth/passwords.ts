import crypto from 'node:crypto';
import { hashPassword as hashWithBetterAuth, verifyPassword as verifyWithBetterAuth } from 'better-auth/crypto';

// No 0/o, 1/l/i: the password is read off a screen and typed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A random one-time password that is easy to read and type: four groups of five characters from a
 * 31-letter alphabet (`k7mfq-x3ahz-…`, 23 characters, about 99 bits).
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[crypto.randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Better Auth's password hash (scrypt), the one its sign-in verifies. */
export function hashPassword(password: string): Promise<string> {
  return hashWithBetterAuth(password);
}

/** True when the password matches a hash made by hashPassword. */
export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return verifyWithBetterAuth({ hash, password });
}
