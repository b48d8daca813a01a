import { browser } from 'wxt/browser';

/**
 * Background → extension pages: notices with no reply. Sent with runtime.sendMessage, which
 * reaches open extension pages (not content scripts, and not the background itself).
 * Add one here; listeners test for it with `isBroadcast`.
 */
export interface Broadcasts {
  /** Stored usage changed (a write, an import, a deletion, retention): views re-read. */
  'usage-changed': { type: 'usage-changed' };
  /** A site's usage meter reading was stored (utils/meters): the popup's "Plan limits" re-reads. */
  'meters-changed': { type: 'meters-changed' };
  /** The estimators' learned corrections changed (an exact count, a reset): the options page re-reads. */
  'corrections-changed': { type: 'corrections-changed' };
}

export type BroadcastType = keyof Broadcasts;

export function isBroadcast<T extends BroadcastType>(message: unknown, type: T): message is Broadcasts[T] {
  return (message as { type?: unknown } | null)?.type === type;
}

/** Tells open extension pages; nobody listening is not an error. */
export async function sendBroadcast<T extends BroadcastType>(message: Broadcasts[T]): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // "Receiving end does not exist" when no extension page is open.
  }
}
