import { betterAuth } from 'better-auth';
import type { Kysely } from 'kysely';
import { LIMITS } from '@bullseye/shared';
import type { Database } from '../db/schema.js';

export interface BetterAuthOptions {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  secret: string;
  /** The origin browsers use; https here turns on Secure cookies. */
  baseURL: string;
  trustedOrigins: string[];
}

/**
 * better-auth owns users, password accounts (scrypt hashes) and sessions (httpOnly, SameSite=Lax
 * cookies, Secure over HTTPS). Its own HTTP routes are not mounted: Bullseye's routes call its API
 * so that every answer uses one error envelope, one rate limiter and one set of zod schemas.
 */
export function createBetterAuth(options: BetterAuthOptions) {
  return betterAuth({
    appName: 'Bullseye',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    database: { db: options.db as unknown as Kysely<never>, type: options.dialect },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: LIMITS.minPasswordLength,
      maxPasswordLength: LIMITS.maxPasswordLength,
    },
    user: { modelName: 'users' },
    account: { modelName: 'accounts' },
    verification: { modelName: 'verifications' },
    session: {
      modelName: 'sessions',
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    // Login attempts are limited by Bullseye's own limiter (express-rate-limit), in front of these calls.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: 'bullseye',
      useSecureCookies: options.baseURL.startsWith('https:'),
    },
    logger: { level: 'error' },
  });
}

export type BetterAuth = ReturnType<typeof createBetterAuth>;
