import { z } from 'zod';
import { contentRequestSchema, type ContentRequest, type ContentResponseMap } from '@/utils/protocol/content-messages';
import { pageRequestSchema, type PageRequest, type PageResponseMap } from '@/utils/protocol/page-messages';

/**
 * Every request to the background, by direction:
 * - content-messages.ts: content script → background (checked against the sending tab);
 * - page-messages.ts: extension page → background (stored data: import, delete, retention);
 * - broadcasts.ts: background → extension pages (notices, no reply).
 * This file joins the first two for the router and for typed senders (send-message.ts,
 * request-port.ts). Add a message in its direction's file, not here.
 */

export type { ExactCountReply } from '@/utils/protocol/content-messages';

export type Request = ContentRequest | PageRequest;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type ResponseMap = ContentResponseMap & PageResponseMap;

/**
 * Every reply is wrapped so a failure is a value, not a rejected promise lost in a port.
 * `refused`: the request will never be served as sent (malformed, or not allowed for this
 * sender), so retrying it is pointless. `retryAfterMs`: over the sender's rate limit.
 */
export type Reply<T extends RequestType> =
  | { ok: true; value: ResponseMap[T] }
  | { ok: false; error: string; refused?: true; retryAfterMs?: number };

const PAGE_ONLY_TYPES: ReadonlySet<string> = new Set(pageRequestSchema.options.map((o) => o.shape.type.value));

/**
 * Validates a request against what its sender may send: a content script only the content
 * messages, an extension page every message.
 */
export function parseRequest(raw: unknown, from: 'content' | 'page'): { ok: true; request: Request } | { ok: false; error: string } {
  const type = (raw as { type?: unknown } | null)?.type;
  if (from === 'content' && typeof type === 'string' && PAGE_ONLY_TYPES.has(type)) {
    return { ok: false, error: `"${type}" is served to the extension's own pages only` };
  }
  const result = (from === 'page' && typeof type === 'string' && PAGE_ONLY_TYPES.has(type) ? pageRequestSchema : contentRequestSchema).safeParse(raw);
  if (result.success) return { ok: true, request: result.data };
  return { ok: false, error: `Malformed message: ${z.prettifyError(result.error)}` };
}
