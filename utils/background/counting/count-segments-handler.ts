import type { Handler } from '@/utils/background/messaging/router';
import { extensionTokenizerSource } from '@/utils/background/counting/extension-tokenizer-source';
import { createSegmentCounter, type CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { createTokenizerPool, type TokenizerDataSource } from '@/utils/core/counting/tokenizer-pool';

/**
 * The 'count' request's answer, wherever it is answered (the background, or the counting
 * document on Chrome): one count per segment, in order, plain (a Claude estimate without the
 * user's correction, which the content script applies once to the total: live-counter.ts). Both
 * ends of the count port build their handler here, so they answer the same request alike.
 */
export function countHandlerFor(countSegments: CountSegmentsFn): Handler<'count'> {
  return async (request) => ({ counts: await countSegments(request.tokenizer, request.segments) });
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
