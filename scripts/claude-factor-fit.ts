import { readFileSync } from 'node:fs';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';
import { CLAUDE_FEATURES, claudeFeatures, estimateFromFeatures, type ClaudeFactors, type ClaudeFeature, type ClaudeFeatures } from '@/utils/core/estimates/claude-estimator';

/**
 * Fits the Claude estimator's factors (Node only: the fit script, the accuracy bench and the
 * tests use it; the extension ships the generated numbers).
 *
 * Inputs (test/data/):
 * - claude-calibration.json: 22 texts of ~4 KB with Anthropic count_tokens results for both
 *   tokenizer generations (framing overhead removed). The only real counts; every figure the
 *   bench prints is measured on them, each text predicted by a fit that never saw it.
 * - claude-published-ratios.json: published median Claude/o200k ratios per kind of text (prose,
 *   code, logs, LaTeX), each attached to a representative text, as soft targets.
 * - claude-code-proxies.json: code of kinds the calibration lacks (C, CSS, YAML, SQL, JavaScript,
 *   HTML) with proxy counts from the reconstructed Claude vocabularies, scaled by how those proxies
 *   compare with the real counts of the calibration's code. They are what shows the fit all-caps
 *   SQL keywords, C macros and CSS, which the calibration's code has little of.
 * - claude-generation-ratios.json: published 4.7+/4.6 ratios per kind (English 1.45×, German
 *   1.46×, Python 1.20×, CJK/Russian/Arabic/Hindi 1.00×, …): the newer generation is tied to the
 *   older one where its own data is thin (a script with one text or none, a language with none).
 * - PRIORS: the published per-script Claude/o200k ratios (platform-facts.md), and a loose one for the
 *   per-character factor of Hebrew, Indic and other scripts, which Hebrew's and Hindi's texts set.
 *
 * Weighted least squares on relative error, with a light ridge pull towards the priors, solved
 * exactly. Few parameters on purpose: the held-out texts that judge the estimator are not these.
 */

export const GENERATIONS: Readonly<Record<ClaudeEstimatorId, { field: 'claude_4_6_tokens' | 'claude_4_7_tokens'; anchorField: 'ratio_4_6' | 'ratio_4_7'; label: string }>> = {
  'claude3-estimate': { field: 'claude_4_6_tokens', anchorField: 'ratio_4_6', label: 'Claude 3 – 4.6 tokenizer' },
  'claude47-estimate': { field: 'claude_4_7_tokens', anchorField: 'ratio_4_7', label: 'Claude 4.7+ tokenizer' },
};
const OLDER: ClaudeEstimatorId = 'claude3-estimate';
const NEWER: ClaudeEstimatorId = 'claude47-estimate';

/** Published Claude/o200k ratios (platform-facts.md) as priors; 0 for the Latin character terms. */
const PRIORS: Readonly<Record<ClaudeEstimatorId, Partial<ClaudeFactors>>> = {
  // CJK 1.15-1.34, Korean 1.57, Russian 1.36, prose/code 1.14-1.22. Hebrew/Greek/Arabic/Thai/Hindi (1.7-2.3 × o200k) are
  // estimated per character: a loose 0.8 per non-blank character (o200k spends 0.4-0.5 on them), which the data overrides.
  'claude3-estimate': { cjk: 1.25, hangul: 1.57, cyrillic: 1.36, sparseChars: 0.8, emoji: 1.5, latinTokens: 1.18 },
  // CJK 1.19-1.51, Korean 1.60, Russian 1.37, prose/code/JSON 1.3-1.65.
  'claude47-estimate': { cjk: 1.35, hangul: 1.6, cyrillic: 1.37, sparseChars: 0.8, emoji: 1.5, latinTokens: 1.3 },
};
/** How far each factor may plausibly sit from its prior (one standard deviation). */
const PRIOR_SPREAD: Readonly<ClaudeFactors> = {
  cjk: 0.1, hangul: 0.1, cyrillic: 0.1, sparseChars: 0.3, emoji: 0.3,
  latinTokens: 0.3, latinLetters: 0.1, latinCapitals: 1, latinPunctuation: 0.3,
  latinCapsTail: 0.5, latinHumps: 1, latinBlanks: 0.3, latinGlued: 0.5, latinLineEnds: 0.5,
};
/** Strength of the pull towards the priors, relative to one text's relative error. */
const PRIOR_WEIGHT = 0.05;
/** Each published ratio weighs as much as this many calibration texts. */
const ANCHOR_WEIGHT = 2;
/**
 * A proxy count weighs as much as a real one: on the calibration's code its scatter around the
 * real count (3% on 4.6, 4.5% on 4.7) is below the estimator's own error.
 */
