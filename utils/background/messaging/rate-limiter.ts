/** A token bucket: `burst` units at once, refilled at `perSecond`. `cost` weighs one request (default 1). */
export interface RateLimit<R = unknown> {
  burst: number;
  perSecond: number;
  cost?: (request: R) => number;
}

interface Bucket {
  units: number;
  at: number;
}

/** Buckets kept before full ones are dropped (a full bucket is the same as no bucket). */
const MAX_BUCKETS = 1_000;

/**
 * Per-sender token buckets. `take` answers how long to wait (ms) when the sender is over its
 * limit, or 0 after charging it. Kept in the worker's memory: a restarted worker starts every
 * tab with a full bucket, which is generous, never wrong.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, limit: Pick<RateLimit, 'burst' | 'perSecond'>, cost = 1): number {
    const now = this.now();
    const bucket = this.refilled(key, limit, now);
    if (bucket.units < cost) {
      // A request larger than the whole burst waits for a full bucket, then goes through alone.
      const needed = Math.min(cost, limit.burst) - bucket.units;
      if (needed > 0) return Math.ceil((needed / limit.perSecond) * 1000);
    }
    bucket.units -= cost;
    return 0;
  }

  /** Forgets a sender (its tab closed). */
  forget(prefix: string): void {
    for (const key of this.buckets.keys()) if (key.startsWith(prefix)) this.buckets.delete(key);
  }

  private refilled(key: string, limit: Pick<RateLimit, 'burst' | 'perSecond'>, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.dropFull(limit, now);
      bucket = { units: limit.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.units = Math.min(limit.burst, bucket.units + elapsed * limit.perSecond);
    bucket.at = now;
    return bucket;
  }

  private dropFull(limit: Pick<RateLimit, 'burst' | 'perSecond'>, now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.units + ((now - b.at) / 1000) * limit.perSecond >= limit.burst) this.buckets.delete(key);
    }
    // Still full of busy senders: start over rather than grow without bound.
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
  }
}
