import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageClock } from '@/utils/content/page/page-clock';

describe('PageClock: one timer for every polling feature', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs each task at its own time, with one timeout armed for the earliest', () => {
    const clock = new PageClock();
    const ran: string[] = [];
    const fast = clock.task(() => ran.push(`fast@${Date.now() % 100_000}`));
    const slow = clock.task(() => ran.push(`slow@${Date.now() % 100_000}`));
    const start = Date.now() % 100_000;
    slow.runIn(250);
    fast.runIn(100);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(300);
    expect(ran).toEqual([`fast@${start + 100}`, `slow@${start + 250}`]);
    expect(fast.scheduled() || slow.scheduled()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps an earlier due time, and moves a later one forward', () => {
    const clock = new PageClock();
    const fn = vi.fn();
    const task = clock.task(fn);
    task.runIn(1000);
    task.runIn(2000); // later: the 1000 ms run stands
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    task.runIn(1000);
    task.runIn(0); // sooner: runs now
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('a task may schedule itself again from its run (a poll), and one that throws does not stop the others', () => {
    const clock = new PageClock();
    let polls = 0;
    const poll = clock.task(() => {
      polls++;
      if (polls < 3) poll.runIn(100);
    });
    const broken = clock.task(() => {
      throw new Error('broken feature');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    poll.runIn(100);
    broken.runIn(100);
    vi.advanceTimersByTime(1000);
    expect(polls).toBe(3);
  });

  it('cancel and stop leave no timer behind', () => {
    const clock = new PageClock();
    const fn = vi.fn();
    const a = clock.task(fn);
    const b = clock.task(fn);
    a.runIn(100);
    b.runIn(200);
    a.cancel();
    vi.advanceTimersByTime(150);
    expect(fn).not.toHaveBeenCalled();
    clock.stop();
    expect(vi.getTimerCount()).toBe(0);
    b.runIn(10);
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
  });
});
