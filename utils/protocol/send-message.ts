import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType, ResponseMap } from '@/utils/protocol/messages';
import { RetryLater } from '@/utils/core/retry-with-backoff';

/** Sends a typed request to the background and unwraps its reply; throws on failure. */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(`No reply to "${request.type}": the background did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * One try at a request that must get through: the reply's value, or the reason it was refused
 * for good (malformed, or not allowed for this sender: retrying is pointless). Throws
 * RetryLater while the background cannot answer (a restarting worker) or over the rate limit,
 * for retryWithBackoff to try again.
 */
export async function sendOrRetryLater<T extends RequestType>(request: RequestOf<T>): Promise<{ ok: true; value: ResponseMap[T] } | { ok: false; refused: string }> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  } catch {
    // "Could not establish connection" while the worker restarts, or on a context reload.
    throw new RetryLater();
  }
  if (!reply) throw new RetryLater(); // the worker died before answering
  if (reply.ok) return reply;
  if (reply.refused) return { ok: false, refused: reply.error };
  throw new RetryLater(reply.retryAfterMs);
}
