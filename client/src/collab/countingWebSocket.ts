import { isDocUpdateFrame } from '@bullseye/shared';

/** What the save tracker learns from the socket the provider opens. */
export interface SocketObserver {
  /** A new socket was created; its counts start at zero. */
  opened(socket: WebSocket): void;
  /** `socket` sent one document-update frame (the server acknowledges these with `saved`). */
  sentDocUpdate(socket: WebSocket): void;
}

/**
 * A WebSocket class for `WebsocketProvider` that reports every document update it sends, so the
 * client can compare what it sent with what the server says it has saved.
 */
export function countingWebSocket(observer: SocketObserver): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      observer.opened(this);
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && isDocUpdateFrame(data)) observer.sentDocUpdate(this);
      super.send(data);
    }
  };
}
