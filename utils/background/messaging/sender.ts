import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';

/**
 * Who sent a message, from what the browser itself reports (a sender cannot forge these).
 *
 * - An extension page (popup, options page, also when opened in a tab) has the extension's
 *   own origin. It is trusted: it holds the same code and privileges as the background.
 * - A content script reports the page it runs in: a web URL, and the tab. It runs inside the
 *   site's renderer process, so it is trusted only as far as that site.
 * - Anything else (another extension, a page without a tab, a non-web URL) is refused.
 *
 * "No sender.tab" alone would not tell them apart: an extension page opened in a tab (the
 * options page, or popup.html in a tab as the end-to-end tests open it) has a tab too. The
 * URL's origin does: content scripts only ever run in web pages here (no extension page is
 * web-accessible, so none can be framed into a site).
 */
export type SenderContext =
  | { kind: 'page' }
  | ContentSender
  | { kind: 'unknown'; reason: string };

export interface ContentSender {
  kind: 'content';
  tabId: number;
  frameId: number;
  /** The sending frame's host, lower-case, e.g. "chatgpt.com". */
  host: string;
}

export interface ExtensionIdentity {
  id: string;
  /** The extension's base URL with its trailing slash: chrome-extension://<id>/, moz-extension://<uuid>/. */
  base: string;
}

let self: ExtensionIdentity | undefined;
export function extensionIdentity(): ExtensionIdentity {
  self ??= { id: browser.runtime.id, base: browser.runtime.getURL('/') };
  return self;
}

export function classifySender(sender: Runtime.MessageSender, me: ExtensionIdentity = extensionIdentity()): SenderContext {
  if (sender.id !== undefined && sender.id !== me.id) return { kind: 'unknown', reason: 'another extension' };
  // Firefox says outright which kind of context sent it.
  const envType = (sender as { envType?: string }).envType;
  // Compared as text: URL.origin is "null" for extension schemes in some URL parsers.
  const ownOrigin = me.base.replace(/\/$/, '');
  const reportedOrigin = (sender as { origin?: string }).origin;
  const ownUrl = typeof sender.url === 'string' && sender.url.startsWith(me.base);
  if (envType !== 'content_child' && ownUrl && (reportedOrigin === undefined || reportedOrigin === ownOrigin)) return { kind: 'page' };
  const url = parseUrl(sender.url);
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && tabId >= 0 && url && (url.protocol === 'https:' || url.protocol === 'http:')) {
    return { kind: 'content', tabId, frameId: sender.frameId ?? 0, host: url.hostname.toLowerCase() };
  }
  return { kind: 'unknown', reason: url ? `a sender at ${url.protocol}//${url.host}` : 'a sender without an address' };
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