const PROXY_WEIGHT = 1;
/** A published generation ratio, applied to one text, weighs as much as a calibration text. */
const RATIO_WEIGHT = 1;

export interface Sample {
  kind: string;
  label: string;
  features: ClaudeFeatures;
  /** o200k count of the whole text: what the old single factor multiplied. */
  o200k: number;
  /** Real (calibration) or target (published ratio × o200k) token count per generation. */
  tokens: Record<ClaudeEstimatorId, number>;
}

/** A code excerpt with greedy counts over the reconstructed vocabularies, not a real count. */
export interface ProxySample {
  kind: string;
  features: ClaudeFeatures;
  greedy: Record<ClaudeEstimatorId, number>;
}

/** A text whose newer-generation count is the older one's times a published ratio. */
export interface RatioSample {
  kind: string;
  features: ClaudeFeatures;
  ratio: number;
}

export interface FitData {
  calibration: readonly Sample[];
  anchors: readonly Sample[];
  proxies: readonly ProxySample[];
  /** Greedy counts of the calibration's code texts, by label: what scales the proxies. */
  calibrationGreedy: Readonly<Record<string, Record<ClaudeEstimatorId, number>>>;
  ratioTexts: readonly RatioSample[];
  /** Published 4.7+/4.6 ratios per script. */
  scriptRatios: Readonly<Partial<ClaudeFactors>>;
}

const DATA_DIR = new URL('../test/data/', import.meta.url);
const readData = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as T;
const greedyOf = (g: { greedy_4_6: number; greedy_4_7: number }): Record<ClaudeEstimatorId, number> => ({ 'claude3-estimate': g.greedy_4_6, 'claude47-estimate': g.greedy_4_7 });

export function calibrationSamples(countO200k: (text: string) => number): Sample[] {
  const rows = readData<Array<{ label: string; kind: string; text: string; claude_4_6_tokens: number; claude_4_7_tokens: number }>>('claude-calibration.json');
  return rows.map((r) => ({
    kind: r.kind,
    label: r.label,
    features: claudeFeatures(r.text, countO200k),
    o200k: countO200k(r.text),
    tokens: { 'claude3-estimate': r.claude_4_6_tokens, 'claude47-estimate': r.claude_4_7_tokens },
  }));
}

export function anchorSamples(countO200k: (text: string) => number): Sample[] {
  const doc = readData<{ anchors: Array<{ kind: string; text: string; ratio_4_6: number; ratio_4_7: number }> }>('claude-published-ratios.json');
  return doc.anchors.map((a) => {
    const o200k = countO200k(a.text);
    return { kind: `published/${a.kind}`, label: a.kind, features: claudeFeatures(a.text, countO200k), o200k, tokens: { 'claude3-estimate': a.ratio_4_6 * o200k, 'claude47-estimate': a.ratio_4_7 * o200k } };
  });
}

