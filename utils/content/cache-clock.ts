import { cacheCountdown, promptCacheApplies, warmUntil, type CacheCountdown } from '@/utils/core/cache/prompt-cache';
import { chooseModel } from '@/utils/core/page/page-state';
import { createStore } from '@/utils/core/page/store';
import type { CountdownStore } from '@/utils/core/page/badge-contract';
import type { PageServices } from '@/utils/content/page-services';
import type { ClockTask } from '@/utils/content/page/page-clock';
import { conversationKeyOf } from '@/utils/content/page/conversation-ledger';

/**
 * The prompt cache's countdown, on one task of the page's clock. It writes the page store's
 * `cacheExpiresAt` only when the window of the conversation on screen opens or closes (the
 * badge's `data-cache-expires-at` follows it), and the countdown's text into a small store of
 * its own once a second while warm: only the countdown subscribes to that, so the badge does
 * not re-render every second. Refreshed when a reply is recorded, the settings or model change,
 * and on page scans (a navigation to another conversation).
 */
export class CacheClock {
  readonly countdown: CountdownStore = createStore({ countdown: null as CacheCountdown | null });
  private readonly task: ClockTask;

  constructor(
    private readonly services: PageServices,
    private readonly now: () => number = Date.now,
  ) {
    this.task = services.clock.task(() => this.refresh());
  }

  refresh(): void {
    const { store } = this.services;
    const state = store.get();
    const now = this.now();
    const applies = !!state.settings && promptCacheApplies(state.host, chooseModel(state).model?.provider);
    const expiresAt = applies ? warmUntil(state.cacheEnds, conversationKeyOf(location.href), now, state.settings?.cacheTtlMinutes) : null;
    if (expiresAt !== state.cacheExpiresAt) store.set({ cacheExpiresAt: expiresAt });
    this.countdown.set({ countdown: expiresAt === null ? null : cacheCountdown(expiresAt, now) });
    // The next tick lands where the shown second changes.
    if (expiresAt !== null) this.task.runIn((expiresAt - now) % 1000 || 1000);
  }

  stop(): void {
    this.task.cancel();
  }
}
