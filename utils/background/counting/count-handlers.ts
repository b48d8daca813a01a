import type { Handlers } from '@/utils/background/messaging/router';
import { createExactCountHandler } from '@/utils/background/accuracy/exact-count-handler';
import { createExactObserver } from '@/utils/background/accuracy/exact-observations';
import { createCountSegmentsHandler } from '@/utils/background/counting/count-segments-handler';
import { countingDocumentSupported, ensureCountingDocument } from '@/utils/background/counting/counting-document';
import type { TokenizerId } from '@/utils/core/models/model-types';

// One pool per background: each tokenizer is loaded once here, on first use.
const background = createCountSegmentsHandler();

const observeExact = createExactObserver(() => background.countSegments);

/**
 * The background's counting handlers: 'count' (one count per segment, in order, as the counting
 * document answers it: Claude estimates come back plain and the content script applies the
 * user's learned correction), the opt-in 'count-exact' (Anthropic's count for Claude; null unless
 * the user turned it on), and 'observe-exact-count' (a real count a page showed). Both kinds of
 * exact count teach the estimate's correction.
 */
export const countHandlers: Pick<Handlers, 'count' | 'count-exact' | 'observe-exact-count'> = {
  count: background.handler,
  'count-exact': createExactCountHandler(undefined, (text, modelId, tokens) => void observeExact(text, modelId, tokens).catch(() => {})),
  'observe-exact-count': (request) => observeExact(request.text, request.modelId, request.tokens),
};

/**
 * Loads a tokenizer now, when the browser starts or the extension is installed: the first
 * keystroke on a fresh browser then finds it ready instead of waiting for it (content scripts
 * warm up too, but only once a page has loaded). On Chrome that means opening the counting
 * document, which loads o200k itself; elsewhere the background loads it. o200k serves ChatGPT,
 * the OpenAI consoles and Claude's estimate.
 */
export function prewarmTokenizers(ids: TokenizerId[] = ['o200k']): void {
  if (countingDocumentSupported()) {
    void ensureCountingDocument();
    return;
  }
  for (const id of ids) {
    background.countSegments(id, []).catch((error) => console.warn(`[TokenTally] could not load ${id}:`, error));
  }
}
