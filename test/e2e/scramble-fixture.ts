// Prints a self-contained copy of a 2026 fixture page with its scramble seed baked in, to open in
// a browser or serve elsewhere: every class, id, data-* attribute, aria-label and custom tag is
// renamed by the page's name map (test/e2e/fixtures/names.js) when it loads.
//   npx tsx test/e2e/scramble-fixture.ts chatgpt-2026.html [--seed 4242] > /tmp/chatgpt-scrambled.html
// Without --seed a fresh random seed is chosen and printed on stderr, so a failure can be replayed.
import { fixtureHtml } from '@/test/e2e/fixture-html';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--seed');
const seedArg = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : undefined;
if (!file || !/-2026\.html$/.test(file) || (seedArg !== undefined && !(Number.isInteger(seedArg) && seedArg > 1))) {
  console.error('usage: scramble-fixture.ts <name>-2026.html [--seed N]   (N an integer > 1)');
  process.exit(2);
}
const seed = seedArg ?? 2 + Math.floor(Math.random() * 4294967293);
process.stdout.write(fixtureHtml(file, { scramble: seed }));
console.error(`scrambled ${file} with seed ${seed}`);
