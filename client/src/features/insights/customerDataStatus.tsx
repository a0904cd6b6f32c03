import type { ApiError } from '../../api/apiError.js';

/** What a panel shows while the workspace's datasets are not loaded: the error with a retry, or "Loading…". */
export function customerDataStatus(error: ApiError | null, retry: () => void) {
  if (error) {
    return (
      <div className="comment-error" role="alert">
        <span className="grow">Customer data could not be loaded: {error.message}</span>
        <button type="button" className="btn btn-sm" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="muted small" role="status">
      Loading customer data…
    </p>
  );
}
