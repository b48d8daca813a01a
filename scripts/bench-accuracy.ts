// Claude estimate accuracy: `npm run bench -- accuracy` (or `npx tsx scripts/bench-accuracy.ts`).
// Prints, per Claude tokenizer generation, the error against Anthropic's count_tokens on the
// calibration texts (test/data/claude-calibration.json): a single factor (o200k × 1.3, the baseline) beside
// the per-script estimator, the estimator left out one text at a time (each text predicted by a fit
// that never saw it). Then the texts one by one, and the estimator as the extension runs it.
import '@/scripts/node/register-onnx-stub';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`.padStart(7);

async function main(): Promise<void> {
  const fit = await import('@/scripts/claude-factor-fit');
  const { LEGACY_CLAUDE_TOKEN_FACTOR } = await import('@/utils/core/models/model-registry');
  const count = await fit.tiktokenO200k();
  const calibration = fit.calibrationSamples(count);
  const anchors = fit.anchorSamples(count);
  const generations = Object.keys(fit.GENERATIONS) as ClaudeEstimatorId[];

  console.log(`Claude token estimates vs count_tokens on ${calibration.length} calibration texts (absolute relative error).`);
  console.log('The estimator is fitted without the text it predicts (leave-one-out); the single factor is not fitted.\n');
  console.log('generation               | method                     | median |    p90 |    max');
  const errors = new Map<ClaudeEstimatorId, { old: number[]; loo: number[] }>();
  for (const g of generations) {
    const old = fit.singleFactorErrors(g, calibration, LEGACY_CLAUDE_TOKEN_FACTOR);
    const loo = fit.leaveOneOut(g, calibration, anchors);
    errors.set(g, { old, loo });
    for (const [method, e] of [[`o200k × ${LEGACY_CLAUDE_TOKEN_FACTOR} (old)`, old], ['per-script (leave-one-out)', loo]] as const) {
      const s = fit.summarise(e);
      console.log(`${fit.GENERATIONS[g].label.padEnd(24)} | ${method.padEnd(26)} | ${pct(s.median)} | ${pct(s.p90)} | ${pct(s.max)}`);
    }
  }

  console.log('\nPer text (signed error: + over-counts, − under-counts):');
  console.log(`kind             | ${generations.map((g) => `${g.replace('-estimate', '')} old  | ${g.replace('-estimate', '')} new`).join(' | ')}`);
  calibration.forEach((s, i) => {
    const cells = generations.map((g) => `${signed(errors.get(g)!.old[i]!)}     | ${signed(errors.get(g)!.loo[i]!)}`);
    console.log(`${s.kind.padEnd(16)} | ${cells.join(' | ')}`);
  });

  // The same texts through the extension's own pipeline (segmenting, background counter, shipped factors).
  const { createNodeCounter } = await import('@/scripts/node/count-files');
  const { getModel } = await import('@/utils/core/models/model-registry');
  const { readFileSync } = await import('node:fs');
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

await main();
