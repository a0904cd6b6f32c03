import * as Y from 'yjs';

/** The edits one client sent, in order: the client's clock after each edit and when it was made. */
interface SentLog {
  clocks: number[];
  sentAt: number[];
  measured: boolean[];
}

/** Several instances: which one a client is connected to, and how many of its room's others are not on it. */
interface Placement {
  instance: number;
  elsewhere: number;
}

/**
 * Edit-to-receipt latency across clients of this process (one shared `performance.now()` clock).
 *
 * An edit is identified by its Yjs id: the sender's client id and its clock after the edit. That is
 * a unique marker that costs nothing to carry, so the edits stay plain typing instead of carrying
 * timestamps in the document. A receiver sees, in each remote transaction, how far every sender's
 * clock advanced; every logged edit of that sender up to the new clock has arrived. Yjs delivers a
 * sender's edits in clock order, so one cursor per (receiver, sender) walks its log once.
 */
export class RelayLatency {
  private readonly logs = new Map<number, SentLog>();
  private readonly placements = new Map<number, Placement>();
  /** Edits sent while true are measured; set for the measured window only. */
  measuring = false;
  measuredEdits = 0;
  /** Latencies (ms) of deliveries of measured edits. */
  readonly samples: number[] = [];
  /** Deliveries of measured edits due to clients on another instance than the sender's (see `place`). */
  crossExpected = 0;
  /** The latencies of those deliveries (also in `samples`). */
  readonly crossSamples: number[] = [];

  /** Forgets the samples and counts of the previous window. */
  reset(): void {
    this.samples.length = 0;
    this.crossSamples.length = 0;
    this.measuredEdits = 0;
    this.crossExpected = 0;
  }

  /**
   * Several instances: `doc`'s client is connected to `instance`, and `elsewhere` clients of its room
   * are connected to other instances. Deliveries between instances are then also kept apart.
   */
  place(doc: Y.Doc, instance: number, elsewhere: number): void {
    this.placements.set(doc.clientID, { instance, elsewhere });
  }

  /** Makes one edit on `doc` (one transaction, so one update message) and logs it. */
  edit(doc: Y.Doc, change: () => void): void {
    const sentAt = performance.now();
    change();
    let log = this.logs.get(doc.clientID);
    if (!log) {
      log = { clocks: [], sentAt: [], measured: [] };
      this.logs.set(doc.clientID, log);
    }
    log.clocks.push(Y.getState(doc.store, doc.clientID));
    log.sentAt.push(sentAt);
    log.measured.push(this.measuring);
    if (!this.measuring) return;
    this.measuredEdits++;
    this.crossExpected += this.placements.get(doc.clientID)?.elsewhere ?? 0;
  }

  /** Records receipts on `doc` from now on; returns the function that stops recording. */
  watch(doc: Y.Doc): () => void {
    const cursors = new Map<number, number>();
    const here = this.placements.get(doc.clientID)?.instance;
    const onTransaction = (transaction: Y.Transaction): void => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [client, after] of transaction.afterState) {
        if (after <= (transaction.beforeState.get(client) ?? 0)) continue;
        const log = this.logs.get(client);
        if (!log) continue;
        const across = here !== undefined && this.placements.get(client)?.instance !== here;
        let i = cursors.get(client) ?? 0;
        while (i < log.clocks.length && log.clocks[i]! <= after) {
          if (log.measured[i]) {
            this.samples.push(now - log.sentAt[i]!);
            if (across) this.crossSamples.push(now - log.sentAt[i]!);
          }
          i++;
        }
        cursors.set(client, i);
      }
    };
    doc.on('afterTransaction', onTransaction);
    return () => doc.off('afterTransaction', onTransaction);
  }
}
