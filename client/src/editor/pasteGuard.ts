import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Fragment, Node as PmNode } from '@tiptap/pm/model';
import type { Slice } from '@tiptap/pm/model';
import { LIMITS } from '@bullseye/shared';

/**
 * The largest paste (or drop) a narrative section takes, as estimated Yjs bytes. Half a message:
 * the estimate is an upper bound, and what is pasted while offline travels together on reconnect.
 */
export const MAX_PASTE_BYTES = LIMITS.maxCollabMessageBytes / 2;

const encoder = new TextEncoder();
/** Per node and per mark: item headers, type names, parent references (generous). */
const NODE_OVERHEAD = 24;
const MARK_OVERHEAD = 48;

/**
 * An upper bound of the bytes a piece of rich text adds to the Yjs document once y-prosemirror
 * writes it (text as UTF-8, an item per node, two format items per mark run, attributes as JSON).
 */
export function estimateYjsBytes(content: Fragment): number {
  let bytes = 0;
  content.descendants((node: PmNode) => {
    bytes += NODE_OVERHEAD + node.type.name.length + attrsBytes(node.attrs);
    if (node.isText) bytes += encoder.encode(node.text ?? '').length;
    for (const mark of node.marks) bytes += MARK_OVERHEAD + mark.type.name.length + attrsBytes(mark.attrs);
    return true;
  });
  return bytes;
}

function attrsBytes(attrs: Record<string, unknown>): number {
  const keys = Object.keys(attrs);
  return keys.length === 0 ? 0 : encoder.encode(JSON.stringify(attrs)).length + 8 * keys.length;
}

/** Why a paste was refused, for the message the person sees. */
export type PasteRefusal =
  | { reason: 'pasteTooLarge'; bytes: number; limit: number }
  | { reason: 'icpTooLarge'; bytes: number; limit: number };

/**
 * Whether a paste of `pasteBytes` (estimated) may go into an ICP whose encoded state is
 * `documentBytes` now: refused when the paste alone could not be sent in one message, or when it
 * would grow the ICP beyond the server's size limit.
 */
export function checkPaste(pasteBytes: number, documentBytes: () => number): PasteRefusal | null {
  if (pasteBytes > MAX_PASTE_BYTES)
    return { reason: 'pasteTooLarge', bytes: pasteBytes, limit: MAX_PASTE_BYTES };
  // Only measured for pastes large enough to matter: encoding the whole document is not free.
  if (pasteBytes > 16 * 1024 && documentBytes() + pasteBytes > LIMITS.maxIcpStateBytes) {
    return { reason: 'icpTooLarge', bytes: pasteBytes, limit: LIMITS.maxIcpStateBytes };
  }
  return null;
}

/** "2 MB", "512 KB": sizes as people read them (1 MB = 1,048,576 bytes, like the limits). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The sentence shown when a paste is refused. */
export function pasteRefusalMessage(refusal: PasteRefusal): string {
  if (refusal.reason === 'pasteTooLarge') {
    return `That paste is too large to share (about ${formatBytes(refusal.bytes)}; the limit is ${formatBytes(refusal.limit)} at a time). Nothing was pasted. Paste a shorter passage.`;
  }
  return `That paste would make this ICP larger than ${formatBytes(refusal.limit)}, the most one ICP can hold. Nothing was pasted.`;
}

export interface PasteGuardOptions {
  /** The encoded size of the whole ICP document now, in bytes. */
  documentBytes: () => number;
  onRefused: (refusal: PasteRefusal) => void;
}

/**
 * Refuses pastes and drops into a narrative editor that could not be saved: refused where the
 * change is made, so the browser never holds a change the server would turn away.
 */
export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: 'pasteGuard',

  addOptions() {
    return { documentBytes: () => 0, onRefused: () => {} };
  },

  addProseMirrorPlugins() {
    const { documentBytes, onRefused } = this.options;
    const guard = (slice: Slice): boolean => {
      const refusal = checkPaste(estimateYjsBytes(slice.content), documentBytes);
      if (!refusal) return false;
      onRefused(refusal);
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          handlePaste: (_view, _event, slice) => guard(slice),
          handleDrop: (_view, _event, slice) => guard(slice),
        },
      }),
    ];
  },
});
