/**
 * Splits text into runs of one writing system, so each run can be counted with o200k and scaled
 * by that script's Claude/o200k factor (claude-estimator.ts). Characters that belong to no script
 * (spaces, digits, punctuation, combining marks, most symbols) stay in the run they are in, so
 * "Москва (1147)" is one Cyrillic run and JSON or code is one Latin run.
 *
 * Each run also carries the character counts the Latin factor uses: letters, punctuation, and
 * capital starts (an uppercase letter after a non-uppercase character: "The", "CHAPTER" and the
 * hump of "getValue" count one each). Claude's tokenizers split capitalised words, camelCase and
 * punctuation into more pieces than o200k does, far more so from Opus 4.7 on, which dropped most
 * whole-word merges: an all-caps word costs it several tokens ("FUNCTION" 6, against 2 on 4.6), so
 * the letters after the first of an all-caps run (SQL keywords, C macros) are counted apart, and
 * so are camelCase humps and the blanks of indentation and alignment, which o200k folds into one
 * token per run and Claude splits more often. o200k also joins punctuation to the word or the line
 * break after it ("_addr", "-color", ".page", "\tmsg", ";\n", " {\n" are one token each), which
 * neither reconstructed Claude vocabulary does (not one of their 38,360 and 14,036 tokens does):
 * so words right after punctuation or a tab (identifiers joined by `_` or `-`, CSS selectors and
 * properties, tab-indented C) and line breaks right after punctuation (every line of CSS, most of
 * C) are counted too. Every run also counts its non-blank characters, which is what Hebrew, Indic
 * and other-script runs are estimated by.
 *
 * Every count looks at one character and the one before it only, and the counting pipeline cuts
 * segments only after a line break or before a space that follows a letter or digit, where no
 * counted pair straddles the cut: so the counts of a text's segments add up to the text's.
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
  /** Uppercase letters right after an uppercase letter: the rest of "CHAPTER" (6) or "NULL" (3). */
  capsTail: number;
  /** Uppercase letters right after a lowercase one: the humps of "getValue" (1) and "XmlHttpRequest" (2). */
  camelHumps: number;
  /** Spaces and tabs right after a space or tab: indentation and alignment beyond the first blank. */
  blankRun: number;
  /** Letters right after punctuation or a tab: the `addr` of "_addr", `color` of "-color", `msg` of "\tmsg". */
  gluedStarts: number;
  /** Line breaks right after punctuation: the ends of "color: red;\n" and "{\n". */
  punctBreaks: number;
  /** Code points that are not whitespace: what Hebrew, Indic and the other scripts are estimated by. */
  nonBlank: number;
}

type RunCounts = Omit<ScriptRun, 'script' | 'text'>;
const zeroCounts = (): RunCounts => ({ letters: 0, capitalStarts: 0, punctuation: 0, capsTail: 0, camelHumps: 0, blankRun: 0, gluedStarts: 0, punctBreaks: 0, nonBlank: 0 });

// Per code point: bits 0-3 the group (0 = no script, else index in SCRIPT_GROUPS + 1), then flags.
const LETTER = 16;
const UPPER = 32;
const PUNCT = 64;
const LOWER = 128;
/** No class has every bit set: groups stop at 8, and a character is never both UPPER and LOWER. */
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
  if (/\p{Ll}/u.test(char)) flags |= LOWER;
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

const isBlank = (cp: number) => cp === 32 || cp === 9;
const isLineBreak = (cp: number) => cp === 10 || cp === 13;

/** tiktoken's `\s` (segment-text.ts's blank): what an indentation run may be made of. */
function isWhite(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Whether a line starts at i the way the counting pipeline cuts segments (segment-text.ts, rule
 * 1): after a line break, not at a '/', its indentation reaching a non-blank on the same line.
 * o200k never joins text across such a point, so a run may be cut there without changing counts.
 */
function isLineStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!isLineBreak(text.charCodeAt(i - 1)) || isLineBreak(c) || c === 47) return false;
  let j = i;
  while (j < text.length && isWhite(text.charCodeAt(j)) && !isLineBreak(text.charCodeAt(j))) j++;
  return j < text.length && !isLineBreak(text.charCodeAt(j));
}

/** Adds one character (class `k`, code point `cp`) to the counts, given the class and code point before it. */
function countChar(c: RunCounts, k: number, cp: number, prevK: number, prevCp: number): void {
  const upper = (k & UPPER) !== 0;
  if (k & LETTER) {
    c.letters++;
    if ((prevK & PUNCT) !== 0 || prevCp === 9) c.gluedStarts++;
  }
  if (upper) {
    if (prevK & UPPER) c.capsTail++;
    else c.capitalStarts++;
    if (prevK & LOWER) c.camelHumps++;
  }
  if (k & PUNCT) c.punctuation++;
  if (isBlank(cp) && isBlank(prevCp)) c.blankRun++;
  if (isLineBreak(cp) && (prevK & PUNCT) !== 0) c.punctBreaks++;
  if (!isWhite(cp)) c.nonBlank++;
}

function addCounts(to: RunCounts, from: RunCounts): void {
  for (const key of Object.keys(from) as Array<keyof RunCounts>) to[key] += from[key];
}

/**
 * The runs of `text`, in order; their texts concatenate to `text`. Empty text gives no runs.
 *
 * A line start (isLineStart) ends the run before it, as a segment boundary would, and the line
 * takes its script from its own first letters: so a segment's runs are the text's runs, cut at
 * its ends, and the estimate of a text is the sum of its segments'. Consecutive runs of one
 * script are then joined, which leaves o200k's count unchanged at such a point.
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let group = 0;
  let start = 0;
  let counts = zeroCounts();
  let prevK = 0;
  let prevCp = 0;

  const close = (end: number) => {
    if (end <= start) return;
    // A run of characters with no script at all (digits, punctuation) behaves like Latin text.
    const script = SCRIPT_GROUPS[(group || 1) - 1]!;
    const last = runs[runs.length - 1];
    if (last?.script === script) {
      last.text += text.slice(start, end);
      addCounts(last, counts);
    } else runs.push({ script, text: text.slice(start, end), ...counts });
    start = end;
    counts = zeroCounts();
  };

  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const k = classOf(cp, text, i);
    const g = k & GROUP_MASK;
    if (isLineBreak(prevCp) && i > start && isLineStart(text, i)) {
      close(i);
      group = 0;
    }
    if (g !== 0 && g !== group) {
      // o200k joins one leading space to a word: keep " Moscow" together in the new run.
      if (group !== 0) close(i > start && text.charCodeAt(i - 1) === 32 ? i - 1 : i);
      group = g;
    }
    countChar(counts, k, cp, prevK, prevCp);
    prevK = k;
    prevCp = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  close(text.length);
  return runs;
}
