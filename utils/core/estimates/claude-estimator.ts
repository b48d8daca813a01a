import type { ClaudeEstimatorId, CounterId, TokenizerId } from '@/utils/core/models/model-types';
import { CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';
import { scriptRuns } from '@/utils/core/estimates/script-runs';

/**
 * Claude token estimate from o200k counts. No Claude 3+ tokenizer is public (count_tokens is the
 * only exact source), so the text is split into script runs (script-runs.ts), each run is counted
 * with o200k, and each count is scaled per script and per Claude tokenizer generation:
 *
 *   estimate = Σ over non-Latin runs  factor[script] × o200k(run)
 *            + Σ over Latin runs       perToken × o200k(run) + perLetter × letters
 *                                      + perCapital × capital starts + perPunctuation × punctuation
 *                                      + perCapsTail × letters after the first of an ALL-CAPS run
 *                                      + perHump × camelCase humps + perBlank × blanks after a blank
 *
 * The Latin terms are what tell English prose (many letters per token) from JSON and logs (few),
 * and catch what the newer tokenizer splits hardest: capitalised and all-caps words (SQL keywords,
 * C macros), camelCase, and indentation, which is where code differs most from prose. The model is
 * linear in counts, so the estimate of a text is the sum of its segments' estimates: the counting
 * pipeline can estimate segment by segment and add up.
 *
 * Factors are fitted on calibration texts with real count_tokens results, on published ratios and
 * on code excerpts with proxy counts (scripts/claude-factor-fit.ts, `npm run -s models:fit`); the
 * generated file also holds each generation's leave-one-out error, which is the band the badge shows.
 */

export const CLAUDE_FEATURES = [
  'cjk', 'hangul', 'cyrillic', 'hebrew', 'indic', 'other', 'emoji',
  'latinTokens', 'latinLetters', 'latinCapitals', 'latinPunctuation', 'latinCapsTail', 'latinHumps', 'latinBlanks',
] as const;
export type ClaudeFeature = (typeof CLAUDE_FEATURES)[number];
export type ClaudeFeatures = Record<ClaudeFeature, number>;
export type ClaudeFactors = Record<ClaudeFeature, number>;

/** What the estimate of a text is made of: o200k tokens per script, and the Latin character counts. */
export function claudeFeatures(text: string, countO200k: (text: string) => number): ClaudeFeatures {
  const f: ClaudeFeatures = {
    cjk: 0, hangul: 0, cyrillic: 0, hebrew: 0, indic: 0, other: 0, emoji: 0,
    latinTokens: 0, latinLetters: 0, latinCapitals: 0, latinPunctuation: 0, latinCapsTail: 0, latinHumps: 0, latinBlanks: 0,
  };
  for (const run of scriptRuns(text)) {
    const tokens = countO200k(run.text);
    if (run.script === 'latin') {
      f.latinTokens += tokens;
      f.latinLetters += run.letters;
      f.latinCapitals += run.capitalStarts;
      f.latinPunctuation += run.punctuation;
      f.latinCapsTail += run.capsTail;
      f.latinHumps += run.camelHumps;
      f.latinBlanks += run.blankRun;
    } else f[run.script] += tokens;
  }
  return f;
}

export function estimateFromFeatures(features: ClaudeFeatures, factors: ClaudeFactors): number {
  let sum = 0;
  for (const k of CLAUDE_FEATURES) sum += features[k] * factors[k];
  return sum;
}

/** The (fractional) Claude token estimate of `text` for one tokenizer generation. Round once, after summing. */
export function estimateClaudeTokens(text: string, estimator: ClaudeEstimatorId, countO200k: (text: string) => number): number {
  if (text.length === 0) return 0;
  return estimateFromFeatures(claudeFeatures(text, countO200k), CLAUDE_FACTORS[estimator].factors);
}

export function isClaudeEstimator(counter: CounterId): counter is ClaudeEstimatorId {
  return counter === 'claude3-estimate' || counter === 'claude47-estimate';
}

/** The tokenizer whose data a counter runs on: Claude estimates are built on o200k. */
export function counterTokenizer(counter: CounterId): TokenizerId {
  return isClaudeEstimator(counter) ? 'o200k' : counter;
}
