import { readFileSync } from 'node:fs';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';
import { CLAUDE_FEATURES, claudeFeatures, estimateFromFeatures, type ClaudeFactors, type ClaudeFeatures } from '@/utils/core/estimates/claude-estimator';

/**
 * Fits the Claude estimator's factors (Node only: the fit script, the accuracy bench and the
 * tests use it; the extension ships the generated numbers).
 *
 * Inputs:
 * - test/data/claude-calibration.json: 22 texts of ~4 KB with Anthropic count_tokens results for
 *   both tokenizer generations (framing overhead removed).
 * - test/data/claude-published-ratios.json: published median ratios per kind of text (prose,
 *   code, logs, LaTeX), each attached to a representative text, as soft targets.
 * - PRIORS: the published per-script ratios (platform-facts.md). A script with one calibration
 *   text (Korean, Hebrew, Hindi) or none (Arabic, Thai, Greek: "other") leans on them.
 *
 * Weighted least squares on relative error, with a light ridge pull towards the priors, solved
 * exactly. Few parameters on purpose: the held-out texts that judge the estimator are not these.
 */

export const GENERATIONS: Readonly<Record<ClaudeEstimatorId, { field: 'claude_4_6_tokens' | 'claude_4_7_tokens'; anchorField: 'ratio_4_6' | 'ratio_4_7'; label: string }>> = {
  'claude3-estimate': { field: 'claude_4_6_tokens', anchorField: 'ratio_4_6', label: 'Claude 3 – 4.6 tokenizer' },
  'claude47-estimate': { field: 'claude_4_7_tokens', anchorField: 'ratio_4_7', label: 'Claude 4.7+ tokenizer' },
};

/** Published Claude/o200k ratios (platform-facts.md) as priors; 0 for the Latin character terms. */
const PRIORS: Readonly<Record<ClaudeEstimatorId, Partial<ClaudeFactors>>> = {
  // CJK 1.15-1.34, Korean 1.57, Russian 1.36, Hebrew/Greek/Arabic/Thai/Hindi 1.7-2.3, prose/code 1.14-1.22.
  'claude3-estimate': { cjk: 1.25, hangul: 1.57, cyrillic: 1.36, hebrew: 2.0, indic: 2.0, other: 2.0, emoji: 1.5, latinTokens: 1.18 },
  // CJK 1.19-1.51, Korean 1.60, Russian 1.37, the same 1.7-2.3, prose/code/JSON 1.3-1.65.
  'claude47-estimate': { cjk: 1.35, hangul: 1.6, cyrillic: 1.37, hebrew: 2.0, indic: 2.0, other: 2.0, emoji: 1.5, latinTokens: 1.3 },
};
/** How far each factor may plausibly sit from its prior (one standard deviation). */
const PRIOR_SPREAD: Readonly<ClaudeFactors> = {
  cjk: 0.1, hangul: 0.1, cyrillic: 0.1, hebrew: 0.3, indic: 0.3, other: 0.3, emoji: 0.3,
  latinTokens: 0.3, latinLetters: 0.1, latinCapitals: 1, latinPunctuation: 0.3,
};
/** Strength of the pull towards the priors, relative to one text's relative error. */
const PRIOR_WEIGHT = 0.05;
/** Each published ratio weighs as much as this many calibration texts. */
const ANCHOR_WEIGHT = 2;

export interface Sample {
  kind: string;
  features: ClaudeFeatures;
  /** Real (calibration) or target (published ratio × o200k) token count per generation. */
  tokens: Record<ClaudeEstimatorId, number>;
}

const DATA_DIR = new URL('../test/data/', import.meta.url);

export function calibrationSamples(countO200k: (text: string) => number): Sample[] {
  const rows = JSON.parse(readFileSync(new URL('claude-calibration.json', DATA_DIR), 'utf8')) as Array<{ kind: string; text: string; claude_4_6_tokens: number; claude_4_7_tokens: number }>;
  return rows.map((r) => ({
    kind: r.kind,
    features: claudeFeatures(r.text, countO200k),
    tokens: { 'claude3-estimate': r.claude_4_6_tokens, 'claude47-estimate': r.claude_4_7_tokens },
  }));
}

export function anchorSamples(countO200k: (text: string) => number): Sample[] {
  const doc = JSON.parse(readFileSync(new URL('claude-published-ratios.json', DATA_DIR), 'utf8')) as { anchors: Array<{ kind: string; text: string; ratio_4_6: number; ratio_4_7: number }> };
  return doc.anchors.map((a) => {
    const o200k = countO200k(a.text);
    return { kind: `published/${a.kind}`, features: claudeFeatures(a.text, countO200k), tokens: { 'claude3-estimate': a.ratio_4_6 * o200k, 'claude47-estimate': a.ratio_4_7 * o200k } };
  });
}

