import { sendRequest } from '../messaging/send-message';
import type { ObservationResult } from './exact-observations';

/**
 * For content scripts (the sites helper's console adapters): reports a real token count the
 * page showed for a text TokenTally estimated, e.g. the input tokens platform.claude.com's
 * playground or AI Studio shows after a run. The background folds it into the user's
 * correction of that model's estimate (Claude models; others are acknowledged and ignored).
 *
 *   await reportExactCount({ modelId: 'claude-sonnet-5', text: promptTheRunSent, tokens: 1234 });
 *
 * `tokens` must count exactly `text` (the console's input tokens for a run whose input was that
 * text alone), not a whole conversation with a system prompt. Never throws: a refusal or a
 * background that is not there only means nothing was learned.
 */
export async function reportExactCount(observation: { modelId: string; text: string; tokens: number }): Promise<ObservationResult> {
  try {
    return await sendRequest({ type: 'observe-exact-count', ...observation });
  } catch (error) {
    return { applied: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
