import type { ActiveUserDto, CoachDismissalDto, IcpReviewDto, WorkshopState } from '@bullseye/shared';
import type { CommentRow, ThreadRecord } from '../../db/commentStore.js';
import type { IcpRow } from '../../db/icpStore.js';
import type { CollabEvents, RevokedCredential } from '../collabEvents.js';
import type { CollabPart } from '../collabPart.js';
import type { LocalEvents } from '../localEvents.js';
import type { ClusterNode } from './clusterNode.js';

/** How often each instance tells the others who has which ICP open on it. */
const ACTIVE_USERS_EVERY_MS = 10_000;
/** An instance not heard from for this long has no one on it (it stopped or crashed). */
const ACTIVE_USERS_EXPIRE_MS = 25_000;
/** Opens and closes are told to the others after this much quiet, gathered. */
const ACTIVE_USERS_DEBOUNCE_MS = 500;

/** A server event as it crosses instances: the CollabEvents method and its arguments, as JSON. */
type EventMessage =
  | { from: string; name: 'publishIcp'; row: IcpRow; review: IcpReviewDto }
  | { from: string; name: 'versionsChanged'; icpId: string }
  | {
      from: string;
      name: 'publishThread';
      icp: IcpRow;
      thread: { root: CommentRow; replies: CommentRow[]; people: [string, string][] };
    }
  | { from: string; name: 'publishThreadDeleted'; icpId: string; threadId: string }
  | { from: string; name: 'publishWorkshop'; icp: IcpRow; state: WorkshopState }
  | { from: string; name: 'publishCoachDismissals'; icpId: string; dismissals: CoachDismissalDto[] }
  | { from: string; name: 'inboxChanged'; unreadCounts: [string, number][] }
  | { from: string; name: 'memberChanged'; workspaceId: string; userId: string }
  | { from: string; name: 'credentialRevoked'; credential: RevokedCredential }
  | { from: string; name: 'setReadOnly'; icpId: string; readOnly: boolean }
  | { from: string; name: 'activeUsers'; byIcp: [string, ActiveUserDto[]][] };

/**
 * Server events on every instance: each is delivered to this instance's sockets at once and
 * published for the others, which deliver it to theirs (comment threads, inbox counts, renames,
 * archiving, versions, and access changes, which close the affected sockets wherever they are).
 * Who has each ICP open is gathered from every instance the same way.
 */
export class ClusterEvents implements CollabEvents, CollabPart {
  private readonly channel: string;
  private readonly remoteActive = new Map<string, { at: number; byIcp: Map<string, ActiveUserDto[]> }>();
  private readonly timer: NodeJS.Timeout;
  private debounce: NodeJS.Timeout | undefined;
  private readonly subscribed: Promise<void>;

  constructor(
    private readonly node: ClusterNode,
    private readonly local: LocalEvents,
  ) {
    this.channel = node.channel('events');
    this.subscribed = node.subscribe(this.channel, (message) => this.receive(message));
    this.timer = setInterval(() => this.announceActive(), ACTIVE_USERS_EVERY_MS);
    this.timer.unref();
  }

  async publishIcp(row: IcpRow, review: IcpReviewDto): Promise<void> {
    this.send({ name: 'publishIcp', row, review });
    await this.local.publishIcp(row, review);
  }

  async versionsChanged(icpId: string): Promise<void> {
    this.send({ name: 'versionsChanged', icpId });
    await this.local.versionsChanged(icpId);
  }

  async publishThread(icp: IcpRow, thread: ThreadRecord): Promise<void> {
    const { root, replies, people } = thread;
    this.send({ name: 'publishThread', icp, thread: { root, replies, people: [...people] } });
    await this.local.publishThread(icp, thread);
  }

  async publishThreadDeleted(icpId: string, threadId: string): Promise<void> {
    this.send({ name: 'publishThreadDeleted', icpId, threadId });
    await this.local.publishThreadDeleted(icpId, threadId);
  }

  async publishWorkshop(icp: IcpRow, state: WorkshopState): Promise<void> {
    this.send({ name: 'publishWorkshop', icp, state });
    await this.local.publishWorkshop(icp, state);
  }

  async publishCoachDismissals(icpId: string, dismissals: CoachDismissalDto[]): Promise<void> {
    this.send({ name: 'publishCoachDismissals', icpId, dismissals });
    await this.local.publishCoachDismissals(icpId, dismissals);
  }

