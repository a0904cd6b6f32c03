import { createHash, randomBytes } from 'node:crypto';

/** A new random secret: 32 bytes, URL-safe base64 (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a secret: its SHA-256, hex. Secrets are random, so no salt is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Personal API tokens look like `bye_<43 characters>`, so they are easy to spot in a leak scan. */
export const API_TOKEN_PREFIX = 'bye_';
