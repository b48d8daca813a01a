// Refits the Claude estimator and rewrites utils/core/estimates/claude-factors.generated.ts:
//   npm run -s models:fit
// Run after changing the data in test/data/claude-*.json or the fit itself.
import { writeFileSync } from 'node:fs';
import { factorsSource, fitAll, GENERATIONS, loadFitData, tiktokenO200k } from '@/scripts/claude-factor-fit';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';

const count = await tiktokenO200k();
const data = loadFitData(count);
const fitted = fitAll(data);
writeFileSync(new URL('../utils/core/estimates/claude-factors.generated.ts', import.meta.url), factorsSource(fitted, data.calibration.length));
for (const [generation, g] of Object.entries(fitted)) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${GENERATIONS[generation as ClaudeEstimatorId].label}: leave-one-out median ${pct(g.loo.median)}, p90 ${pct(g.loo.p90)}, max ${pct(g.loo.max)}; band ±${Math.round(g.band * 100)}%`);
  console.log('  ', JSON.stringify(Object.fromEntries(Object.entries(g.factors).map(([k, v]) => [k, Number(v.toFixed(3))]))));
}
