import type { Runtime } from 'webextension-polyfill';
import type { Handler } from '@/utils/background/messaging/router';
import { extensionTokenizerSource } from '@/utils/background/counting/extension-tokenizer-source';
import { createSegmentCounter, type CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { createTokenizerPool, type TokenizerDataSource } from '@/utils/core/counting/tokenizer-pool';
import { createFairCountQueue, type FairCountQueue } from '@/utils/core/counting/fair-count-queue';

/** Whose turn a count is: each tab's counts take turns with every other tab's. */
export function countSenderKey(sender: Runtime.MessageSender): string {
  return sender.tab?.id === undefined ? `extension:${sender.url ?? ''}` : `tab:${sender.tab.id}`;
}

/**
 * The 'count' request's answer, wherever it is answered (the background, or the counting
 * document on Chrome): one count per segment, in order, plain (a Claude estimate without the
 * user's correction, which the content script applies once to the total: live-counter.ts). Both
 * ends of the count port build their handler here, so they answer the same request alike, and
 * both count through a fair queue (fair-count-queue.ts), so one tab's megabytes never hold
 * another tab's keystroke.
 */
export function countHandlerFor(counting: CountSegmentsFn | FairCountQueue): Handler<'count'> {
  const queue = typeof counting === 'function' ? createFairCountQueue({ runners: [yieldingFirst(counting)], inFlight: 1 }) : counting;
  return async (request, sender) => ({ counts: await queue.count(countSenderKey(sender), request.tokenizer, request.segments, request.lane) });
}

/**
 * Counting in this context: each chunk starts in a task of its own, so the messages that
 * arrived meanwhile (another tab's keystroke) are routed, and queued, between two chunks.
 */
function yieldingFirst(countSegments: CountSegmentsFn): CountSegmentsFn {
  return async (counter, segments) => {
    await nextTask();
    return countSegments(counter, segments);
  };
}

/** A new task without setTimeout's 4 ms clamp for nested timers (hundreds of chunks in a row). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The background's 'count' handler: one pool per context, so each tokenizer is loaded once, on first use. */
export function createCountSegmentsHandler(source: TokenizerDataSource = extensionTokenizerSource): {
  handler: Handler<'count'>;
  countSegments: CountSegmentsFn;
} {
  let segmentCounter: CountSegmentsFn | undefined;
  const counter = () => (segmentCounter ??= createSegmentCounter(createTokenizerPool(source)));
  const countSegments: CountSegmentsFn = (tokenizer, segments) => counter()(tokenizer, segments);
  return { handler: countHandlerFor(countSegments), countSegments };
}
