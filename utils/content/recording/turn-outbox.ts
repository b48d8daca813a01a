import { browser } from 'wxt/browser';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { Reply } from '@/utils/protocol/messages';
import { removeStartedTurn, writeStartedTurn, type StartedTurn } from '@/utils/storage/outbox-records';
import { retryWithBackoff, RetryLater } from '@/utils/core/retry-with-backoff';

/**
 * A sent turn lives in storage.local from the moment it is sent (counts only, never text),
 * in its own item (`startedTurn:<id>`, see storage-keys.ts), and is told to the background, which learns the tab it belongs
 * to. When the reply ends, the finished event replaces it (record-usage.ts). If the tab closes
 * or reloads first, the background records what the outbox holds as incomplete
 * (turn-finaliser.ts): a sent message is never dropped, and never counted twice, because both
 * paths write the same id.
 */

/** This page load's id: a reload is a new page, whose predecessor's turns are finalised. */
export const PAGE_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `page-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Sends a small notice to the background, retrying while the worker restarts; false if it never got through. */
function notify(message: { type: 'turn-started'; id: string; pageId: string } | { type: 'page-started'; pageId: string }, attempts = 8): Promise<boolean> {
  const once = async () => {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<'turn-started'> | undefined;
    if (reply?.ok) return true;
    if (reply && !reply.ok && reply.refused) return false;
    throw new RetryLater(reply && !reply.ok ? reply.retryAfterMs : 0);
  };
  return retryWithBackoff(once, { firstMs: 250, maxMs: 10_000, attempts }).catch(() => false);
}

/** Persists a turn at send time (and again as its counts improve); the first call tells the background. */
export async function saveStartedTurn(event: UsageEvent, first: boolean): Promise<void> {
  const record: StartedTurn = { event: { ...event, incomplete: true }, pageId: PAGE_ID, heartbeatAt: Date.now() };
  await writeStartedTurn(record).catch(() => {});
  if (first) void notify({ type: 'turn-started', id: event.id, pageId: PAGE_ID });
}

/** A turn that came to nothing (a send never confirmed): forget it. */
export async function dropStartedTurn(id: string): Promise<void> {
  await removeStartedTurn(id).catch(() => {});
}

/** Tells the background this tab has a new page: turns its previous page left unfinished are recorded as incomplete. */
export function announcePage(): void {
  void notify({ type: 'page-started', pageId: PAGE_ID }, 4);
}
