import { isDocUpdateFrame, LIMITS } from '@bullseye/shared';

/** What the save tracker learns from the socket the provider opens. */
export interface SocketObserver {
  /** A new socket was created; its counts start at zero. */
  opened(socket: WebSocket): void;
  /** `socket` sent one document-update frame (the server acknowledges these with `saved`). */
  sentDocUpdate(socket: WebSocket): void;
  /**
   * A document update larger than the server accepts was about to be sent on `socket`. It was held
   * back (the server would close the socket with 1009 and the provider would send it again on every
   * reconnect), and so is every later update on that socket, since they may depend on it.
   */
  oversized(socket: WebSocket, bytes: number): void;
}

/**
 * A WebSocket class for `WebsocketProvider` that reports every document update it sends, so the
 * client can compare what it sent with what the server says it has saved, and that never sends a
 * message the server would refuse for its size.
 */
export function countingWebSocket(observer: SocketObserver): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    private heldBack = false;

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      observer.opened(this);
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && isDocUpdateFrame(data)) {
        if (this.heldBack) return;
        if (data.byteLength > LIMITS.maxCollabMessageBytes) {
          this.heldBack = true;
          observer.oversized(this, data.byteLength);
          return;
        }
        observer.sentDocUpdate(this);
      }
      super.send(data);
    }
  };
}
