import type { ProviderId } from '../models/model-types';

/**
 * One recorded turn (a chat message + its reply, a console run, or a Clay run).
 * Holds counts, model and cost only: never any prompt or reply text.
 */
export interface UsageEvent {
  /** Stable id chosen by the content script; recording the same id twice is a no-op. */
  id: string;
  /** Epoch milliseconds. */
  time: number;
  /** Hostname of the page, e.g. "chatgpt.com". */
  site: string;
  provider: ProviderId;
  model: string;
  /** Tokens of the new message. */
  promptTokens: number;
  /** Tokens of the visible conversation before the message, which an API call would read again. */
  contextTokens: number;
  /** Tokens of the finished reply. */
  outputTokens: number;
  /** Estimated cost in USD; null when the model has no known price. */
  costUsd: number | null;
  /** ISO date (YYYY-MM-DD) of the price data used for costUsd. */
  priceDate: string | null;
  exact: boolean;
  /** Clay only: credits this run used (0 with an own API key). */
  credits?: number;
  /** Kind of turn, for the history list. */
  kind: 'chat' | 'console' | 'clay-run';
}
