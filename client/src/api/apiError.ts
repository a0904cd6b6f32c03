/** An error answered by the HTTP API, in its one envelope, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The request needed a session and there is none (never set, signed out, or expired). */
  get isSessionEnded(): boolean {
    return this.status === 401 && this.code === 'unauthenticated';
  }
}

/** The ApiError behind a rejection, or a generic one for anything else thrown. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client_error', error instanceof Error ? error.message : 'Something went wrong.');
}
