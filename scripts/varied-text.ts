// Bench texts (not a bench itself: bench.ts runs scripts/bench-*.ts only).

/**
 * `chars` of prose in numbered paragraphs: words drawn in a seeded random order, so no two
 * paragraphs are alike (a repeated paragraph would turn a bench into cache lookups) while
 * words repeat as they do in real text.
 */
export function variedProse(chars: number, seed: number): string {
  const words = (
    'the of and to in is that for it as with was on be by this are from or at which an have not but they all can more ' +
    'token budget prompt context model reply cost window latency paragraph answer question detail summary limit price ' +
    'request response stream counter badge browser extension language tokenizer encoding merge vocabulary estimate exact ' +
    "don't it's we're they've I'm you'll she'd 2026 3.14 1,024 42% $19.99 e-mail co-operate naïve café Zürich résumé"
  ).split(' ');
  let state = seed >>> 0;
  const rand = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const parts: string[] = [];
  let size = 0;
  for (let p = 0; size < chars; p++) {
    const sentence = Array.from({ length: 40 + Math.floor(rand() * 80) }, (_, i) => {
      const w = words[Math.floor(rand() * words.length)]!;
      return i % 13 === 12 ? `${w},` : i % 29 === 28 ? `${w}.` : w;
    }).join(' ');
    const paragraph = `${p + 1}. ${sentence[0]!.toUpperCase()}${sentence.slice(1)}.\n`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  return parts.join('').slice(0, chars);
}
