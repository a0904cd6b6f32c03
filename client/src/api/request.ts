import type { ErrorEnvelope } from '@bullseye/shared';
import { ApiError } from './apiError.js';

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Called whenever an authenticated request is refused because the session has ended (signed out
 * elsewhere, password changed, expired), so the app can send the person to sign in. Returns the
 * unsubscribe function.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** Sends one JSON request to the API and returns the parsed body, or throws an {@link ApiError}. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Bullseye server. Check your connection.');
  }
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const envelope = json as Partial<ErrorEnvelope> | undefined;
    const error = new ApiError(
      response.status,
      envelope?.error?.code ?? 'http_error',
      envelope?.error?.message ?? `The server answered ${response.status}.`,
      envelope?.error?.field,
    );
    if (error.isSessionEnded) sessionEndedListeners.forEach((l) => l());
    throw error;
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
