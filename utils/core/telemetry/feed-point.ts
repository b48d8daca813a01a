import { PROVIDER_IDS, type UsageEvent } from '@/utils/core/usage/usage-event';
import { eventSums } from '@/utils/core/usage/usage-totals';

/**
 * What the team feed keeps and sends of one recorded turn: counts, model, site, cost. Never any
 * text, and nothing a turn record does not already hold. The token fields are the popup's own
 * sums of the event (usage-totals.ts eventSums), so what a collector adds up equals the popup's
 * totals for the same turns.
 */
export interface FeedPoint {
  eventId: string;
  /** Epoch ms of the turn. */
  time: number;
  site: string;
  /** TokenTally's provider id (the popup's card): openai, anthropic, google, clay. */
  provider: UsageEvent['provider'];
  model: string;
  /** prompt + attachments + context: the popup's input tokens. */
  inputTokens: number;
  /** The reply (the popup's output tokens); thinking is apart, in reasoningTokens. */
  outputTokens: number;
  /** The part of inputTokens read from the prompt cache. */
  cacheReadTokens: number;
  /** Thinking as shown (a lower bound); 0 when none or unreadable. */
  reasoningTokens: number;
  /** USD; null when the model has no known price. */
  costUsd: number | null;
}

export function feedPointOf(event: UsageEvent): FeedPoint {
  const sums = eventSums(event);
  return {
    eventId: event.id,
    time: event.time,
    site: event.site,
    provider: event.provider,
    model: event.model,
    inputTokens: sums.promptTokens + sums.contextTokens,
    outputTokens: sums.outputTokens,
    cacheReadTokens: sums.cacheReadTokens,
    reasoningTokens: sums.reasoningTokens,
    costUsd: event.costUsd,
  };
}

const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e12;
/** Epoch ms up to the end of this century, as usage-bounds.ts allows. */
const epochMs = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 4_102_444_800_000;

/** A point read back from the outbox, checked like anything stored; null when it is not one. */
export function parseFeedPoint(raw: unknown): FeedPoint | null {
  const p = raw as Partial<Record<keyof FeedPoint, unknown>> | null;
  if (!p || typeof p !== 'object') return null;
  const textOk = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  if (!textOk(p.eventId, 200) || !textOk(p.site, 253) || !textOk(p.model, 120)) return null;
  if (!(PROVIDER_IDS as readonly unknown[]).includes(p.provider)) return null;
  if (!epochMs(p.time) || !count(p.inputTokens) || !count(p.outputTokens) || !count(p.cacheReadTokens) || !count(p.reasoningTokens)) return null;
  if (p.costUsd !== null && !(typeof p.costUsd === 'number' && p.costUsd >= 0 && p.costUsd < 1e9)) return null;
  return {
    eventId: p.eventId as string,
    time: p.time as number,
    site: p.site as string,
    provider: p.provider as FeedPoint['provider'],
    model: p.model as string,
    inputTokens: p.inputTokens as number,
    outputTokens: p.outputTokens as number,
    cacheReadTokens: p.cacheReadTokens as number,
    reasoningTokens: p.reasoningTokens as number,
    costUsd: p.costUsd as number | null,
  };
}
