import { browser } from 'wxt/browser';

/** Tells open popups/options pages that usage changed. Nobody listening is not an error. */
export async function broadcastUsageChanged(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'usage-changed' });
  } catch {
    // "Receiving end does not exist" when no extension page is open.
  }
}
