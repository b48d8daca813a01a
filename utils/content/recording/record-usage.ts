import { browser } from 'wxt/browser';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { Reply } from '@/utils/protocol/messages';
import { readOutbox, writeOutbox, type Outbox } from '@/utils/storage/outbox-records';
import { dropStartedTurn } from '@/utils/content/recording/turn-outbox';
import { retryWithBackoff, RetryLater } from '@/utils/core/retry-with-backoff';

/**
 * Content-side delivery of usage events to the background, at least once; the background
 * dedupes by id, so "at least once" is "exactly once" in storage.
 *
 * Until acknowledged, an event waits in storage.local in its site's outbox item (counts only,
 * never text), so a reloaded tab or a stopped service worker loses nothing: the next content
 * script to start on that site flushes it. A content script reads only its own site's item
 * (never all of storage.local), and the background accepts a tab's events only for that
 * tab's site anyway.
 */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

const inFlight = new Map<string, Promise<void>>();

/** One try: resolves once the background has stored the event or refused it for good; throws to be tried again. */
async function sendOnce(event: UsageEvent): Promise<void> {
  // Throws "Could not establish connection" while the worker restarts, or on a context reload.
  const reply = (await browser.runtime.sendMessage({ type: 'record-usage', event })) as Reply<'record-usage'> | undefined;
  if (!reply) throw new RetryLater(); // worker died before answering
  if (reply.ok) return;
  // A malformed or refused event will never be accepted; retrying it forever would only spin.
  if (reply.refused) {
    console.warn('[TokenTally] usage event refused:', reply.error);
    return;
  }
  throw new RetryLater(reply.retryAfterMs);
}

// Read-modify-write of one item: this page's changes run one after another.
let outboxQueue: Promise<unknown> = Promise.resolve();
function changeOutbox(site: string, change: (outbox: Outbox) => void): Promise<void> {
  const run = outboxQueue.then(async () => {
    const outbox = { ...(await readOutbox(site)) };
    change(outbox);
    await writeOutbox(site, outbox);
  });
  outboxQueue = run.catch(() => undefined);
  return run;
}


async function deliver(event: UsageEvent): Promise<void> {
  await retryWithBackoff(() => sendOnce(event), { firstMs: FIRST_RETRY_MS, maxMs: MAX_RETRY_MS });
  await changeOutbox(event.site, (outbox) => void delete outbox[event.id]).catch(() => {});
}

function deliverOnce(event: UsageEvent): Promise<void> {
  let pending = inFlight.get(event.id);
  if (!pending) {
    pending = deliver(event).finally(() => inFlight.delete(event.id));
    inFlight.set(event.id, pending);
  }
  return pending;
}

/** Records one usage event; resolves once the background has stored it (or refused it). */
export async function recordUsage(event: UsageEvent): Promise<void> {
  // Persist first: if the tab or the worker dies now, the next start still has it. The
  // finished event then replaces the turn's started record (turn-outbox.ts): from here on the
  // background finalises this id from the outbox, never from the started record.
  await changeOutbox(event.site, (outbox) => void (outbox[event.id] = event)).catch(() => {});
  await dropStartedTurn(event.id);
  await deliverOnce(event);
}

/** Re-sends every event a previous page on this site left unacknowledged. Call at content-script start. */
export async function flushPendingUsage(site: string = location.hostname): Promise<number> {
  let pending: UsageEvent[];
  try {
    pending = Object.values(await readOutbox(site));
  } catch {
    return 0;
  }
  await Promise.all(pending.map(deliverOnce));
  return pending.length;
}
