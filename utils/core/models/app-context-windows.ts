import type { ModelInfo } from '@/utils/core/models/model-types';

/**
 * The context windows the chat apps themselves give a conversation, which are often smaller than
 * the model's API window (Sonnet's 1M API window is 200k on claude.ai). Only published figures are
 * kept; where the app's window depends on a plan TokenTally does not know, the API's window is used
 * and the badge says so.
 *
 * Last checked: 2026-10, against
 *   claude.ai: https://support.claude.com/en/articles/8606394-how-large-is-the-context-window-on-paid-claude-plans
 *              ("200K+ tokens" on paid plans; 500K for some Enterprise models, which TokenTally cannot tell apart)
 *   ChatGPT:   https://openai.com/chatgpt/pricing ("Context window" row: Free 16K, Plus and Business 32K, Pro 128K;
 *              Go gives no figure, so it gets the API's)
 *   Gemini:    https://gemini.google/subscriptions/ (1M for Google AI Pro and Ultra, 32K without a plan):
 *              the plan is not known to TokenTally, so the API's window is shown there.
 */
export const APP_CONTEXT_CHECKED = '2026-10';

export type ChatgptPlanId = 'none' | 'free' | 'go' | 'plus' | 'pro' | 'business' | 'custom';

const CLAUDE_AI_WINDOW = 200_000;

const CHATGPT_WINDOWS: Partial<Record<ChatgptPlanId, number>> = {
  free: 16_000,
  plus: 32_000,
  business: 32_000,
  pro: 128_000,
};

export interface ContextWindowChoice {
  tokens: number;
  /** Whose window it is: the app's ("claude.ai") or the API's. */
  source: 'api' | 'app';
  /** Short name shown after the figure: "claude.ai", "ChatGPT Plus", "API". */
  sourceName: string;
}

const PLAN_NAMES: Partial<Record<ChatgptPlanId, string>> = { free: 'Free', plus: 'Plus', business: 'Business', pro: 'Pro' };

/** The app's published window for this host (and ChatGPT plan), or null where none applies. */
function appWindow(host: string, chatgptPlan: ChatgptPlanId): { tokens: number; name: string } | null {
  if (host === 'claude.ai') return { tokens: CLAUDE_AI_WINDOW, name: 'claude.ai' };
  if (host === 'chatgpt.com' || host === 'chat.openai.com') {
    const tokens = CHATGPT_WINDOWS[chatgptPlan];
    return tokens ? { tokens, name: `ChatGPT ${PLAN_NAMES[chatgptPlan]}` } : null;
  }
  return null;
}

/**
 * The window a prompt on `host` is measured against: the app's where it is published and no larger
 * than the model's (an app never gives a model more than its API does), else the model's API window.
 */
export function contextWindowFor(model: Pick<ModelInfo, 'contextWindow'>, host: string, chatgptPlan: ChatgptPlanId = 'none'): ContextWindowChoice {
  const app = appWindow(host, chatgptPlan);
  if (app && (model.contextWindow <= 0 || app.tokens <= model.contextWindow)) return { tokens: app.tokens, source: 'app', sourceName: app.name };
  return { tokens: model.contextWindow, source: 'api', sourceName: 'API' };
}

/** Share of the window at which the chip turns to its warning colour. */
export const CONTEXT_WARN_AT = 0.8;

export type ContextLevel = 'ok' | 'near' | 'over';

export function contextLevel(used: number, window: number): ContextLevel {
  if (window <= 0) return 'ok';
  if (used > window) return 'over';
  return used >= window * CONTEXT_WARN_AT ? 'near' : 'ok';
}

/** "200k", "1M", "8,192": a window as the badge names it. */
export function shortWindow(tokens: number): string {
  if (tokens >= 1_000_000 && tokens % 100_000 < 50_000) return `${Math.round(tokens / 100_000) / 10}M`;
  if (tokens >= 10_000 && tokens % 1_000 === 0) return `${tokens / 1_000}k`;
  if (tokens >= 100_000) return `${Math.round(tokens / 1_000)}k`;
  return tokens.toLocaleString('en-US');
}