  inboxChanged(unreadCounts: ReadonlyMap<string, number>): void {
    if (unreadCounts.size === 0) return;
    this.send({ name: 'inboxChanged', unreadCounts: [...unreadCounts] });
    this.local.inboxChanged(unreadCounts);
  }

  memberChanged(workspaceId: string, userId: string): void {
    this.send({ name: 'memberChanged', workspaceId, userId });
    this.local.memberChanged(workspaceId, userId);
  }

  credentialRevoked(credential: RevokedCredential): void {
    this.send({ name: 'credentialRevoked', credential });
    this.local.credentialRevoked(credential);
  }

  async setReadOnly(icpId: string, readOnly: boolean): Promise<void> {
    this.send({ name: 'setReadOnly', icpId, readOnly });
    await this.local.setReadOnly(icpId, readOnly);
  }

  /** Who has each ICP open on any instance (each person once, this instance's first). */
  activeUsers(icpIds: readonly string[]): ReadonlyMap<string, ActiveUserDto[]> {
    const merged = new Map<string, ActiveUserDto[]>();
    for (const [icpId, users] of this.local.activeUsers(icpIds)) merged.set(icpId, [...users]);
    const now = Date.now();
    for (const [instance, { at, byIcp }] of this.remoteActive) {
      if (now - at > ACTIVE_USERS_EXPIRE_MS) {
        this.remoteActive.delete(instance);
        continue;
      }
      for (const icpId of icpIds) {
        const users = byIcp.get(icpId);
        if (!users) continue;
        const list = merged.get(icpId) ?? [];
        for (const user of users) if (!list.some((u) => u.id === user.id)) list.push(user);
        merged.set(icpId, list);
      }
    }
    return merged;
  }

  connected(): void {
    this.announceActiveSoon();
  }

  disconnected(): void {
    this.announceActiveSoon();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    await this.subscribed;
    // Nobody is on this instance any more.
    this.send({ name: 'activeUsers', byIcp: [] });
    this.node.unsubscribe(this.channel);
  }

  private announceActiveSoon(): void {
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.announceActive();
    }, ACTIVE_USERS_DEBOUNCE_MS);
    this.debounce.unref();
  }

  private announceActive(): void {
    const icpIds = [...new Set([...this.local.connections].map((c) => c.room.icpId))];
    this.send({ name: 'activeUsers', byIcp: [...this.local.activeUsers(icpIds)] });
  }

  private send(event: DistributiveOmit<EventMessage, 'from'>): void {
    this.node.publish(this.channel, JSON.stringify({ ...event, from: this.node.instanceId }));
  }

  private receive(bytes: Buffer): void {
    let event: EventMessage;
    try {
      event = JSON.parse(bytes.toString()) as EventMessage;
    } catch {
      return;
    }
    if (event.from === this.node.instanceId) return;
    const failed = (error: unknown) =>
      console.error(`delivering ${event.name} from another instance failed`, error);
    try {
      switch (event.name) {
        case 'publishIcp':
          return void this.local.publishIcp(event.row, event.review).catch(failed);
        case 'versionsChanged':
          return void this.local.versionsChanged(event.icpId).catch(failed);
        case 'publishThread': {
          const { root, replies, people } = event.thread;
          return void this.local
            .publishThread(event.icp, { root, replies, people: new Map(people) })
            .catch(failed);
        }
        case 'publishThreadDeleted':
          return void this.local.publishThreadDeleted(event.icpId, event.threadId).catch(failed);
        case 'publishWorkshop':
          return void this.local.publishWorkshop(event.icp, event.state).catch(failed);
        case 'publishCoachDismissals':
          return void this.local.publishCoachDismissals(event.icpId, event.dismissals).catch(failed);
        case 'inboxChanged':
          return this.local.inboxChanged(new Map(event.unreadCounts));
        case 'memberChanged':
          return this.local.memberChanged(event.workspaceId, event.userId);
        case 'credentialRevoked':
          return this.local.credentialRevoked(event.credential);
        case 'setReadOnly':
          return void this.local.setReadOnly(event.icpId, event.readOnly).catch(failed);
        case 'activeUsers':
          if (event.byIcp.length === 0) this.remoteActive.delete(event.from);
          else this.remoteActive.set(event.from, { at: Date.now(), byIcp: new Map(event.byIcp) });
          return;
      }
    } catch (error) {
      failed(error);
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
