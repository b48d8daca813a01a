import type { ClaudeEstimatorId, CounterId, TokenizerId } from '@/utils/core/models/model-types';
import { CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';
import { scriptRuns, type ScriptGroup } from '@/utils/core/estimates/script-runs';

/**
 * Claude token estimate from o200k counts. No Claude 3+ tokenizer is public (count_tokens is the
 * only exact source), so the text is split into script runs (script-runs.ts), most runs are counted
 * with o200k, and each count is scaled per script and per Claude tokenizer generation:
 *
 *   estimate = Σ over CJK, Hangul, Cyrillic and emoji runs  factor[script] × o200k(run)
 *            + perChar × non-blank characters of Hebrew, Indic and other-script runs
 *            + Σ over Latin runs       perToken × o200k(run) + perLetter × letters
 *                                      + perCapital × capital starts + perPunctuation × punctuation
 *                                      + perCapsTail × letters after the first of an ALL-CAPS run
 *                                      + perHump × camelCase humps + perBlank × blanks after a blank
 *                                      + perGlued × words right after punctuation or a tab
 *                                      + perLineEnd × line breaks right after punctuation
 *
 * The Latin terms are what tell English prose (many letters per token) from JSON and logs (few),
 * and catch what the newer tokenizer splits hardest: capitalised and all-caps words (SQL keywords,
 * C macros), camelCase, indentation, and the punctuation o200k glues to a word or a line break
 * ("_addr", "-color", "\tmsg", ";\n"), which is where code differs most from prose. The model is
 * linear in counts, so the estimate of a text is the sum of its segments' estimates: the counting
 * pipeline can estimate segment by segment and add up.
 *
 * Hebrew, the Indic scripts and the rest (Arabic, Thai, Greek, …) are estimated per character, with
 * one factor for all: Claude's vocabularies have few merges in them, so its count follows the
 * characters (Hebrew and Hindi both measure 0.86 tokens per non-blank character on 4.6 and 4.7+),
 * while o200k, which has many Arabic and Indic merges and fewer Hebrew ones, does not (Claude/o200k
 * is 1.68 on Hebrew, 2.28 on Hindi). So a script without a calibration text of its own is
 * estimated from the others' measured cost per character, not from a guessed o200k ratio.
 *
 * Factors are fitted on calibration texts with real count_tokens results, on published ratios and
 * on code excerpts with proxy counts (scripts/claude-factor-fit.ts, `npm run -s models:fit`); the
 * generated file also holds each generation's leave-one-out error, which is the band the badge shows.
 */

export const CLAUDE_FEATURES = [
  'cjk', 'hangul', 'cyrillic', 'sparseChars', 'emoji',
  'latinTokens', 'latinLetters', 'latinCapitals', 'latinPunctuation', 'latinCapsTail', 'latinHumps', 'latinBlanks', 'latinGlued', 'latinLineEnds',
] as const;
export type ClaudeFeature = (typeof CLAUDE_FEATURES)[number];
export type ClaudeFeatures = Record<ClaudeFeature, number>;
export type ClaudeFactors = Record<ClaudeFeature, number>;

/** Scripts estimated by their characters, not their o200k count: few Claude merges (see above). */
const PER_CHARACTER: ReadonlySet<ScriptGroup> = new Set(['hebrew', 'indic', 'other']);

/** What the estimate of a text is made of: o200k tokens per script, the characters of the per-character scripts, and the Latin character counts. */
export function claudeFeatures(text: string, countO200k: (text: string) => number): ClaudeFeatures {
  const f: ClaudeFeatures = {
    cjk: 0, hangul: 0, cyrillic: 0, sparseChars: 0, emoji: 0,
    latinTokens: 0, latinLetters: 0, latinCapitals: 0, latinPunctuation: 0, latinCapsTail: 0, latinHumps: 0, latinBlanks: 0, latinGlued: 0, latinLineEnds: 0,
  };
  for (const run of scriptRuns(text)) {
    if (PER_CHARACTER.has(run.script)) {
      f.sparseChars += run.nonBlank;
      continue;
    }
    const tokens = countO200k(run.text);
    if (run.script === 'latin') {
      f.latinTokens += tokens;
      f.latinLetters += run.letters;
      f.latinCapitals += run.capitalStarts;
      f.latinPunctuation += run.punctuation;
      f.latinCapsTail += run.capsTail;
      f.latinHumps += run.camelHumps;
      f.latinBlanks += run.blankRun;
      f.latinGlued += run.gluedStarts;
      f.latinLineEnds += run.punctBreaks;
    } else f[run.script as 'cjk' | 'hangul' | 'cyrillic' | 'emoji'] += tokens;
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
