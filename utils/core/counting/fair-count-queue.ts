import type { CounterId } from '@/utils/core/models/model-types';
import type { CountSegmentsFn } from '@/utils/core/counting/segment-counter';

/**
 * A request's place in a series: a newer request on the same lane (the same field's counter,
 * after the user kept typing) makes the older ones' unstarted work pointless.
 */
export interface CountLane {
  id: string;
  seq: number;
}

export interface FairQueueOptions {
  /** Where chunks are counted (workers, or this context): each is handed up to `inFlight` chunks at once. */
  runners: CountSegmentsFn[];
  /** Chunks one runner holds at once: 2 keeps a worker busy across the message round trip. */
  inFlight?: number;
  /** Characters of work per chunk: what another sender may have to wait for, per runner slot. */
  chunkChars?: number;
  /** A segment longer than this (it cannot be cut) is counted whole by `heavy`, so it never holds `runners`. */
  giantChars?: number;
  /** Counts giant segments (another worker, itself a fair queue); without it they are chunks of their own. */
  heavy?: FairCountQueue;
}

export interface FairCountQueue {
  /** One count per segment, in order, counted in turns with every other sender's work. */
  count(sender: string, counter: CounterId, segments: string[], lane?: CountLane): Promise<number[]>;
  /** Senders with unfinished work (for tests and diagnostics). */
  busySenders(): number;
}

/** A count dropped because a newer one on its lane came first: the caller's next count replaces it. */
export class SupersededCountError extends Error {
  override name = 'AbortError';
  constructor() {
    super('Count superseded by a newer one');
  }
}

interface Job {
  counter: CounterId;
  segments: string[];
  /** Indexes still to hand out, in order, from `next`. */
  indexes: number[];
  next: number;
  outstanding: number;
  counts: number[];
  lane?: CountLane;
  done: boolean;
  resolve(counts: number[]): void;
  reject(error: unknown): void;
}

const DEFAULT_CHUNK_CHARS = 16_000;
const DEFAULT_GIANT_CHARS = 32_000;

/**
 * Counts every sender's requests in turns. Each request is cut into chunks of about
 * `chunkChars` (whole segments; those come ~0.5 KB each from a page, segment-text.ts), and the
 * runners take one chunk at a time from each sender with work, round robin: a keystroke's count
 * from one tab waits for at most the chunks already running, never for another tab's megabytes.
 * A sender's own requests go in order. A request on a lane drops the unstarted work of the
 * sender's older requests on that lane.
 */
export function createFairCountQueue(options: FairQueueOptions): FairCountQueue {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const giantChars = options.giantChars ?? DEFAULT_GIANT_CHARS;
  const inFlight = options.inFlight ?? 2;
  const load = options.runners.map(() => 0);
  /** Per sender, its jobs in order; a sender with none is removed, so the map's order is the turn order. */
  const queues = new Map<string, Job[]>();
  let lastServed: string | null = null;

  function supersede(sender: string, lane: CountLane): void {
    for (const job of queues.get(sender) ?? []) {
      if (job.done || job.lane?.id !== lane.id || job.lane.seq >= lane.seq) continue;
      job.next = job.indexes.length;
      finish(sender, job, new SupersededCountError());
    }
  }

  function finish(sender: string, job: Job, error?: unknown): void {
    if (job.done) return;
    job.done = true;
    if (error === undefined) job.resolve(job.counts);
    else job.reject(error);
    const queue = queues.get(sender);
    if (!queue) return;
    const left = queue.filter((j) => j !== job);
    if (left.length > 0) queues.set(sender, left);
    else queues.delete(sender);
  }

  /** The next sender with work to hand out after the one served last (round robin). */
  function nextSender(): { sender: string; job: Job } | null {
    const senders = [...queues.keys()];
    if (senders.length === 0) return null;
    const start = lastServed === null ? 0 : senders.indexOf(lastServed) + 1;
    for (let k = 0; k < senders.length; k++) {
      const sender = senders[(start + k) % senders.length]!;
      const job = queues.get(sender)!.find((j) => !j.done && j.next < j.indexes.length);
      if (job) return { sender, job };
    }
    return null;
  }

  function takeChunk(job: Job): number[] {
    const chunk: number[] = [];
    let chars = 0;
    while (job.next < job.indexes.length && (chunk.length === 0 || chars < chunkChars)) {
      const i = job.indexes[job.next]!;
      if (chunk.length > 0 && chars + job.segments[i]!.length > chunkChars) break;
      chunk.push(i);
      chars += job.segments[i]!.length;
      job.next++;
    }
    return chunk;
  }

  function pump(): void {
    for (;;) {
      const runner = load.findIndex((n) => n < inFlight);
      if (runner < 0) return;
      const next = nextSender();
      if (!next) return;
      lastServed = next.sender;
      dispatch(runner, next.sender, next.job, takeChunk(next.job));
    }
  }

  function dispatch(runner: number, sender: string, job: Job, chunk: number[]): void {
    load[runner]!++;
    job.outstanding++;
    options.runners[runner]!(job.counter, chunk.map((i) => job.segments[i]!))
      .then(
        (counts) => {
          if (counts.length !== chunk.length) throw new Error('Token counter returned the wrong number of counts');
          chunk.forEach((i, j) => (job.counts[i] = counts[j]!));
          job.outstanding--;
          if (job.outstanding === 0 && job.next === job.indexes.length) finish(sender, job);
        },
        (error: unknown) => finish(sender, job, error),
      )
      .catch((error: unknown) => finish(sender, job, error))
      .finally(() => {
        load[runner]!--;
        pump();
      });
  }

  /** An empty request warms every runner up (each loads the tokenizer it will need); `heavy` loads when a giant segment comes. */
  async function warmUp(counter: CounterId): Promise<number[]> {
    await Promise.all(options.runners.map((run) => run(counter, [])));
    return [];
  }

  function enqueue(sender: string, counter: CounterId, segments: string[], indexes: number[], lane?: CountLane): Promise<number[]> {
    if (lane) supersede(sender, lane);
    if (indexes.length === 0) return Promise.resolve(new Array<number>(segments.length));
    return new Promise<number[]>((resolve, reject) => {
      const job: Job = { counter, segments, indexes, next: 0, outstanding: 0, counts: new Array<number>(segments.length), lane, done: false, resolve, reject };
      const queue = queues.get(sender);
      if (queue) queue.push(job);
      else queues.set(sender, [job]);
      pump();
    });
  }

  return {
    async count(sender, counter, segments, lane) {
      if (segments.length === 0) return warmUp(counter);
      const small: number[] = [];
      const giant: string[] = [];
      const giantAt: number[] = [];
      segments.forEach((s, i) => {
        if (options.heavy && s.length > giantChars) {
          giant.push(s);
          giantAt.push(i);
        } else small.push(i);
      });
      const [counts, giantCounts] = await Promise.all([
        enqueue(sender, counter, segments, small, lane),
        giant.length > 0 ? options.heavy!.count(sender, counter, giant, lane) : Promise.resolve([]),
      ]);
      giantAt.forEach((i, j) => (counts[i] = giantCounts[j]!));
      return counts;
    },
    busySenders: () => queues.size,
  };
}