/** Solves A x = b (A square) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Least squares on relative error over the samples (anchors weighted), pulled towards the priors. */
export function fitFactors(generation: ClaudeEstimatorId, calibration: readonly Sample[], anchors: readonly Sample[]): ClaudeFactors {
  const k = CLAUDE_FEATURES.length;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  const addRow = (row: number[], target: number) => {
    for (let i = 0; i < k; i++) {
      atb[i]! += row[i]! * target;
      for (let j = 0; j < k; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  for (const [samples, weight] of [[calibration, 1], [anchors, ANCHOR_WEIGHT]] as const) {
    for (const s of samples) {
      const y = s.tokens[generation];
      addRow(CLAUDE_FEATURES.map((f) => (weight * s.features[f]) / y), weight);
    }
  }
  CLAUDE_FEATURES.forEach((f, i) => {
    const w = PRIOR_WEIGHT / PRIOR_SPREAD[f];
    const row = new Array<number>(k).fill(0);
    row[i] = w;
    addRow(row, w * (PRIORS[generation][f] ?? 0));
  });
  const x = solve(ata, atb);
  return Object.fromEntries(CLAUDE_FEATURES.map((f, i) => [f, x[i]!])) as ClaudeFactors;
}

/** Signed relative errors (estimate / real − 1) of each calibration text, each predicted by a fit without it. */
export function leaveOneOut(generation: ClaudeEstimatorId, calibration: readonly Sample[], anchors: readonly Sample[]): number[] {
  return calibration.map((held, i) => {
    const factors = fitFactors(generation, calibration.filter((_, j) => j !== i), anchors);
    return estimateFromFeatures(held.features, factors) / held.tokens[generation] - 1;
  });
}

/** Errors of a single factor (o200k × factor), the baseline for the per-script fit, on the calibration texts: nothing is fitted, so no hold-out is needed. */
export function singleFactorErrors(generation: ClaudeEstimatorId, calibration: readonly Sample[], factor: number): number[] {
  return calibration.map((s) => {
    const o200k = CLAUDE_FEATURES.filter((f) => f !== 'latinLetters' && f !== 'latinCapitals' && f !== 'latinPunctuation').reduce((n, f) => n + s.features[f], 0);
    return (o200k * factor) / s.tokens[generation] - 1;
  });
}

export interface ErrorSummary {
  median: number;
  p90: number;
  max: number;
}

/** Median, 90th percentile (linear interpolation) and maximum of the absolute errors. */
export function summarise(errors: readonly number[]): ErrorSummary {
  const a = errors.map(Math.abs).sort((x, y) => x - y);
  const at = (q: number) => {
    const pos = q * (a.length - 1);
    const lo = Math.floor(pos);
    return a[lo]! + (a[Math.min(lo + 1, a.length - 1)]! - a[lo]!) * (pos - lo);
  };
  return { median: at(0.5), p90: at(0.9), max: a[a.length - 1]! };
}

/** o200k counts for fitting and benchmarks: tiktoken's encode_ordinary, which the extension's o200k equals. */
export async function tiktokenO200k(): Promise<(text: string) => number> {
  const { get_encoding } = await import('tiktoken');
  const enc = get_encoding('o200k_base');
  return (text) => enc.encode_ordinary(text).length;
}

export interface FittedGeneration {
  factors: ClaudeFactors;
  /** Leave-one-out error on the calibration texts. */
  loo: ErrorSummary;
  /** What the badge shows: the leave-one-out p90, rounded up to a whole percent. */
  band: number;
}

export function fitAll(calibration: readonly Sample[], anchors: readonly Sample[]): Record<ClaudeEstimatorId, FittedGeneration> {
  const out = {} as Record<ClaudeEstimatorId, FittedGeneration>;
  for (const generation of Object.keys(GENERATIONS) as ClaudeEstimatorId[]) {
    const loo = summarise(leaveOneOut(generation, calibration, anchors));
    out[generation] = { factors: fitFactors(generation, calibration, anchors), loo, band: Math.ceil(loo.p90 * 100 - 1e-9) / 100 };
  }
  return out;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The file `npm run -s models:fit` writes; the estimator test fails when it differs from a fresh fit. */
export function factorsSource(fitted: Record<ClaudeEstimatorId, FittedGeneration>, calibrationTexts: number): string {
  const body = Object.entries(fitted).map(([generation, g]) => {
    const factors = Object.fromEntries(CLAUDE_FEATURES.map((f) => [f, round(g.factors[f], 4)]));
    const loo = { median: round(g.loo.median, 4), p90: round(g.loo.p90, 4), max: round(g.loo.max, 4) };
    return `  '${generation}': ${JSON.stringify({ factors, band: g.band, loo })},`;
  });
  return [
    '// Generated by scripts/fit-claude-factors.ts (`npm run -s models:fit`) from test/data/claude-calibration.json',
    '// and test/data/claude-published-ratios.json. Do not edit: change the data or the fit and regenerate.',
    "import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';",
    '',
    `/** Calibration texts behind the fit (each with both generations' count_tokens results). */`,
    `export const CALIBRATION_TEXTS = ${calibrationTexts};`,
    '',
    '/**',
    ' * Per generation: the estimator factors, the leave-one-out error on the calibration texts',
    ' * (relative; median, 90th percentile, maximum), and the band the badge shows (the p90, rounded up).',
    ' */',
    'export const CLAUDE_FACTORS: Readonly<Record<ClaudeEstimatorId, {',
    '  factors: Record<string, number> & { cjk: number; hangul: number; cyrillic: number; hebrew: number; indic: number; other: number; emoji: number; latinTokens: number; latinLetters: number; latinCapitals: number; latinPunctuation: number };',
    '  band: number;',
    '  loo: { median: number; p90: number; max: number };',
    '}>> = {',
    ...body,
    '};',
    '',
  ].join('\n');
}
