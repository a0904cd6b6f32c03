import { LIMITS } from '@bullseye/shared';
import { HttpError } from '../errors.js';

let common: Promise<Set<string>> | undefined;

/**
 * The most common passwords, from zxcvbn-ts's maintained frequency list (`@zxcvbn-ts/language-common`,
 * about 49,000 passwords seen most often in breaches). Only entries long enough to pass the length
 * rule matter; shorter ones are refused anyway. Loaded on first use: the package's dictionaries
 * would otherwise cost every idle server several MiB.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) =>
      new Set(
        dictionary['passwords-common'].filter((password) => password.length >= LIMITS.minPasswordLength),
      ),
  );
  return common;
}

/** Whether `password` is one of the most common passwords (ignoring case and surrounding spaces). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.trim().toLowerCase());
}

/** A 400 naming `field` when a new password is one of the most common ones. */
export async function refuseCommonPassword(password: string, field: string): Promise<void> {
  if (await isCommonPassword(password)) {
    throw new HttpError(
      400,
      'common_password',
      `${field}: is one of the most commonly used passwords; choose one that is harder to guess`,
      field,
    );
  }
}
