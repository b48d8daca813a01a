import type { Handlers } from '../messaging/router';
import { createExactCountHandler } from '../accuracy/exact-count-handler';
import { extensionTokenizerSource } from './extension-tokenizer-source';
import { createSegmentCounter, type CountSegmentsFn } from './segment-counter';
import { createTokenizerPool } from './tokenizer-pool';

// One pool per background: each tokenizer is loaded once for the whole browser, on first use.
let countSegments: CountSegmentsFn | undefined;
function counter(): CountSegmentsFn {
  countSegments ??= createSegmentCounter(createTokenizerPool(extensionTokenizerSource));
  return countSegments;
}

/**
 * The background's counting handlers: 'count' (one count per segment, in order) and the opt-in
 * 'count-exact' (Anthropic's count for Claude; null unless the user turned it on).
 */
export const countHandlers: Pick<Handlers, 'count' | 'count-exact'> = {
  count: async (request) => ({ counts: await counter()(request.tokenizer, request.segments) }),
  'count-exact': createExactCountHandler(),
};
