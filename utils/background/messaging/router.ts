import type { Runtime } from 'webextension-polyfill';
import type { ContentRequest } from '@/utils/protocol/content-messages';
import { CONTENT_RATE_LIMITS, CONTENT_SENDER_CHECKS } from '@/utils/background/messaging/content-policy';
import { parseRequest, type Reply, type RequestOf, type RequestType, type ResponseMap } from '@/utils/protocol/messages';
import { RateLimiter, type RateLimit } from '@/utils/background/messaging/rate-limiter';
import { classifySender, type ContentSender, type ExtensionIdentity } from '@/utils/background/messaging/sender';

export type Handler<T extends RequestType> = (
  request: RequestOf<T>,
  sender: Runtime.MessageSender,
) => Promise<ResponseMap[T]> | ResponseMap[T];

export type Handlers = { [T in RequestType]: Handler<T> };

export interface RouterOptions {
  /** Per-tab rate limits; shared by every entry (onMessage and the request ports). */
  limiter?: RateLimiter;
  /** This extension's id and base URL (tests pass their own). */
  identity?: ExtensionIdentity;
}

const sharedLimiter = new RateLimiter();

/** Forgets a closed tab's rate-limit buckets. */
export function forgetTab(tabId: number): void {
  sharedLimiter.forget(`${tabId}:`);
}

/**
 * The background's single entry for messages: finds out who sent it (sender.ts), validates it
 * against what that sender may send, applies the tab's rate limit and sender checks, dispatches,
 * and turns every failure into an `{ ok: false }` reply. Nothing refused reaches a handler (and
 * so never reaches storage).
 */
export async function routeMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: Partial<Handlers>,
  options: RouterOptions = {},
): Promise<Reply<RequestType>> {
  const from = classifySender(sender, options.identity);
  if (from.kind === 'unknown') return refuse(`Refused: messages from ${from.reason} are not served`);
  const parsed = parseRequest(raw, from.kind);
  if (!parsed.ok) return refuse(parsed.error);
  const { request } = parsed;
  if (from.kind === 'content') {
    const problem = checkContentRequest(request as ContentRequest, from, options.limiter ?? sharedLimiter);
    if (problem) return problem;
  }
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

function checkContentRequest(request: ContentRequest, from: ContentSender, limiter: RateLimiter): Reply<RequestType> | null {
  const limit = CONTENT_RATE_LIMITS[request.type] as RateLimit<ContentRequest>;
  const waitMs = limiter.take(`${from.tabId}:${request.type}`, limit, limit.cost?.(request) ?? 1);
  if (waitMs > 0) return { ok: false, error: `Rate limited: too many "${request.type}" requests from this tab; retry in ${waitMs} ms`, retryAfterMs: waitMs };
  const check = CONTENT_SENDER_CHECKS[request.type] as ((r: ContentRequest, s: ContentSender) => string | null) | undefined;
  const problem = check?.(request, from);
  return problem ? refuse(`Refused: ${problem}`) : null;
}

function refuse(error: string): Reply<RequestType> {
  console.warn('[TokenTally] refused message:', error);
  return { ok: false, error, refused: true };
}
