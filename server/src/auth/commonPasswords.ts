import { dictionary } from '@zxcvbn-ts/language-common';
import { LIMITS } from '@bullseye/shared';
import { HttpError } from '../errors.js';

let common: Set<string> | undefined;

/**
 * The most common passwords, from zxcvbn-ts's maintained frequency list (`@zxcvbn-ts/language-common`,
 * about 49,000 passwords seen most often in breaches). Only entries long enough to pass the length
 * rule matter; shorter ones are refused anyway.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(
    dictionary['passwords-common'].filter((password) => password.length >= LIMITS.minPasswordLength),
  );
  return common;
}

/** Whether `password` is one of the most common passwords (ignoring case and surrounding spaces). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** A 400 naming `field` when a new password is one of the most common ones. */
export function refuseCommonPassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new HttpError(
      400,
      'common_password',
      `${field}: is one of the most commonly used passwords; choose one that is harder to guess`,
      field,
    );
  }
}
