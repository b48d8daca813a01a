import { browser } from 'wxt/browser';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * The two storage.local records a page keeps for turns the background has not yet stored
 * (counts only, never text). The content script writes them; the background's finaliser reads
 * them for a page that went away. Both sides read them through here, so their shape is one.
 */

/** One site's outbox: finished events not yet acknowledged, by id. */
export type Outbox = Record<string, UsageEvent>;

export const outboxKey = (site: string) => STORAGE_KEYS.usageOutbox.key + site;

export async function readOutbox(site: string): Promise<Outbox> {
  const key = outboxKey(site);
  const stored: unknown = (await browser.storage.local.get(key))[key];
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Outbox) : {};
}

/** Writes one site's outbox whole; an empty one is removed. */
export async function writeOutbox(site: string, outbox: Outbox): Promise<void> {
  const key = outboxKey(site);
  if (Object.keys(outbox).length) await browser.storage.local.set({ [key]: outbox });
  else await browser.storage.local.remove(key);
}

export const startedTurnKey = (id: string) => STORAGE_KEYS.startedTurns.key + id;

/** A sent turn whose reply has not been recorded yet. */
export interface StartedTurn {
  /** The turn as known so far, marked incomplete (output: the reply's count so far). */
  event: UsageEvent;
  /** The content-script instance (page load) that sent it. */
  pageId: string;
  /** Last time the page said the turn was still in flight (epoch ms). */
  heartbeatAt: number;
}

export async function writeStartedTurn(record: StartedTurn): Promise<void> {
  await browser.storage.local.set({ [startedTurnKey(record.event.id)]: record });
}

export async function removeStartedTurn(id: string): Promise<void> {
  await browser.storage.local.remove(startedTurnKey(id));
}
