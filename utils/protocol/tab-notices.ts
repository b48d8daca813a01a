import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';

/**
 * Background → content scripts: notices with no reply, sent with tabs.sendMessage (only the
 * extension's own contexts can call it). Content scripts read no extension storage (the
 * background restricts it to trusted contexts), so they learn of changes from these.
 * Add one here; content scripts listen with `onTabNotice`.
 */
export interface TabNotices {
  /** The settings or the estimators' corrections changed: ask for them again. */
  'settings-changed': { type: 'settings-changed' };
}

export type TabNoticeType = keyof TabNotices;

/** Content script: calls `handler` on each notice of `type` from this extension. Returns the unsubscribe. */
export function onTabNotice<T extends TabNoticeType>(type: T, handler: (notice: TabNotices[T]) => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    // Only the extension itself reaches a content script this way; a page's postMessage never does.
    if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== type) return;
    handler(message as TabNotices[T]);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
