// Claude estimate accuracy: `npm run bench -- accuracy` (or `npx tsx scripts/bench-accuracy.ts`).
// Prints, per Claude tokenizer generation, the error against Anthropic's count_tokens on the
// calibration texts (test/data/claude-calibration.json): a single factor (o200k × 1.3, the baseline) beside
// the per-script estimator, the estimator left out one text at a time (each text predicted by a fit
// that never saw it). Then per kind, the texts one by one, the code proxies (kinds without real
// counts, see claude-factor-fit.ts), and the estimator as the extension runs it.
import '@/scripts/node/register-onnx-stub';
import { readFileSync } from 'node:fs';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`.padStart(7);

async function main(): Promise<void> {
  const fit = await import('@/scripts/claude-factor-fit');
  const { LEGACY_CLAUDE_TOKEN_FACTOR } = await import('@/utils/core/models/model-registry');
  const count = await fit.tiktokenO200k();
  const data = fit.loadFitData(count);
  const { calibration } = data;
  const generations = Object.keys(fit.GENERATIONS) as ClaudeEstimatorId[];

  console.log(`Claude token estimates vs count_tokens on ${calibration.length} calibration texts (absolute relative error).`);
  console.log('The estimator is fitted without the text it predicts (leave-one-out); the single factor is not fitted.\n');
  console.log('generation               | method                     | median |    p90 |    max');
  const errors = new Map<ClaudeEstimatorId, { old: number[]; loo: number[] }>();
  for (const g of generations) {
    const old = fit.singleFactorErrors(g, calibration, LEGACY_CLAUDE_TOKEN_FACTOR);
    const loo = fit.leaveOneOut(g, data);
    errors.set(g, { old, loo });
    for (const [method, e] of [[`o200k × ${LEGACY_CLAUDE_TOKEN_FACTOR} (old)`, old], ['per-script (leave-one-out)', loo]] as const) {
      const s = fit.summarise(e);
      console.log(`${fit.GENERATIONS[g].label.padEnd(24)} | ${method.padEnd(26)} | ${pct(s.median)} | ${pct(s.p90)} | ${pct(s.max)}`);
    }
  }

  console.log('\nPer kind, leave-one-out (mean signed error, and mean absolute error):');
  const kinds = [...new Set(calibration.map((s) => s.kind.split('/')[0]!))];
  console.log(`kind       | texts | ${generations.map((g) => `${g.replace('-estimate', '')} signed / abs`.padEnd(24)).join(' | ')}`);
  for (const kind of kinds) {
    const idx = calibration.flatMap((s, i) => (s.kind.split('/')[0] === kind ? [i] : []));
    const cells = generations.map((g) => {
      const e = idx.map((i) => errors.get(g)!.loo[i]!);
      return `${signed(fit.meanOf(e))} / ${pct(fit.meanOf(e.map(Math.abs)))}`.padEnd(24);
    });
    console.log(`${kind.padEnd(10)} | ${String(idx.length).padStart(5)} | ${cells.join(' | ')}`);
  }

  console.log('\nPer text (signed error: + over-counts, − under-counts):');
  console.log(`kind             | ${generations.map((g) => `${g.replace('-estimate', '')} old  | ${g.replace('-estimate', '')} new`).join(' | ')}`);
  calibration.forEach((s, i) => {
    const cells = generations.map((g) => `${signed(errors.get(g)!.old[i]!)}     | ${signed(errors.get(g)!.loo[i]!)}`);
    console.log(`${s.kind.padEnd(16)} | ${cells.join(' | ')}`);
  });

  console.log(`\nCode of kinds without real counts (${data.proxies.length} excerpts: C, CSS, YAML, SQL, JavaScript, HTML), against proxy counts`);
  console.log('(greedy over the reconstructed vocabularies × real/greedy of the calibration code; each left out of the fit that predicts it):');
  for (const g of generations) {
    const e = fit.proxyLeaveOneOut(g, data);
    const s = fit.summarise(e);
    const byKind = [...new Set(data.proxies.map((p) => p.kind))].map((k) => `${k.replace('code/', '')} ${signed(fit.meanOf(e.filter((_, i) => data.proxies[i]!.kind === k))).trim()}`);
    console.log(`${fit.GENERATIONS[g].label.padEnd(24)} | median ${pct(s.median)} | p90 ${pct(s.p90)} | max ${pct(s.max)} | mean signed ${signed(fit.meanOf(e))} | ${byKind.join(', ')}`);
  }

  await printPerCharacterScripts(count);
  await printCost(count);

  // The same texts through the extension's own pipeline (segmenting, background counter, shipped factors).
  const { createNodeCounter } = await import('@/scripts/node/count-files');
  const { getModel } = await import('@/utils/core/models/model-registry');
  const texts = JSON.parse(readFileSync(new URL('../test/data/claude-calibration.json', import.meta.url), 'utf8')) as Array<{ text: string; claude_4_6_tokens: number; claude_4_7_tokens: number }>;
  const countFile = createNodeCounter();
  console.log('\nShipped factors through the extension\'s counting pipeline (fitted on these texts, so in-sample):');
  for (const [modelId, field] of [['claude-sonnet-4-6', 'claude_4_6_tokens'], ['claude-sonnet-5', 'claude_4_7_tokens']] as const) {
    const model = getModel(modelId)!;
    const e: number[] = [];
    for (const t of texts) e.push((await countFile('-', t.text, model)).tokens / t[field] - 1);
    const s = fit.summarise(e);
    console.log(`${modelId.padEnd(18)} (${model.counter}) | median ${pct(s.median)} | p90 ${pct(s.p90)} | max ${pct(s.max)} | band shown ±${Math.round(model.band * 100)}%`);
  }
}

/**
 * Hebrew, Indic and other scripts are estimated per character with one shared factor: how each
 * calibration text of them is predicted from the others, and what that gives, as a multiple of
 * o200k, on prose in scripts with no real counts (published range 1.7–2.3).
 */
async function printPerCharacterScripts(count: (text: string) => number): Promise<void> {
  const { estimateClaudeTokens } = await import('@/utils/core/estimates/claude-estimator');
  const doc = JSON.parse(readFileSync(new URL('../test/data/claude-script-samples.json', import.meta.url), 'utf8')) as { samples: Array<{ kind: string; text: string }> };
  console.log('\nScripts estimated per character (written samples, no real counts), estimate / o200k; the published range is 1.7–2.3:');
  for (const g of ['claude3-estimate', 'claude47-estimate'] as const) {
    const cells = doc.samples.map((s) => `${s.kind} ${(estimateClaudeTokens(s.text, g, count) / count(s.text)).toFixed(2)}`);
    console.log(`${g.replace('-estimate', '').padEnd(9)} | ${cells.join(', ')}`);
  }
}

/** What the estimate costs beside the o200k count it is built on (it runs per segment, per keystroke). */
async function printCost(count: (text: string) => number): Promise<void> {
  const { estimateClaudeTokens } = await import('@/utils/core/estimates/claude-estimator');
  const { splitIntoSegments } = await import('@/utils/core/counting/segment-text');
  const all = JSON.parse(readFileSync(new URL('../test/data/claude-code-proxies.json', import.meta.url), 'utf8')).proxies.map((p: { text: string }) => p.text).join('\n');
  const segments = splitIntoSegments(all.repeat(4), 'o200k');
  const chars = segments.reduce((n, s) => n + s.length, 0);
  const best = (run: () => void) => Math.min(...Array.from({ length: 5 }, () => { const t = performance.now(); run(); return performance.now() - t; }));
  const counted = best(() => segments.forEach((s) => count(s)));
  const estimated = best(() => segments.forEach((s) => estimateClaudeTokens(s, 'claude47-estimate', count)));
  const alone = best(() => segments.forEach((s) => estimateClaudeTokens(s, 'claude47-estimate', (t) => t.length)));
  console.log(`\nCost on ${(chars / 1024).toFixed(0)} K characters in ${segments.length} segments (best of 5): o200k alone ${counted.toFixed(1)} ms, estimate ${estimated.toFixed(1)} ms, of which the estimator's own work ${alone.toFixed(1)} ms.`);
}

await main();
