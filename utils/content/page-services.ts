import type { PageStore } from '@/utils/core/page/page-state';
import { createLiveCounter, createSegmentCache, type LiveCounter } from '@/utils/content/counting/live-counter';
import { createPageEvents, type PageEvents } from '@/utils/content/page/page-events';
import { PageChanges } from '@/utils/content/page/page-changes';
import { PageClock } from '@/utils/content/page/page-clock';

/**
 * What the page's features share, made once by the composition root (start-page.ts): the page
 * store, one set of event listeners, one MutationObserver, one timer, and the page's counters.
 * The two counters share one cache of segment counts: the badge counts the prompt with
 * `counters.prompt` as it is typed, and recording counts the sent prompt with `counters.text`,
 * which finds its segments already counted. They keep apart only the text each counted last,
 * from which the next count starts (a reply counted for the record must not make the next
 * keystroke in the composer a recount).
 */
export interface PageServices {
  store: PageStore;
  events: PageEvents;
  changes: PageChanges;
  clock: PageClock;
  counters: { prompt: LiveCounter; text: LiveCounter };
}

export function createPageServices(store: PageStore): PageServices & { stop(): void } {
  const events = createPageEvents();
  const changes = new PageChanges();
  const clock = new PageClock();
  const cache = createSegmentCache();
  const counters = {
    // Only the prompt field is typed in: its counter fetches likely next keystrokes ahead.
    prompt: createLiveCounter(undefined, { predictKeystrokes: true, cache }),
    // The conversation, and what recording counts (the sent prompt, its context, the reply).
    text: createLiveCounter(undefined, { cache }),
  };
  return {
    store,
    events,
    changes,
    clock,
    counters,
    stop() {
      events.stop();
      changes.stop();
      clock.stop();
    },
  };
}
