import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { IcpStore } from '../../db/icpStore.js';
import type { UpdateLog } from '../../db/updateLog.js';
import type { CollabEvents } from '../collabEvents.js';
import type { CollabPart } from '../collabPart.js';
import type { Connection } from '../connection.js';
import type { LocalEvents } from '../localEvents.js';
import type { RoomRegistry } from '../roomRegistry.js';
import { ClusterEvents } from './clusterEvents.js';
import { ClusterFanout } from './clusterFanout.js';

export interface ClusterNodeOptions {
  redisUrl: string;
  /** Prefix of every Redis key and channel (several deployments can share one Redis). */
  prefix: string;
  /**
   * Checks the access of open sockets again and closes those whose credential or membership
   * changed: after a Redis outage, when access-change messages may have been lost.
   */
  recheckAccess(connections: Iterable<Connection>): Promise<void>;
}

/** What the collaboration server needs to know to take part in the cluster. */
export interface ClusterAttachment {
  rooms: RoomRegistry;
  local: LocalEvents;
  updateLog: UpdateLog;
  icps: IcpStore;
}

/** How long between reconnection attempts to Redis, at most. */
const MAX_RECONNECT_DELAY_MS = 1_000;

/**
 * This instance's link to the others through Redis (via ioredis, which reconnects by itself):
 * one connection publishes, one subscribes. Redis carries only what is already durable in
 * PostgreSQL (committed updates, events about committed records) or ephemeral (presence), so a
 * message lost while Redis is down is never data lost: every instance catches up from the update
 * log by sequence (see ClusterFanout).
 */
export class ClusterNode {
  /** Names this process in messages, so it ignores its own. */
  readonly instanceId = randomBytes(8).toString('hex');
  /** Commands (publish, the shared sign-in limits): fail at once while Redis is unreachable. */
  readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, (message: Buffer) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private everReady = false;
  /** Redis was unreachable at some point since the subscriber was last ready. */
  private outage = false;
  /** This instance dropped messages while its command connection was down. */
  private dropped = false;
  /** Channels whose unsubscription failed (Redis down): ioredis would renew them. */
  private readonly staleChannels = new Set<string>();
  private closed = false;

  constructor(private readonly options: ClusterNodeOptions) {
    const common = {
      retryStrategy: (times: number) => Math.min(100 * times, MAX_RECONNECT_DELAY_MS),
      connectTimeout: 2_000,
      // Never queue commands for later: a publish that cannot go now is caught up from the log.
      maxRetriesPerRequest: 0,
    };
    this.redis = new Redis(options.redisUrl, {
      ...common,
      enableOfflineQueue: false,
      enableAutoPipelining: true,
    });
    // Subscriptions are remembered and renewed by ioredis after each reconnection.
    this.subscriber = new Redis(options.redisUrl, { ...common, autoResubscribe: true });
    let reported = false;
    const onError = (error: Error) => {
      this.outage = true;
      if (reported || this.closed) return;
      reported = true;
      console.error(`Redis unreachable (${error.message}): editing goes on; instances catch up from the log`);
    };
    this.redis.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('ready', () => {
      reported = false;
      // Subscriptions asked for while Redis was unreachable failed and are not among those
      // ioredis renews by itself (asking again for one already held is harmless); those whose
      // unsubscription failed would be renewed.
      if (this.handlers.size > 0) this.subscriber.subscribe(...this.handlers.keys()).catch(() => {});
      const stale = [...this.staleChannels].filter((channel) => !this.handlers.has(channel));
      this.staleChannels.clear();
      if (stale.length > 0) this.subscriber.unsubscribe(...stale).catch(() => {});
      // Back after an outage (or first up after starting during one): what was missed is read back.
      if (this.everReady || this.outage) this.recovered('Redis is back: catching up from the log');
      this.everReady = true;
      this.outage = false;
    });
    // Another instance could not publish for a while (its own link was down): everyone recovers.
    const resync = this.channel('resync');
    this.handlers.set(resync, (message) => {
      if (message.toString() !== this.instanceId)
        this.recovered('another instance missed messages: catching up');
    });
    this.redis.on('ready', () => {
      if (!this.dropped) return;
      this.dropped = false;
      this.recovered('Redis is back: catching up from the log');
      this.publish(resync, this.instanceId);
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      this.handlers.get(channel.toString())?.(message);
    });
    this.subscriber.subscribe(resync).catch(() => {});
  }

  private recovered(why: string): void {
    console.log(why);
    for (const listener of this.reconnectListeners) listener();
  }

  /** Whether messages from other instances are arriving now (the subscriber is connected). */
  get connected(): boolean {
    return this.subscriber.status === 'ready' && this.redis.status === 'ready';
  }

  channel(name: string): string {
    return `${this.options.prefix}${name}`;
  }

  /** Starts receiving `channel`; resolves once Redis confirmed (never rejects: it retries). */
  async subscribe(channel: string, handler: (message: Buffer) => void): Promise<void> {
    this.handlers.set(channel, handler);
    try {
      await this.subscriber.subscribe(channel);
    } catch {
      // Redis is down: ioredis subscribes again once it is back (autoResubscribe).
    }
  }

  unsubscribe(channel: string): void {
    this.handlers.delete(channel);
    this.subscriber.unsubscribe(channel).catch(() => this.staleChannels.add(channel));
  }

  /**
   * Sends `message` to the other instances; dropped while Redis is unreachable (then, once it is
   * back, every instance is told to catch up: see the `resync` channel).
   */
  publish(channel: string, message: Buffer | string): void {
    if (this.redis.status !== 'ready') {
      this.dropped = true;
      return;
    }
    this.redis.publish(channel, message).catch(() => (this.dropped = true));
  }

  /** Runs `listener` each time Redis comes back after being unreachable. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Readiness: resolves if Redis answers PING within `timeoutMs`. */
  async ping(timeoutMs = 2_000): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Joins the collaboration server: the fan-out part, and server events for every instance. */
  attach(attachment: ClusterAttachment): { parts: CollabPart[]; events: CollabEvents } {
    const fanout = new ClusterFanout(this, attachment, (connections) =>
      this.options.recheckAccess(connections),
    );
    const events = new ClusterEvents(this, attachment.local);
    return { parts: [fanout, events], events };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriber.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
