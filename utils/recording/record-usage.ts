import { browser } from 'wxt/browser';
import type { UsageEvent } from '../usage/usage-event';
import type { Reply } from '../messaging/messages';
import { emitUsageRecorded } from './turn-events';

/**
 * Content-side delivery of usage events to the background, at least once; the background
 * dedupes by id, so "at least once" is "exactly once" in storage.
 *
 * Until acknowledged, an event waits in storage.local under its own key (counts only,
 * never text), so a reloaded tab or a stopped service worker loses nothing: the next
 * content script to start flushes it.
 */
export const PENDING_PREFIX = 'tt-pending-usage:';
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

const inFlight = new Map<string, Promise<void>>();

type Outcome = 'acknowledged' | 'refused' | 'retry';

async function sendOnce(event: UsageEvent): Promise<Outcome> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'record-usage', event })) as Reply<'record-usage'> | undefined;
    if (!reply) return 'retry'; // worker died before answering
    if (reply.ok) return 'acknowledged';
    // A malformed or refused event will never be accepted; retrying it forever would only spin.
    if (reply.refused) {
      console.warn('[TokenTally] usage event refused:', reply.error);
      return 'refused';
    }
    return 'retry';
  } catch {
    // "Could not establish connection" while the worker restarts, or a context reload.
    return 'retry';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliver(event: UsageEvent): Promise<void> {
  let delay = FIRST_RETRY_MS;
  for (;;) {
    const outcome = await sendOnce(event);
    if (outcome !== 'retry') {
      await browser.storage.local.remove(PENDING_PREFIX + event.id).catch(() => {});
      return;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  }
}

function deliverOnce(event: UsageEvent): Promise<void> {
  let pending = inFlight.get(event.id);
  if (!pending) {
    pending = deliver(event).finally(() => inFlight.delete(event.id));
    inFlight.set(event.id, pending);
  }
  return pending;
}

/** Records one usage event; resolves once the background has stored it (or refused it as malformed). */
export async function recordUsage(event: UsageEvent): Promise<void> {
  // Persist first: if the tab or the worker dies now, the next start still has it.
  await browser.storage.local.set({ [PENDING_PREFIX + event.id]: event }).catch(() => {});
  await deliverOnce(event);
  emitUsageRecorded(event);
}

/** Re-sends every event a previous page or worker left unacknowledged. Call at content-script start. */
export async function flushPendingUsage(): Promise<number> {
  let all: Record<string, unknown>;
  try {
    all = await browser.storage.local.get(null);
  } catch {
    return 0;
  }
  const pending = Object.entries(all)
    .filter(([key]) => key.startsWith(PENDING_PREFIX))
    .map(([, value]) => value as UsageEvent);
  await Promise.all(pending.map(deliverOnce));
  return pending.length;
}
