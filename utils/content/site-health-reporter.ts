import { browser } from 'wxt/browser';
import type { PageStore, SiteHealth } from '@/utils/core/page/page-state';

/**
 * Content side: reports the page's health to the background when it changes (at most every few
 * seconds), so the popup can say, per site, who reads it and since when.
 */
const MIN_INTERVAL_MS = 3000;

export function reportSiteHealth(store: PageStore): () => void {
  let sent: SiteHealth | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The first report waits a moment: a page's composer often mounts after the script starts.
  let lastSentAt = Date.now();
  const send = () => {
    timer = undefined;
    const health = store.get().health;
    if (sent && sent.reading === health.reading && sent.since === health.since && JSON.stringify(sent.roles) === JSON.stringify(health.roles)) return;
    sent = health;
    lastSentAt = Date.now();
    browser.runtime.sendMessage({ type: 'site-health', reading: health.reading, since: health.since, roles: health.roles }).catch(() => {
      sent = null; // the worker was restarting: try again with the next change
    });
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(send, Math.max(0, MIN_INTERVAL_MS - (Date.now() - lastSentAt)));
  };
  const stop = store.subscribe((state, previous) => {
    if (state.health !== previous.health) schedule();
  });
  schedule();
  return () => {
    stop();
    if (timer !== undefined) clearTimeout(timer);
  };
}
