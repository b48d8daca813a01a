/** How long to wait between tries: `firstMs`, then twice as long each time up to `maxMs`. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
  /** Tries in all before giving up (the last error is thrown); unlimited when left out. */
  attempts?: number;
}

/** Thrown by an attempt that should be tried again, no sooner than `retryAfterMs` (a rate limit's answer). */
export class RetryLater extends Error {
  constructor(readonly retryAfterMs = 0) {
    super('retry later');
  }
}

/**
 * Runs `attempt` until it resolves, waiting longer after each throw. The one retry loop for
 * talking to a background that may be restarting (an MV3 worker stops when idle): counting,
 * recording a usage event and the turn outbox's notices all go through it.
 */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, { firstMs, maxMs, attempts = Infinity }: Backoff): Promise<T> {
  let delay = firstMs;
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.max(delay, error instanceof RetryLater ? error.retryAfterMs : 0)));
      delay = Math.min(delay * 2, maxMs);
    }
  }
}
