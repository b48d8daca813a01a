import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryWithBackoff, RetryLater } from '@/utils/core/retry-with-backoff';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** Fails `failures` times (with `error`), then answers 'done'; records when each try ran. */
function flaky(failures: number, error: () => Error = () => new Error('worker restarting')) {
  const at: number[] = [];
  const start = Date.now();
  const attempt = async () => {
    at.push(Date.now() - start);
    if (at.length <= failures) throw error();
    return 'done';
  };
  return { attempt, at };
}

describe('retryWithBackoff', () => {
  it('waits twice as long after each failure, up to the cap', async () => {
    const { attempt, at } = flaky(5);
    const result = retryWithBackoff(attempt, { firstMs: 100, maxMs: 500 });
    await vi.runAllTimersAsync();
    expect(await result).toBe('done');
    expect(at).toEqual([0, 100, 300, 700, 1200, 1700]);
  });

  it('gives up after the attempts allowed, with the last error', async () => {
    const { attempt, at } = flaky(10, () => new Error(`failure ${Date.now()}`));
    const result = retryWithBackoff(attempt, { firstMs: 10, maxMs: 1000, attempts: 3 });
    const settled = result.catch((e: Error) => e.message);
    await vi.runAllTimersAsync();
    expect(at).toHaveLength(3);
    expect(await settled).toMatch(/failure/);
  });

  it("waits at least as long as a rate limit's answer asks", async () => {
    const { attempt, at } = flaky(1, () => new RetryLater(2_000));
    const result = retryWithBackoff(attempt, { firstMs: 100, maxMs: 500 });
    await vi.runAllTimersAsync();
    expect(await result).toBe('done');
    expect(at).toEqual([0, 2_000]);
  });
});
