import type { Handlers } from '../messaging/router';
import { createExactCountHandler } from '../accuracy/exact-count-handler';
import { correctedCounts, createExactObserver } from '../estimates/exact-observations';
import { extensionTokenizerSource } from './extension-tokenizer-source';
import { createSegmentCounter, type CountSegmentsFn } from './segment-counter';
import { createTokenizerPool } from './tokenizer-pool';
import type { TokenizerId } from '../models/model-types';

// One pool per background: each tokenizer is loaded once for the whole browser, on first use.
let countSegments: CountSegmentsFn | undefined;
function counter(): CountSegmentsFn {
  countSegments ??= createSegmentCounter(createTokenizerPool(extensionTokenizerSource));
  return countSegments;
}

const observeExact = createExactObserver(counter);

/**
 * The background's counting handlers: 'count' (one count per segment, in order; Claude
 * estimates with the user's learned correction), the opt-in 'count-exact' (Anthropic's count
 * for Claude; null unless the user turned it on), and 'observe-exact-count' (a real count a page
 * showed). Both kinds of exact count teach the estimate's correction.
 */
export const countHandlers: Pick<Handlers, 'count' | 'count-exact' | 'observe-exact-count'> = {
  count: async (request) => ({ counts: await correctedCounts(request.tokenizer, await counter()(request.tokenizer, request.segments)) }),
  'count-exact': createExactCountHandler(undefined, (text, modelId, tokens) => void observeExact(text, modelId, tokens).catch(() => {})),
  'observe-exact-count': (request) => observeExact(request.text, request.modelId, request.tokens),
};

/**
 * Loads a tokenizer now, in the background, when the browser starts or the extension is
 * installed: the first keystroke on a fresh browser then finds it ready instead of waiting
 * ~1-2 s for it (content scripts warm up too, but only once a page has loaded). o200k serves
 * ChatGPT, the OpenAI consoles and Claude's estimate.
 */
export function prewarmTokenizers(ids: TokenizerId[] = ['o200k']): void {
  for (const id of ids) {
    counter()(id, []).catch((error) => console.warn(`[TokenTally] could not load ${id}:`, error));
  }
}