/** Everything the fit reads, counted with `countO200k`. */
export function loadFitData(countO200k: (text: string) => number): FitData {
  type Greedy = { greedy_4_6: number; greedy_4_7: number };
  const proxyDoc = readData<{ calibrationGreedy: Record<string, Greedy>; proxies: Array<Greedy & { kind: string; text: string }> }>('claude-code-proxies.json');
  const ratioDoc = readData<{ scripts: Partial<ClaudeFactors>; texts: Array<{ kind: string; ratio: number; text: string }> }>('claude-generation-ratios.json');
  return {
    calibration: calibrationSamples(countO200k),
    anchors: anchorSamples(countO200k),
    proxies: proxyDoc.proxies.map((p) => ({ kind: p.kind, features: claudeFeatures(p.text, countO200k), greedy: greedyOf(p) })),
    calibrationGreedy: Object.fromEntries(Object.entries(proxyDoc.calibrationGreedy).map(([label, g]) => [label, greedyOf(g)])),
    ratioTexts: ratioDoc.texts.map((t) => ({ kind: t.kind, ratio: t.ratio, features: claudeFeatures(t.text, countO200k) })),
    scriptRatios: ratioDoc.scripts,
  };
}

/** The same data without calibration text `i` (and what is derived from it). */
export function withoutCalibrationText(data: FitData, i: number): FitData {
  return { ...data, calibration: data.calibration.filter((_, j) => j !== i) };
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

/** Real over greedy count, averaged over the calibration's code texts that are in `data`. */
export function proxyScale(generation: ClaudeEstimatorId, data: FitData): number {
  const ratios = data.calibration.filter((s) => data.calibrationGreedy[s.label]).map((s) => s.tokens[generation] / data.calibrationGreedy[s.label]![generation]);
  return ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/** Proxy samples as targets: greedy count × the scale measured on the calibration's code. */
export function proxyTargets(generation: ClaudeEstimatorId, data: FitData): Array<{ features: ClaudeFeatures; tokens: number }> {
  const scale = proxyScale(generation, data);
  return data.proxies.map((p) => ({ features: p.features, tokens: p.greedy[generation] * scale }));
}

/** Targets for the newer generation: the older generation's estimate × the published ratio of the text's kind. */
export function ratioTargets(data: FitData, older: ClaudeFactors): Array<{ features: ClaudeFeatures; tokens: number }> {
  return data.ratioTexts.map((t) => ({ features: t.features, tokens: estimateFromFeatures(t.features, older) * t.ratio }));
}

/** The priors of one generation: the newer one's script factors lean on the older one's fitted factors × the published ratio. */
function priorsOf(generation: ClaudeEstimatorId, older: ClaudeFactors | undefined, data: FitData): Partial<ClaudeFactors> {
  if (!older) return PRIORS[generation];
  const tied = Object.fromEntries(Object.entries(data.scriptRatios).map(([f, r]) => [f, older[f as keyof ClaudeFactors] * r!]));
  return { ...PRIORS[generation], ...tied };
}

/**
 * Least squares on relative error over weighted targets, pulled towards the priors. A factor
 * that comes out negative is held at 0 and the rest refitted (an active set): more capitals or
 * blanks never make a text cheaper, so a negative factor would only be fitting noise.
 */
function leastSquares(targets: Array<{ features: ClaudeFeatures; tokens: number; weight: number }>, priors: Partial<ClaudeFactors>): ClaudeFactors {
  const zero = new Set<ClaudeFeature>();
  for (;;) {
    const free = CLAUDE_FEATURES.filter((f) => !zero.has(f));
    const x = solveFor(free, targets, priors);
    const negative = free.filter((f) => x[f]! < 0);
    if (negative.length === 0) return Object.fromEntries(CLAUDE_FEATURES.map((f) => [f, x[f] ?? 0])) as ClaudeFactors;
    // Hold only the most negative at 0 each time: the others may turn positive without it.
    zero.add(negative.reduce((a, b) => (x[a]! < x[b]! ? a : b)));
  }
}

function solveFor(features: readonly ClaudeFeature[], targets: Array<{ features: ClaudeFeatures; tokens: number; weight: number }>, priors: Partial<ClaudeFactors>): Partial<ClaudeFactors> {
  const k = features.length;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  const addRow = (row: number[], target: number) => {
    for (let i = 0; i < k; i++) {
      atb[i]! += row[i]! * target;
      for (let j = 0; j < k; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  for (const t of targets) addRow(features.map((f) => (t.weight * t.features[f]) / t.tokens), t.weight);
  features.forEach((f, i) => {
    const w = PRIOR_WEIGHT / PRIOR_SPREAD[f];
    const row = new Array<number>(k).fill(0);
    row[i] = w;
    addRow(row, w * (priors[f] ?? 0));
  });
  const x = solve(ata, atb);
  return Object.fromEntries(features.map((f, i) => [f, x[i]!]));
}

/** The factors of one generation fitted on `data`; the newer generation fits the older one first, on the same data. */
export function fitFactors(generation: ClaudeEstimatorId, data: FitData): ClaudeFactors {
  const older = generation === NEWER ? fitFactors(OLDER, data) : undefined;
  const weighted = (samples: Array<{ features: ClaudeFeatures; tokens: number }>, weight: number) => samples.map((s) => ({ ...s, weight }));
  const targets = [
    ...weighted(data.calibration.map((s) => ({ features: s.features, tokens: s.tokens[generation] })), 1),
    ...weighted(data.anchors.map((s) => ({ features: s.features, tokens: s.tokens[generation] })), ANCHOR_WEIGHT),
    ...weighted(proxyTargets(generation, data), PROXY_WEIGHT),
    ...(older ? weighted(ratioTargets(data, older), RATIO_WEIGHT) : []),
  ];
  return leastSquares(targets, priorsOf(generation, older, data));
}

/** Signed relative errors (estimate / real − 1) of each calibration text, each predicted by a fit without it. */
export function leaveOneOut(generation: ClaudeEstimatorId, data: FitData): number[] {
  return data.calibration.map((held, i) => {
    const factors = fitFactors(generation, withoutCalibrationText(data, i));
    return estimateFromFeatures(held.features, factors) / held.tokens[generation] - 1;
  });
}

/** Signed errors against the code proxies (each left out of the fit that predicts it). */
export function proxyLeaveOneOut(generation: ClaudeEstimatorId, data: FitData): number[] {
  const targets = proxyTargets(generation, data);
  return data.proxies.map((p, i) => {
    const factors = fitFactors(generation, { ...data, proxies: data.proxies.filter((_, j) => j !== i) });
    return estimateFromFeatures(p.features, factors) / targets[i]!.tokens - 1;
  });
}

/** Errors of a single factor (o200k × factor), the baseline for the per-script fit, on the calibration texts: nothing is fitted, so no hold-out is needed. */
export function singleFactorErrors(generation: ClaudeEstimatorId, calibration: readonly Sample[], factor: number): number[] {
  return calibration.map((s) => (s.o200k * factor) / s.tokens[generation] - 1);
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

export const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

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

export function fitAll(data: FitData): Record<ClaudeEstimatorId, FittedGeneration> {
  const out = {} as Record<ClaudeEstimatorId, FittedGeneration>;
  for (const generation of Object.keys(GENERATIONS) as ClaudeEstimatorId[]) {
    const loo = summarise(leaveOneOut(generation, data));
    out[generation] = { factors: fitFactors(generation, data), loo, band: Math.ceil(loo.p90 * 100 - 1e-9) / 100 };
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
    '// Generated by scripts/fit-claude-factors.ts (`npm run -s models:fit`) from test/data/claude-calibration.json,',
    '// claude-published-ratios.json, claude-code-proxies.json and claude-generation-ratios.json.',
    '// Do not edit: change the data or the fit and regenerate.',
    "import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';",
    "import type { ClaudeFactors } from '@/utils/core/estimates/claude-estimator';",
    '',
    `/** Calibration texts behind the fit (each with both generations' count_tokens results). */`,
    `export const CALIBRATION_TEXTS = ${calibrationTexts};`,
    '',
    '/**',
    ' * Per generation: the estimator factors, the leave-one-out error on the calibration texts',
    ' * (relative; median, 90th percentile, maximum), and the band the badge shows (the p90, rounded up).',
    ' */',
    'export const CLAUDE_FACTORS: Readonly<Record<ClaudeEstimatorId, {',
    '  factors: ClaudeFactors;',
    '  band: number;',
    '  loo: { median: number; p90: number; max: number };',
    '}>> = {',
    ...body,
    '};',
    '',
  ].join('\n');
}
