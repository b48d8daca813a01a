import type { SiteAdapter } from '../sites/site-adapter';
import { isReplyStreaming } from '../page/streaming';
import { allOfFirstMatch, firstMatch } from '../page/find-fields';

export interface ReplyWaitOptions {
  /** How long the reply's text must stay unchanged (with no streaming marker) to count as finished. */
  stableMs: number;
  /** Give up waiting for a reply to start after this long (the turn is recorded without output). */
  startTimeoutMs: number;
  /** Give up on a reply that never settles after this long (recorded with what is visible). */
  totalTimeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

export const DEFAULT_REPLY_WAIT: ReplyWaitOptions = {
  stableMs: 500,
  startTimeoutMs: 60_000,
  totalTimeoutMs: 10 * 60_000,
  pollMs: 100,
};

/** The reply to the turn: the newest assistant message that wasn't there at send time. */
function currentReply(adapter: SiteAdapter, before: Set<Element>, lastTextBefore: string): Element | null {
  const replies = allOfFirstMatch(adapter.selectors.assistantMessage);
  const fresh = replies.filter((el) => !before.has(el));
  if (fresh.length) return fresh.at(-1)!;
  // Some sites re-use the last message element for a regenerated reply.
  const last = replies.at(-1);
  return last && (last.textContent ?? '') !== lastTextBefore ? last : null;
}

/**
 * Resolves with the finished reply's text ('' when none appeared). Polls a couple of
 * querySelector calls every `pollMs` rather than observing the whole streaming DOM, which
 * would run on every token the site renders.
 */
export function waitForReply(
  adapter: SiteAdapter,
  repliesBefore: Set<Element>,
  lastTextBefore: string,
  options: Partial<ReplyWaitOptions> = {},
): Promise<string> {
  const { stableMs, startTimeoutMs, totalTimeoutMs, pollMs, signal } = { ...DEFAULT_REPLY_WAIT, ...options };
  const started = Date.now();
  return new Promise((resolve) => {
    let lastText: string | null = null;
    let stableSince = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      const reply = currentReply(adapter, repliesBefore, lastTextBefore);
      const streaming = isReplyStreaming(adapter);
      const text = reply?.textContent ?? null;
      if (text !== lastText) {
        lastText = text;
        stableSince = now;
      }
      // An empty placeholder bubble is not a reply yet.
      const settled = !!text?.trim() && !streaming && now - stableSince >= stableMs;
      const noReply = !text?.trim() && !streaming && now - started >= startTimeoutMs;
      if (settled || noReply || now - started >= totalTimeoutMs || signal?.aborted) {
        clearInterval(timer);
        resolve(text ?? '');
      }
    }, pollMs);
  });
}
