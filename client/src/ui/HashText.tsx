import { shortHash } from './shortHash.js';

/** A SHA-256, shortened; the whole of it on hover. */
export function HashText({ hash, label = 'SHA-256' }: { hash: string; label?: string }) {
  return (
    <span className="hash-text" title={`${label} ${hash}`}>
      <span className="hash-label">{label}</span> <code>{shortHash(hash)}</code>
    </span>
  );
}
