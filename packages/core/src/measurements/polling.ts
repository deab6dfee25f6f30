/**
 * Poll delay with exponential backoff: `interval × 2^failures`, capped at `max`. Used by the dashboard
 * and worklist machines as their `pollDelay`.
 */
export function backoffDelay(intervalMs: number, failures: number, maxMs: number): number {
  return Math.min(maxMs, intervalMs * 2 ** Math.min(failures, 30));
}

export const DEFAULT_POLL_INTERVAL_MS = 60_000;
export const DEFAULT_MAX_BACKOFF_MS = 15 * 60_000;

/** A message for an unknown thrown value, for context and emitted events (never health data). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
}
