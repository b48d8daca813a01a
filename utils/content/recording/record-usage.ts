import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { sendOrRetryLater } from '@/utils/protocol/send-message';
import { retryWithBackoff } from '@/utils/core/retry-with-backoff';

/**
 * Content-side delivery of a finished turn to the background, at least once; the background
 * dedupes by id, so "at least once" is "exactly once" in storage. Until it is acknowledged the
 * turn is also saved by the background as sent (turn-outbox.ts), so a tab that closes or a
 * worker that stops meanwhile loses nothing: the saved turn is recorded as incomplete.
 * Nothing is kept in storage a content script can write.
 */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

const inFlight = new Map<string, Promise<void>>();

/** One try: resolves once the background has stored the event (or held it) or refused it for good; throws to be tried again. */
async function sendOnce(event: UsageEvent): Promise<void> {
  const reply = await sendOrRetryLater({ type: 'record-usage', event });
  // A malformed or refused event will never be accepted; retrying it forever would only spin.
  if (!reply.ok) console.warn('[TokenTally] usage event refused:', reply.refused);
}

/** Records one usage event; resolves once the background has stored it (or refused it). */
export function recordUsage(event: UsageEvent): Promise<void> {
  let pending = inFlight.get(event.id);
  if (!pending) {
    pending = retryWithBackoff(() => sendOnce(event), { firstMs: FIRST_RETRY_MS, maxMs: MAX_RETRY_MS }).finally(() => inFlight.delete(event.id));
    inFlight.set(event.id, pending);
  }
  return pending;
}
