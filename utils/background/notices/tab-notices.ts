import { browser } from 'wxt/browser';
import type { TabNotices, TabNoticeType } from '@/utils/protocol/tab-notices';
import { sendBroadcast } from '@/utils/protocol/broadcasts';

/**
 * Sends a notice to every web tab (content scripts there listen with onTabNotice). Tabs the
 * extension has no access to report no address and are skipped; a tab without TokenTally's
 * content script answers "no receiving end", which is expected.
 */
export async function noticeToTabs<T extends TabNoticeType>(notice: TabNotices[T]): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => typeof tab.id === 'number' && /^https?:/.test(tab.url ?? ''))
      .map((tab) => browser.tabs.sendMessage(tab.id!, notice).catch(() => undefined)),
  );
}

/** The corrections changed: pages showing them re-read, and content scripts ask again (they come with the settings). */
export function announceCorrectionsChanged(): void {
  void sendBroadcast({ type: 'corrections-changed' });
  void noticeToTabs({ type: 'settings-changed' }).catch(() => undefined);
}
