import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadScheduler, type ReadSlot } from '@/utils/core/meters/read-scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(slots: ReadSlot[]) {
  const reads: number[] = [];
  let claims = 0;
  const scheduler = createReadScheduler({
    claim: async () => slots[Math.min(claims++, slots.length - 1)]!,
    read: async () => void reads.push(Date.now()),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  return { scheduler, reads, claims: () => claims };
}

describe('read scheduler', () => {
  it('reads when the slot is free, after the requested delay', async () => {
    const { scheduler, reads } = setup([{ due: true, retryInMs: 0 }]);
    scheduler.request(3_000);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(reads).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toHaveLength(1);
  });

  it('a request in a taken slot runs once the slot opens, not never', async () => {
    const { scheduler, reads, claims } = setup([{ due: false, retryInMs: 40_000 }, { due: true, retryInMs: 0 }]);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(39_999);
    expect(reads).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toHaveLength(1);
    expect(claims()).toBe(2);
  });

  it('a burst of requests is one read', async () => {
    const { scheduler, reads } = setup([{ due: true, retryInMs: 0 }]);
    for (let i = 0; i < 5; i++) scheduler.request(1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reads).toHaveLength(1);
  });

  it('stop cancels what is pending', async () => {
    const { scheduler, reads } = setup([{ due: true, retryInMs: 0 }]);
    scheduler.request(1_000);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reads).toHaveLength(0);
  });
});
