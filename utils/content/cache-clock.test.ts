// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageStore } from '@/utils/core/page/page-state';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { noteReplyEnded } from '@/utils/core/cache/prompt-cache';
import { claudeAdapter } from '@/utils/sites/adapters/claude';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { PageClock } from '@/utils/content/page/page-clock';
import { CacheClock } from '@/utils/content/cache-clock';
import type { PageServices } from '@/utils/content/page-services';

const goTo = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

function setUp(adapter = claudeAdapter, host = 'claude.ai', ttl: 5 | 60 = 5) {
  const store = createPageStore(adapter, host);
  store.set({ settings: { ...DEFAULT_SETTINGS, cacheTtlMinutes: ttl } });
  const clock = new PageClock();
  const cache = new CacheClock({ store, clock } as unknown as PageServices);
  const renders: string[] = [];
  cache.countdown.subscribe((s) => renders.push(s.countdown?.text ?? 'cold'));
  let storeChanges = 0;
  store.subscribe(() => storeChanges++);
  return { store, clock, cache, renders, storeChanges: () => storeChanges };
}

describe('the cache countdown on the page clock (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') });
    goTo('https://claude.ai/chat/aaa');
  });
  afterEach(() => vi.useRealTimers());

  it('ticks once a second in its own store, writes the page store only when the window opens and closes, then stops', () => {
    const { store, cache, clock, renders, storeChanges } = setUp();
    const end = Date.now();
    store.set((s) => ({ cacheEnds: noteReplyEnded(s.cacheEnds, 'https://claude.ai/chat/aaa', end) }));
    const before = storeChanges();
    cache.refresh();
    expect(store.get().cacheExpiresAt).toBe(end + 5 * 60_000);
    expect(renders.at(-1)).toBe('cache warm · 5:00 left');
    vi.advanceTimersByTime(48_000);
    expect(renders.at(-1)).toBe('cache warm · 4:12 left');
    expect(renders).toHaveLength(49);
    vi.advanceTimersByTime(4 * 60_000 + 12_000 - 42_000);
    expect(renders.at(-1)).toBe('cache warm · 0:42 left — send now to reuse it');
    expect(storeChanges() - before).toBe(1);
    vi.advanceTimersByTime(42_000);
    expect(renders.at(-1)).toBe('cold');
    expect(store.get().cacheExpiresAt).toBeNull();
    expect(storeChanges() - before).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
    clock.stop();
  });

  it('another conversation on screen is cold; coming back finds it warm', () => {
    const { store, cache } = setUp(claudeAdapter, 'claude.ai', 60);
    store.set((s) => ({ cacheEnds: noteReplyEnded(s.cacheEnds, 'https://claude.ai/chat/aaa', Date.now()) }));
    goTo('https://claude.ai/chat/bbb');
    cache.refresh();
    expect(store.get().cacheExpiresAt).toBeNull();
    vi.advanceTimersByTime(10 * 60_000);
    goTo('https://claude.ai/chat/aaa?model=x');
    cache.refresh();
    expect(store.get().cacheExpiresAt).toBe(Date.now() + 50 * 60_000);
    cache.stop();
  });

  it('ChatGPT has no published cache rule for the app: never warm', () => {
    goTo('https://chatgpt.com/c/aaa');
    const { store, cache, renders } = setUp(chatgptAdapter, 'chatgpt.com');
    store.set((s) => ({ cacheEnds: noteReplyEnded(s.cacheEnds, 'https://chatgpt.com/c/aaa', Date.now()) }));
    cache.refresh();
    expect(store.get().cacheExpiresAt).toBeNull();
    expect(renders).toEqual([]);
  });
});
