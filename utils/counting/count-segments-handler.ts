import type { Handler } from '../messaging/router';
import { extensionTokenizerSource } from './extension-tokenizer-source';
import { createSegmentCounter, type CountSegmentsFn } from './segment-counter';
import { createTokenizerPool, type TokenizerDataSource } from './tokenizer-pool';

/**
 * The 'count' handler wherever tokenizers run (the background, or the counting document on
 * Chrome): one pool per context, so each tokenizer is loaded once, on first use.
 */
export function createCountSegmentsHandler(source: TokenizerDataSource = extensionTokenizerSource): {
  handler: Handler<'count'>;
  countSegments: CountSegmentsFn;
} {
  let countSegments: CountSegmentsFn | undefined;
  const counter = () => (countSegments ??= createSegmentCounter(createTokenizerPool(source)));
  return {
    handler: async (request) => ({ counts: await counter()(request.tokenizer, request.segments) }),
    countSegments: (tokenizer, segments) => counter()(tokenizer, segments),
  };
}
