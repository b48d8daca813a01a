import type { ModelInfo } from '@/utils/core/models/model-types';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { RunEstimate } from '@/utils/core/clay/run-estimate';

/**
 * A Clay run as a usage event (counts only, never prompt text).
 *
 * Which provider it's filed under follows who bills it: on Clay credits Clay does, so the
 * event is provider 'clay' with the credits (and $0: the user pays in credits, not per
 * token); with the user's own key OpenAI/Anthropic/Google bill the tokens, so the event
 * is filed under that provider with its dollar cost and 0 credits. That way each popup card
 * adds up against the limit that actually applies (Clay plan vs. the provider's budget/TPM).
 */
export function buildClayRunEvent(args: {
  estimate: RunEstimate;
  model: ModelInfo;
  ownKey: boolean;
  site: string;
  now: number;
  priceDate: string | null;
  id?: string;
}): UsageEvent {
  const { estimate, model, ownKey } = args;
  return {
    id: args.id ?? newRunId(args.now),
    time: args.now,
    site: args.site,
    provider: ownKey ? model.provider : 'clay',
    model: model.id,
    promptTokens: estimate.totalInputTokens,
    contextTokens: 0,
    outputTokens: estimate.totalOutputTokens,
    costUsd: ownKey ? estimate.tokenCostUsd : 0,
    priceDate: ownKey && estimate.tokenCostUsd !== null ? args.priceDate : null,
    // Row data and output length are estimates, so the totals are too.
    exact: false,
    credits: ownKey ? 0 : estimate.creditsTotal,
    kind: 'clay-run',
  };
}

function newRunId(now: number): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
  return `clay-run-${now}-${random}`;
}
