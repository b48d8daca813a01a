import * as v from 'valibot'; // content scripts check the corrections they are sent: valibot keeps zod out of their bundle
import { latestEventTime, MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';

/**
 * A per-user correction of each Claude estimator: the running ratio of exact counts (the user's
 * opt-in count_tokens results, or a console's real count after a run) to TokenTally's estimate
 * of the same text. Someone who mostly writes German, or camelCase code, gets estimates that
 * drift towards their own texts. Bounded: one odd observation moves it a little, and it never
 * goes beyond ±25-33%. Counts only: no text is kept.
 */

export interface Correction {
  /** Multiplier applied to this estimator's estimates. */
  ratio: number;
  /** Observations behind it. */
  samples: number;
  /** When the last observation arrived (ms since the epoch). */
  updated: number;
}
export type Corrections = Partial<Record<ClaudeEstimatorId, Correction>>;

export const CORRECTION_RULES = {
  /** Texts shorter than this (estimated tokens) are ignored: the request's fixed framing tokens would dominate. */
  minTokens: 200,
  /** One observation's ratio is clamped to this range (a mismatched observation must not swing the estimate). */
  observation: [0.67, 1.5] as const,
  /** The correction itself stays in this range. */
  overall: [0.75, 1.33] as const,
  /** The estimator's own fit counts as this many observations of ratio 1: the first exact count moves it a quarter of the way. */
  priorWeight: 3,
  /** After this many observations each new one weighs 1/window (a running average over roughly the last `window`). */
  window: 20,
} as const;

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));

/** The correction after one observation, or null when the observation is too small to use. */
export function nextCorrection(prev: Correction | undefined, estimate: number, exact: number, now = Date.now()): Correction | null {
  if (!(estimate >= CORRECTION_RULES.minTokens) || !Number.isFinite(exact) || exact <= 0) return null;
  const observed = clamp(exact / estimate, CORRECTION_RULES.observation);
  const samples = prev?.samples ?? 0;
  const weight = 1 / Math.min(samples + 1 + CORRECTION_RULES.priorWeight, CORRECTION_RULES.window);
  // Averaged in log space, so over- and under-counts of the same size cancel.
  const log = Math.log(prev?.ratio ?? 1) * (1 - weight) + Math.log(observed) * weight;
  return { ratio: clamp(Math.exp(log), CORRECTION_RULES.overall), samples: samples + 1, updated: now };
}

const correctionSchema = v.object({
  ratio: v.pipe(v.number(), v.minValue(CORRECTION_RULES.overall[0]), v.maxValue(CORRECTION_RULES.overall[1])),
  samples: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
  // A time the options page can show: after TokenTally's world began, and not in the future.
  updated: v.pipe(v.number(), v.integer(), v.minValue(MIN_EVENT_TIME), v.check((t) => t <= latestEventTime())),
});
const correctionsSchema = v.object({ 'claude3-estimate': v.optional(correctionSchema), 'claude47-estimate': v.optional(correctionSchema) });

/** Anything malformed reads as no correction: every reader checks what it is given. */
export function parseCorrections(stored: unknown): Corrections {
  const parsed = v.safeParse(correctionsSchema, stored ?? {});
  return parsed.success ? parsed.output : {};
}

/** The multiplier for an estimator's estimates: 1 with no observations. */
export const correctionFactor = (corrections: Corrections | undefined, estimator: ClaudeEstimatorId): number => corrections?.[estimator]?.ratio ?? 1;
