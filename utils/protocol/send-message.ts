import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType, ResponseMap } from '@/utils/protocol/messages';

/** Sends a typed request to the background and unwraps its reply; throws on failure. */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(`No reply to "${request.type}": the background did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
