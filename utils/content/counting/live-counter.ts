import type { ClaudeEstimatorId, CounterId, ModelInfo, TokenizerId } from '@/utils/core/models/model-types';
import { counterTokenizer, isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';
import { correctionFactorNow, correctionsReady } from '@/utils/content/settings/settings-client';
import { countPort } from '@/utils/protocol/request-port';
import { resegment, splitIntoSegments, type Segmentation } from '@/utils/core/counting/segment-text';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { LruCache } from '@/utils/core/counting/lru-cache';
import type { CountLane } from '@/utils/core/counting/fair-count-queue';

export interface CountResult {
  tokens: number;
  /** False for estimates (Claude via o200k x factor, Gemini via Gemma 3): show "≈". */
  exact: boolean;
  modelId: string;
  tokenizer: TokenizerId;
}

export interface LiveCounter {
  /** Counts `text` for `model`. Rejects with an AbortError if `signal` fires first. */
  count(text: string, model: ModelInfo, signal?: AbortSignal): Promise<CountResult>;
  /** The same count, synchronously, when every changed segment is already known here; else null. */
  countNow(text: string, model: ModelInfo): CountResult | null;
}

/**
 * Keeps each 'count' message small: a paste's batches all leave at once, and the counting end
 * starts on the first while it still receives (and parses) the others.
 */
const MAX_BATCH_CHARS = 64_000;
const MAX_BATCH_SEGMENTS = 5_000;

/**
 * Default transport: the page's long-lived count port, answered where the tokenizers live (once
 * per browser): the counting document on Chrome, else the background (counting-document.ts).
 * Every counter goes this way, Claude's estimates too: both ends answer plain per-segment counts,
 * and the user's correction is applied here, content-side (see EstimateCorrection).
 */
export const countSegmentsInBackground: LaneCountFn = async (tokenizer, segments, lane) =>
  (await countPort().send({ type: 'count', tokenizer, segments, ...(lane ? { lane } : {}) })).counts;

/** A segment counter that may be told which lane a request is on (see CountLane); others ignore it. */
export type LaneCountFn = (...args: [...Parameters<CountSegmentsFn>, lane?: CountLane]) => ReturnType<CountSegmentsFn>;

let nextLane = 1;

/**
 * The user's learned correction of an estimator (utils/storage/estimate-corrections.ts),
 * applied once to each total, where it is rounded: the segment counts cached here and in the
 * counting contexts stay plain, so a changed correction applies to the whole text at once, and
 * neither counting context needs to read storage (the counting document cannot).
 */
export interface EstimateCorrection {
  /** Resolves once `factor` reflects the stored corrections (awaited by each asynchronous count). */
  ready(): Promise<unknown>;
  factor(estimator: ClaudeEstimatorId): number;
}

/** The corrections stored in this browser, as the background sends them with the settings. */
export const storedCorrection: EstimateCorrection = { ready: correctionsReady, factor: correctionFactorNow };
/** No correction: the CLI, benchmarks, and tests that count with their own segment counter. */
export const noCorrection: EstimateCorrection = { ready: () => Promise.resolve(), factor: () => 1 };

/** Recently counted segments kept content-side, so undo, backspace and retyping need no round trip. */
const RECENT_SEGMENTS = 1_024;
const RECENT_MAX_CHARS = 8_192;
/** Longest segment whose next-keystroke variants are fetched ahead (segments average ~0.5 KB). */
const MAX_SPECULATED_SEGMENT = 2_048;
/**
 * Characters of variants fetched per keystroke: ~16 ms of o200k work in the background (~1 MB/s),
 * so the most frequent keys of a ~0.5 KB segment fit. Only for the BPE tokenizers: Gemma 3 is ten
 * times slower and its counts are estimates anyway.
 */
const SPECULATION_BUDGET_CHARS = 16_000;
/** Keys typed most often in prose; a backspace variant is added too. */
const LIKELY_KEYS = [...'etaoinshrdlcumwfgypbvkjxqz ,.\n\'?!-:0123456789', 'I', 'T', 'A', 'S'];

/** Each remembered segment weighs 1, so at most RECENT_SEGMENTS are kept; a longer one than RECENT_MAX_CHARS is not kept. */
const recentWeight = (segment: string) => (segment.length > RECENT_MAX_CHARS ? Infinity : 1);

/**
 * Asks the background to load a tokenizer now (e.g. when a prompt field gets focus). Chrome stops
 * an idle service worker after ~30 s, dropping loaded tokenizers; warming on focus hides the reload
 * (~1 s for o200k) behind the user's first keystrokes. Never rejects.
 */
export async function prewarmTokenizer(tokenizer: CounterId, countSegments: CountSegmentsFn = countSegmentsInBackground): Promise<void> {
  warmSegmenterOnce();
  try {
    await countSegments(tokenizer, []);
  } catch {
    // Warm-up is best effort: the next real count reports any failure.
  }
}

let segmenterWarm = false;
/**
 * Runs the segmenter once over a made-up text when the page is idle: the first large paste then
 * finds it compiled, instead of paying the engine's optimisation of the boundary scan (~15 ms at
 * 1 MB, measured in a trace) inside the paste's input event.
 */
function warmSegmenterOnce(): void {
  if (segmenterWarm) return;
  segmenterWarm = true;
  const run = () => {
    const line = 'Warm words, 12 of them: the segmenter runs here once before a real paste does.\n';
    splitIntoSegments(line.repeat(800), 'o200k');
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 0);
}

function abortError(): Error {
  return new DOMException('Count aborted', 'AbortError');
}

/** `work`, or an AbortError as soon as `signal` fires (the work goes on, unawaited). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The count to show: the sum of the segments' counts (fractional for an estimate), times the
 * learned correction of an estimate and the user's own adjustment, rounded once.
 */
export function scaleCount(rawTokens: number, model: ModelInfo, correction = 1): number {
  const factor = correction * model.tokenFactor;
  return Math.round(factor === 1 ? rawTokens : rawTokens * factor);
}

/**
 * Counting for a live editor: segments the text (see segment-text.ts), remembers one count per
 * segment of the last text, and after an edit asks `countSegments` only for the segments around
 * the edit, so a keystroke in a 200k-token prompt re-counts about one paragraph and never rescans
 * the whole text for boundaries. Sums are exact for o200k/cl100k because segment boundaries never
 * cross a pre-token.
 *
 * Typing speed: any reply from the background arrives only after the page has rendered the
 * keystroke (in a 340 KB textarea that alone is 8-15 ms), so after each count the counter asks,
 * off the critical path, for the exact counts of the edited segment with each likely next key
 * (and a backspace) applied. `countNow` then answers the next keystroke synchronously, inside
 * the input event, from those real counts; any other edit misses and goes the async way.
 */
export interface LiveCounterOptions {
  /** Fetch counts for likely next keystrokes after each count (for a field the user types in). */
  predictKeystrokes?: boolean;
  /**
   * The correction applied to estimates. Default: the stored one with the default transport (a
   * page counting through the extension), none with a `countSegments` of the caller's own.
   */
  correction?: EstimateCorrection;
  /**
   * Counts of recent segments, shared with the page's other counters: a segment the badge
   * counted while the person typed is known when the sent prompt is counted for the record.
   */
  cache?: SegmentCache;
}

/** Recently counted segments per counter (at most RECENT_SEGMENTS each). */
export type SegmentCache = Map<CounterId, LruCache<number>>;

export const createSegmentCache = (): SegmentCache => new Map();

export function createLiveCounter(transport?: LaneCountFn, options: LiveCounterOptions = {}): LiveCounter {
  const countSegments: LaneCountFn = transport ?? countSegmentsInBackground;
  // A lane per counter: a count that supersedes an aborted one drops the aborted one's unstarted
  // work where it is counted. Only counts given a signal join it: fields share this counter, and
  // one field's count must never drop another's.
  const laneId = `live-${nextLane++}`;
  let seq = 0;
  const correction = options.correction ?? (transport ? noCorrection : storedCorrection);
  const correctionOf = (counter: CounterId) => (isClaudeEstimator(counter) ? correction.factor(counter) : 1);
  /** Last counted text per counter, with its segmentation and one count per segment. */
  const states = new Map<CounterId, Segmentation & { counts: number[]; caret: number }>();
  const recentByTokenizer = options.cache ?? createSegmentCache();
  const speculating = new Set<CounterId>();

  const recentFor = (tokenizer: CounterId) => {
    let recent = recentByTokenizer.get(tokenizer);
    if (!recent) recentByTokenizer.set(tokenizer, (recent = new LruCache<number>(RECENT_SEGMENTS, recentWeight)));
    return recent;
  };

  /** Segments the text and fills every count it already knows; lists the rest. */
  function plan(text: string, tokenizer: CounterId) {
    const prev = states.get(tokenizer);
    const recent = recentFor(tokenizer);
    const { bounds, reusedPrefix, reusedSuffix, editEnd } = resegment(prev, text, counterTokenizer(tokenizer));
    const total = bounds.length + 1;
    let counts = new Array<number>(total);
    const missing: string[] = [];
    const missingAt: number[] = [];
    if (prev && prev.bounds === bounds) {
      counts = prev.counts; // same text
    } else {
      for (let i = 0; i < reusedPrefix; i++) counts[i] = prev!.counts[i]!;
      for (let i = 0; i < reusedSuffix; i++) counts[total - 1 - i] = prev!.counts[prev!.counts.length - 1 - i]!;
      for (let i = reusedPrefix; i < total - reusedSuffix; i++) {
        const segment = text.slice(i === 0 ? 0 : bounds[i - 1]!, i === total - 1 ? text.length : bounds[i]!);
        const known = recent.get(segment);
        if (known !== undefined) {
          counts[i] = known;
          continue;
        }
        missing.push(segment);
        missingAt.push(i);
      }
    }
    return { bounds, counts, missing, missingAt, editEnd, recent };
  }

  /** What countNow planned for `text` and could not answer, while nothing has been counted since. */
  let unanswered: { text: string; counter: CounterId; prev: unknown; planned: ReturnType<typeof plan> } | null = null;
  function takeUnanswered(text: string, counter: CounterId): ReturnType<typeof plan> | null {
    const kept = unanswered;
    unanswered = null;
    return kept && kept.counter === counter && kept.prev === states.get(counter) && kept.text === text ? kept.planned : null;
  }

  function finish(text: string, model: ModelInfo, bounds: number[], counts: number[], editEnd: number): CountResult {
    let raw = 0;
    for (let i = 0; i < counts.length; i++) raw += counts[i]!;
    // Whichever call finishes last leaves its (self-consistent) state for the next keystroke.
    states.set(model.counter, { text, bounds, counts, caret: editEnd });
    if (options.predictKeystrokes) speculate(text, model.counter, bounds, editEnd);
    return { tokens: scaleCount(raw, model, correctionOf(model.counter)), exact: model.exact, modelId: model.id, tokenizer: model.tokenizer };
  }

  /** Fetches counts for the edited segment after each likely next keystroke (best effort). */
  function speculate(text: string, tokenizer: CounterId, bounds: number[], caret: number): void {
    if (speculating.has(tokenizer) || counterTokenizer(tokenizer) === 'gemma3') return;
    let i = 0;
    while (i < bounds.length && bounds[i]! < caret) i++;
    const start = i === 0 ? 0 : bounds[i - 1]!;
    const end = i === bounds.length ? text.length : bounds[i]!;
    if (end - start > MAX_SPECULATED_SEGMENT) return;
    const segment = text.slice(start, end);
    const at = caret - start;
    const recent = recentFor(tokenizer);
    const variants = new Set<string>();
    if (at > 0) variants.add(segment.slice(0, at - 1) + segment.slice(at));
    const keys = Math.min(LIKELY_KEYS.length, Math.floor(SPECULATION_BUDGET_CHARS / (segment.length + 1)));
    for (let k = 0; k < keys; k++) variants.add(segment.slice(0, at) + LIKELY_KEYS[k] + segment.slice(at));
    const wanted = [...variants].filter((v) => v !== '' && !recent.has(v));
    if (wanted.length === 0) return;
    speculating.add(tokenizer);
    countSegments(tokenizer, wanted, { id: `${laneId}:${tokenizer}:ahead`, seq: ++seq })
      .then((got) => {
        if (got.length === wanted.length) wanted.forEach((v, j) => recent.set(v, got[j]!));
      })
      .catch(() => {
        // Only a head start: the real count reports any failure.
      })
      .finally(() => {
        speculating.delete(tokenizer);
        // Typing outran this guess: guess again from where the text is now.
        const latest = states.get(tokenizer);
        if (latest && latest.text !== text) speculate(latest.text, tokenizer, latest.bounds, latest.caret);
      });
  }

  return {
    countNow(text, model) {
      const planned = plan(text, model.counter);
      if (planned.missing.length === 0) return finish(text, model, planned.bounds, planned.counts, planned.editEnd);
      // The count that follows a miss starts from this plan: segmenting a 1 MB paste twice was
      // the largest part of TokenTally's time on the page.
      unanswered = { text, counter: model.counter, prev: states.get(model.counter), planned };
      return null;
    },

    async count(text, model, signal) {
      if (signal?.aborted) throw abortError();
      const tokenizer = model.counter;
      const corrected = isClaudeEstimator(tokenizer) ? correction.ready() : null;
      const { bounds, counts, missing, missingAt, editEnd, recent } = takeUnanswered(text, tokenizer) ?? plan(text, tokenizer);

      // Every batch leaves at once: the counting end keeps its workers busy across the round
      // trips, and takes turns with other tabs per chunk, not per request (fair-count-queue.ts).
      const lane = signal ? { id: `${laneId}:${tokenizer}`, seq: ++seq } : undefined;
      const sent: Array<Promise<void>> = [];
      let done = 0;
      for (const batch of batches(missing)) {
        const first = done;
        done += batch.length;
        sent.push(
          countSegments(tokenizer, batch, lane).then((got) => {
            if (got.length !== batch.length) throw new Error('Token counter returned the wrong number of counts');
            for (let j = 0; j < got.length; j++) {
              counts[missingAt[first + j]!] = got[j]!;
              recent.set(batch[j]!, got[j]!);
            }
          }),
        );
      }
      await (signal ? untilAborted(Promise.all(sent), signal) : Promise.all(sent));
      // Read in parallel with the count (once per page; then already current).
      if (corrected) await corrected.catch(() => {});
      if (signal?.aborted) throw abortError();
      return finish(text, model, bounds, counts, editEnd);
    },
  };
}

function* batches(segments: string[]): Generator<string[]> {
  let batch: string[] = [];
  let chars = 0;
  for (const segment of segments) {
    if (batch.length > 0 && (chars + segment.length > MAX_BATCH_CHARS || batch.length >= MAX_BATCH_SEGMENTS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(segment);
    chars += segment.length;
  }
  if (batch.length > 0) yield batch;
}
