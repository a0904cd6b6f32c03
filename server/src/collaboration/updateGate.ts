import * as Y from 'yjs';
import { CloseCode, LIMITS } from '@bullseye/shared';

/** An update the server will not store; the sender's connection is closed with `closeCode`. */
export class RefusedUpdate extends Error {
  override name = 'RefusedUpdate';
  constructor(
    readonly closeCode: number,
    message: string,
    /** It depends on changes the server does not have (yet: another instance may have them). */
    readonly missingDependencies = false,
  ) {
    super(message);
  }
}

export interface GateLimits {
  /** Largest encoded state the document may reach, in bytes. */
  maxStateBytes: number;
  /** Deepest nesting of shared types (an element inside an element...) a document may hold. */
  maxDepth: number;
}

const DEFAULT_LIMITS: GateLimits = {
  maxStateBytes: LIMITS.maxIcpStateBytes,
  maxDepth: LIMITS.maxNarrativeDepth,
};

/**
 * Decides, before anything is stored, whether a document update may be committed. It keeps a
 * scratch copy of what the room has accepted (the committed document plus the updates queued for
 * commit, in commit order) and tries every update on it first. An update is refused when applying
 * it throws, when it leaves structs or deletions pending (it depends on changes nobody sent, or
 * deletes clocks a client has not written yet, which would silently hide that client's future
 * edits), when it nests types deeper than the limit, or when it would grow the document past its
 * size limit. A refused update leaves the scratch copy rebuilt as it was; nothing else changes.
 */
export class UpdateGate {
  private scratch: Y.Doc | null = null;
  /** Accepted updates not yet settled (committed and applied, or failed), in acceptance order. */
  private readonly queued: Uint8Array[] = [];
  /** An upper bound of the scratch copy's encoded size: its size when built plus what was added. */
  private approxBytes = 0;

  constructor(
    /** The committed document (a function: the room builds it on first use). */
    private readonly committed: () => Y.Doc,
    private readonly limits: GateLimits = DEFAULT_LIMITS,
  ) {}

  /** Number of accepted updates waiting to be settled. */
  get pending(): number {
    return this.queued.length;
  }

  /** Validates `update` against everything accepted so far and queues it; throws RefusedUpdate. */
  accept(update: Uint8Array): void {
    const scratch = this.scratchDoc();
    // Near the limit, the exact size before the update, so that only growth is refused: an ICP
    // over the limit (stored before it existed) can still be edited down.
    const nearLimit = this.approxBytes + update.byteLength > this.limits.maxStateBytes;
    const sizeBefore = nearLimit ? Y.encodeStateAsUpdate(scratch).byteLength : 0;
    let deepest = 0;
    const measureDepth = (transaction: Y.Transaction) => {
      deepest = Math.max(deepest, deepestInsertedType(scratch, transaction));
    };
    let refusal: RefusedUpdate | null = null;
    scratch.on('afterTransaction', measureDepth);
    try {
      Y.applyUpdate(scratch, update);
    } catch {
      refusal = new RefusedUpdate(CloseCode.malformedMessage, 'the update cannot be applied');
    } finally {
      scratch.off('afterTransaction', measureDepth);
    }
    if (!refusal && (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null)) {
      refusal = new RefusedUpdate(
        CloseCode.malformedMessage,
        'the update refers to changes the server does not have',
        true,
      );
    }
    if (!refusal && deepest > this.limits.maxDepth) {
      refusal = new RefusedUpdate(
        CloseCode.malformedMessage,
        `the update nests elements ${deepest} deep (at most ${this.limits.maxDepth})`,
      );
    }
    if (!refusal) {
      this.approxBytes += update.byteLength;
      if (nearLimit) {
        this.approxBytes = Y.encodeStateAsUpdate(scratch).byteLength;
        if (this.approxBytes > this.limits.maxStateBytes && this.approxBytes > sizeBefore) {
          refusal = new RefusedUpdate(
            CloseCode.documentTooLarge,
            `the ICP would exceed ${this.limits.maxStateBytes} bytes`,
          );
        }
      }
    }
    if (refusal) {
      this.discardScratch();
      throw refusal;
    }
    this.queued.push(update);
  }

  /**
   * Whether `update` adds nothing to what was accepted: every struct is known and every deletion
   * already made. A read-only connection's sync (which re-sends the whole delete set) is such an
   * update, and is acknowledged without being stored.
   */
  isNoOp(update: Uint8Array): boolean {
    const store = this.scratchDoc().store;
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
    }
    for (const [client, ranges] of ds.clients) {
      const known = store.clients.get(client);
      for (const { clock, len } of ranges) {
        if (len === 0) continue;
        if (!known || clock + len > Y.getState(store, client)) return false;
        for (let i = Y.findIndexSS(known, clock); i < known.length; i++) {
          const struct = known[i]!;
          if (struct.id.clock >= clock + len) break;
          if (!struct.deleted) return false;
        }
      }
    }
    return true;
  }

  /**
   * An accepted update was settled: committed (and applied to the committed document) or failed.
   * A failed one is dropped and the scratch copy rebuilt without it.
   */
  settled(update: Uint8Array, committed: boolean): void {
    const index = this.queued.indexOf(update);
    if (index >= 0) this.queued.splice(index, 1);
    if (!committed) this.discardScratch();
  }

  /**
   * Updates another instance committed were applied to the committed document: the scratch copy
   * takes them too (Yjs ignores what it has), or is rebuilt from the document if they leave
   * anything pending there.
   */
  committedElsewhere(updates: readonly Uint8Array[]): void {
    const scratch = this.scratch;
    if (!scratch) return;
    try {
      for (const update of updates) {
        Y.applyUpdate(scratch, update);
        this.approxBytes += update.byteLength;
      }
    } catch {
      this.discardScratch();
      return;
    }
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) this.discardScratch();
  }

  destroy(): void {
    this.discardScratch();
    this.queued.length = 0;
  }

  private scratchDoc(): Y.Doc {
    if (this.scratch) return this.scratch;
    const scratch = new Y.Doc({ gc: true });
    const state = Y.encodeStateAsUpdate(this.committed());
    Y.applyUpdate(scratch, state);
    this.approxBytes = state.byteLength;
    for (const update of this.queued) {
      Y.applyUpdate(scratch, update);
      this.approxBytes += update.byteLength;
    }
    // Every update here was accepted on a copy without pending changes, in this order, so none
    // is left; if one were (a dependency whose commit failed), the next check must not blame it
    // on whoever sends next.
    scratch.store.pendingStructs = null;
    scratch.store.pendingDs = null;
    this.scratch = scratch;
    return scratch;
  }

  private discardScratch(): void {
    this.scratch?.destroy();
    this.scratch = null;
  }
}

/** How deep the deepest shared type a transaction inserted sits (a root type's child is 1). */
function deepestInsertedType(doc: Y.Doc, transaction: Y.Transaction): number {
  let deepest = 0;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      // Elements, maps and arrays nest; a text node is the content of its element, not a level.
      if (
        struct instanceof Y.Item &&
        struct.content instanceof Y.ContentType &&
        !(struct.content.type instanceof Y.XmlText)
      ) {
        deepest = Math.max(deepest, depthOf(struct));
      }
    }
  }
  return deepest;
}

function depthOf(item: Y.Item): number {
  let depth = 1;
  let parent = item.parent as Y.AbstractType<unknown> | null;
  while (parent?._item) {
    depth++;
    parent = parent._item.parent as Y.AbstractType<unknown> | null;
  }
  return depth;
}
