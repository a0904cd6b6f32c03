import * as Y from 'yjs';

/** The edits one client sent, in order: the client's clock after each edit and when it was made. */
interface SentLog {
  clocks: number[];
  sentAt: number[];
  measured: boolean[];
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
  /** Edits sent while true are measured; set for the measured window only. */
  measuring = false;
  measuredEdits = 0;
  /** Latencies (ms) of deliveries of measured edits. */
  readonly samples: number[] = [];

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
    if (this.measuring) this.measuredEdits++;
  }

  /** Records receipts on `doc` from now on; returns the function that stops recording. */
  watch(doc: Y.Doc): () => void {
    const cursors = new Map<number, number>();
    const onTransaction = (transaction: Y.Transaction): void => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [client, after] of transaction.afterState) {
        if (after <= (transaction.beforeState.get(client) ?? 0)) continue;
        const log = this.logs.get(client);
        if (!log) continue;
        let i = cursors.get(client) ?? 0;
        while (i < log.clocks.length && log.clocks[i]! <= after) {
          if (log.measured[i]) this.samples.push(now - log.sentAt[i]!);
          i++;
        }
        cursors.set(client, i);
      }
    };
    doc.on('afterTransaction', onTransaction);
    return () => doc.off('afterTransaction', onTransaction);
  }
}
