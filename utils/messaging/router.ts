import type { Runtime } from 'webextension-polyfill';
import { parseRequest, type Reply, type RequestOf, type RequestType, type ResponseMap } from './messages';

export type Handler<T extends RequestType> = (
  request: RequestOf<T>,
  sender: Runtime.MessageSender,
) => Promise<ResponseMap[T]> | ResponseMap[T];

export type Handlers = { [T in RequestType]: Handler<T> };

/**
 * The background's single entry for messages: validates, dispatches, and turns
 * every failure into an `{ ok: false }` reply. A malformed message is logged and
 * never reaches a handler (and so never reaches storage).
 */
export async function routeMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: Partial<Handlers>,
): Promise<Reply<RequestType>> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) {
    console.warn('[TokenTally] rejected malformed message:', parsed.error);
    return { ok: false, error: `Malformed message: ${parsed.error}` };
  }
  const { request } = parsed;
  try {
    const handler = handlers[request.type] as Handler<typeof request.type> | undefined;
    if (!handler) return { ok: false, error: `"${request.type}" is not served here` };
    const value = await handler(request as never, sender);
    return { ok: true, value } as Reply<RequestType>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`[TokenTally] "${request.type}" failed:`, message);
    return { ok: false, error: message };
  }
}
