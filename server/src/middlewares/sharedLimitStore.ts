import { MemoryStore, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';

/**
 * Sign-in limits shared by every instance: counters in Redis (rate-limit-redis), so spreading
 * guesses over instances gains nothing. While Redis is unreachable each instance counts in its
 * own memory instead: sign-in keeps working and stays limited (per instance) rather than failing
 * open or closed.
 */
export function sharedLimitStore(redis: Redis, keyPrefix: string): (name: string) => Store {
  return (name) => {
    const store = new RedisStore({
      prefix: `${keyPrefix}${name}`,
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
    });
    // The scripts load at once; while Redis is down that fails, and loading is retried on use.
    const loading = store as unknown as {
      incrementScriptSha: Promise<string>;
      getScriptSha: Promise<string>;
    };
    loading.incrementScriptSha.catch(() => {});
    loading.getScriptSha.catch(() => {});
    return new FallbackStore(store, new MemoryStore(), () => redis.status === 'ready');
  };
}

/** A store that uses `primary` while it is reachable and `fallback` when it is not. */
export class FallbackStore implements Store {
  readonly localKeys = false;
  private warned = false;

  constructor(
    private readonly primary: Store,
    private readonly fallback: Store,
    private readonly primaryUp: () => boolean,
  ) {}

  get prefix(): string | undefined {
    return this.primary.prefix;
  }

  init(options: Options): void {
    void this.primary.init?.(options);
    void this.fallback.init?.(options);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.use((store) => store.get?.(key) ?? Promise.resolve(undefined));
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    return this.use((store) => store.increment(key));
  }

  async decrement(key: string): Promise<void> {
    await this.use((store) => store.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    await this.use((store) => store.resetKey(key));
  }

  private async use<T>(run: (store: Store) => Promise<T> | T): Promise<T> {
    if (this.primaryUp()) {
      try {
        const result = await run(this.primary);
        this.warned = false;
        return result;
      } catch (error) {
        if (!this.warned) {
          this.warned = true;
          console.error(`shared sign-in limits unavailable (${String(error)}): counting on this instance`);
        }
      }
    }
    return run(this.fallback);
  }
}
