/**
 * Splits text into runs of one writing system, so each run can be counted with o200k and scaled
 * by that script's Claude/o200k factor (claude-estimator.ts). Characters that belong to no script
 * (spaces, digits, punctuation, combining marks, most symbols) stay in the run they are in, so
 * "Москва (1147)" is one Cyrillic run and JSON or code is one Latin run.
 *
 * Each run also carries the character counts the Latin factor uses: letters, punctuation, and
 * capital starts (an uppercase letter after a non-uppercase character: "The", "CHAPTER" and the
 * hump of "getValue" count one each). Claude's tokenizers split capitalised words, camelCase and
 * punctuation into more pieces than o200k does, far more so from Opus 4.7 on.
 */

/**
 * Script groups with their own factor. `indic` is the Brahmic scripts of India and Sri Lanka;
 * `other` is every script without its own group (Arabic, Thai, Greek, Armenian, Ethiopic, …);
 * `emoji` is pictographic symbols.
 */
export const SCRIPT_GROUPS = ['latin', 'cjk', 'hangul', 'cyrillic', 'hebrew', 'indic', 'other', 'emoji'] as const;
export type ScriptGroup = (typeof SCRIPT_GROUPS)[number];

export interface ScriptRun {
  script: ScriptGroup;
  text: string;
  letters: number;
  capitalStarts: number;
  /** Characters that are not letters, digits, marks or whitespace. */
  punctuation: number;
}

// Per code point: bits 0-3 the group (0 = no script, else index in SCRIPT_GROUPS + 1), then flags.
const LETTER = 16;
const UPPER = 32;
const PUNCT = 64;
const UNSEEN = 255;
const GROUP_MASK = 15;

const PATTERNS: ReadonlyArray<readonly [RegExp, ScriptGroup]> = [
  [/\p{Script=Latin}/u, 'latin'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u, 'cjk'],
  [/\p{Script=Hangul}/u, 'hangul'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [
    /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u,
    'indic',
  ],
  [/\p{Extended_Pictographic}/u, 'emoji'],
];
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;

function classify(char: string): number {
  let group = 0;
  const hit = PATTERNS.find(([pattern]) => pattern.test(char));
  if (hit) group = SCRIPT_GROUPS.indexOf(hit[1]) + 1;
  else if (!NO_SCRIPT.test(char)) group = SCRIPT_GROUPS.indexOf('other') + 1;
  let flags = 0;
  if (/\p{L}/u.test(char)) flags |= LETTER;
  if (/\p{Lu}/u.test(char)) flags |= UPPER;
  if (!/[\p{L}\p{N}\p{M}\s]/u.test(char)) flags |= PUNCT;
  return group | flags;
}

/** Class of every BMP code point, filled on first sight; astral ones are classified each time. */
const bmp = new Uint8Array(0x10000).fill(UNSEEN);
for (let c = 0; c < 0x80; c++) bmp[c] = classify(String.fromCharCode(c));

function classOf(cp: number, text: string, i: number): number {
  if (cp < 0x10000) {
    let k = bmp[cp]!;
    if (k === UNSEEN) bmp[cp] = k = classify(text[i]!);
    return k;
  }
  return classify(text.slice(i, i + 2));
}

/** The runs of `text`, in order; their texts concatenate to `text`. Empty text gives no runs. */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let group = 0;
  let start = 0;
  let letters = 0;
  let capitalStarts = 0;
  let punctuation = 0;
  let prevUpper = false;

  const close = (end: number) => {
    if (end <= start) return;
    // A run of characters with no script at all (digits, punctuation) behaves like Latin text.
    runs.push({ script: SCRIPT_GROUPS[(group || 1) - 1]!, text: text.slice(start, end), letters, capitalStarts, punctuation });
    start = end;
    letters = capitalStarts = punctuation = 0;
  };

  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const k = classOf(cp, text, i);
    const g = k & GROUP_MASK;
    if (g !== 0 && g !== group) {
      // o200k joins one leading space to a word: keep " Moscow" together in the new run.
      if (group !== 0) close(i > start && text.charCodeAt(i - 1) === 32 ? i - 1 : i);
      group = g;
    }
    const upper = (k & UPPER) !== 0;
    if (k & LETTER) letters++;
    if (upper && !prevUpper) capitalStarts++;
    if (k & PUNCT) punctuation++;
    prevUpper = upper;
    i += cp > 0xffff ? 2 : 1;
  }
  close(text.length);
  return runs;
}
