import type { SiteAdapter } from '../sites/site-adapter';

/** What the content script knows about the prompt field at the moment of a send. */
export interface TurnContext {
  /** Current model id for this page (override > page > site default). */
  modelId: () => string;
  /** Text of the prompt field right now, read the way the site will send it. */
  promptText: () => string;
}

/**
 * Watches the page for sent messages / finished replies (chat), runs (console), and
 * records one usage event per turn through the background. Returns a stop function.
 * Owned by usage recording (issue 5); placeholder until it lands.
 */
export function startTurnTracking(_adapter: SiteAdapter, _context: TurnContext): () => void {
  return () => {};
}
