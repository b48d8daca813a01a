import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Senders as the browser reports them, for tests (fakeBrowser's extension id). */

/** An extension page: the popup or options page. */
export function pageSender(page = 'options.html'): Runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(page) };
}

/** A content script in tab `tabId` showing `url`. */
export function tabSender(url: string, tabId = 1): Runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false } };
}
