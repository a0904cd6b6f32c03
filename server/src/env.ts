import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  /** Several instances: Redis carries updates, presence and events between them (needs DATABASE_URL). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /** Prefix of Bullseye's Redis keys and channels, so several deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, { message: 'letters, digits and : _ . - only (at most 64)' })
    .default('bullseye:'),
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For), in express's `trust proxy`
   * terms: a hop count, or addresses and subnets such as `loopback, 10.0.0.0/8`.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|[0-9A-Za-z.:/, ]+)$/, { message: 'a hop count or a list of addresses and subnets' })
    .refine((v) => v.trim() !== 'true', { message: '"true" trusts anyone; name the proxies or a hop count' })
    .optional(),
  PUBLIC_URL: z.url({ message: 'must be a URL such as http://localhost:3000' }).optional(),
  /** FULL survives power loss (fsync per commit batch); NORMAL survives process crashes only. */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** How long an ICP with no connections stays in memory before it is unloaded. */
  UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  /** Updates in the tail of the log that trigger a background compaction. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** Editing time between automatic versions of an ICP (one is also kept when the last editor leaves). */
  AUTO_VERSION_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(10 * 60_000),
  /** Failed sign-ins allowed per client address and email within LOGIN_WINDOW_MS. */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins allowed per client address, whatever the emails (password spraying). */
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  /** Failed sign-ins allowed per email, whatever the addresses. */
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(10 * 60_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Set: this is one of several instances, linked through this Redis. */
  redisUrl: string | undefined;
  redisPrefix: string;
  /**
   * Origins allowed to open collaboration sockets from a browser, besides the page's own origin
   * when no PUBLIC_URL is set (then any same-origin page, plus the Vite dev server, may connect).
   */
  publicOrigins: string[];
  /** Whether a page served by this server under any host name may connect (no PUBLIC_URL set). */
  allowSameOrigin: boolean;
  publicUrl: string | undefined;
  /** express's `trust proxy`: false (the connection's address is the client's) unless TRUST_PROXY. */
  trustProxy: number | string | false;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  unloadDelayMs: number;
  compactAfterUpdates: number;
  /** At most one automatic version per this much editing time. */
  autoVersionIntervalMs: number;
  loginMaxAttempts: number;
  loginMaxAttemptsPerAddress: number;
  loginMaxAttemptsPerAccount: number;
  loginWindowMs: number;
  /** Where the built client lives; served at `/` when present. */
  clientDist: string;
}

/** Reads and validates the process environment; throws with the variable named on bad input. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid environment variable REDIS_URL: several instances need a shared PostgreSQL database; set DATABASE_URL too',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    // npm runs workspace scripts inside server/; a relative DATA_DIR means the directory npm was started in.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    publicUrl: e.PUBLIC_URL,
    trustProxy:
      e.TRUST_PROXY === undefined
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY,
    publicOrigins: e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).origin] : DEV_ORIGINS,
    allowSameOrigin: e.PUBLIC_URL === undefined,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    unloadDelayMs: e.UNLOAD_DELAY_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    autoVersionIntervalMs: e.AUTO_VERSION_INTERVAL_MS,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginMaxAttemptsPerAddress: e.LOGIN_MAX_PER_ADDRESS,
    loginMaxAttemptsPerAccount: e.LOGIN_MAX_PER_ACCOUNT,
    loginWindowMs: e.LOGIN_WINDOW_MS,
    clientDist: path.resolve(import.meta.dirname, '../../client/dist'),
  };
}

/** The Vite dev server, which proxies `/collab` without rewriting Origin. */
const DEV_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
