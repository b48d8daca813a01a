// `npm run bench`: runs every scripts/bench-*.ts in turn and prints their figures.
// Each bench script is standalone (`npx tsx scripts/bench-x.ts`) and prints its own table.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv[2];
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((f) => /^bench-.+\.ts$/.test(f) && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync('npx', ['tsx', '--expose-gc', `scripts/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
