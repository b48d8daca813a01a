import type { Handlers } from '../messaging/router';
import { extensionTokenizerSource } from './extension-tokenizer-source';
import { createSegmentCounter, type CountSegmentsFn } from './segment-counter';
import { createTokenizerPool } from './tokenizer-pool';

// One pool per background: each tokenizer is loaded once for the whole browser, on first use.
let countSegments: CountSegmentsFn | undefined;
function counter(): CountSegmentsFn {
  countSegments ??= createSegmentCounter(createTokenizerPool(extensionTokenizerSource));
  return countSegments;
}

/** The background's 'count' handler: one count per segment, in order. */
export const countHandlers: Pick<Handlers, 'count'> = {
  count: async (request) => ({ counts: await counter()(request.tokenizer, request.segments) }),
};
