import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { sendOrRetryLater } from '@/utils/protocol/send-message';
import type { ContentRequest } from '@/utils/protocol/content-messages';
import { retryWithBackoff } from '@/utils/core/retry-with-backoff';

/**
 * A sent turn is saved by the background from the moment it is sent (counts only, never text),
 * and again as its counts grow: the background keeps it in its own database with this tab and
 * page (utils/background/turn-finaliser.ts). When the reply ends, the finished event replaces it
 * (record-usage.ts). If the tab closes or reloads first, the background records the saved turn
 * as incomplete: a sent message is never dropped, and never counted twice, because both paths
 * use the same id. Nothing is kept where another page could write it.
 */

/** This page load's id: a reload is a new page, whose predecessor's turns are finalised. */
export const PAGE_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `page-${Date.now()}-${Math.random().toString(36).slice(2)}`;

type TurnNotice = Extract<ContentRequest, { type: 'save-turn' | 'drop-turn' | 'page-started' }>;

/** Sends a small notice to the background, retrying while the worker restarts; false if it never got through. */
function notify(message: TurnNotice, attempts = 8): Promise<boolean> {
  const once = async () => (await sendOrRetryLater(message)).ok;
  return retryWithBackoff(once, { firstMs: 250, maxMs: 10_000, attempts }).catch(() => false);
}

/** Saves a turn at send time, and again as its counts improve. */
export async function saveStartedTurn(event: UsageEvent, first: boolean): Promise<void> {
  await notify({ type: 'save-turn', event: { ...event, incomplete: true }, pageId: PAGE_ID }, first ? 8 : 3);
}

/** A turn that came to nothing (a send never confirmed): forget it. */
export async function dropStartedTurn(id: string): Promise<void> {
  await notify({ type: 'drop-turn', id }, 3);
}

/** Tells the background this tab has a new page: turns its previous page left unfinished are recorded as incomplete. */
export function announcePage(): void {
  void notify({ type: 'page-started', pageId: PAGE_ID }, 4);
}
