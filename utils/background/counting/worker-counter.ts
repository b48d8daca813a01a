import type { CounterId } from '@/utils/core/models/model-types';
import { fetchPackedTokenizer, tokenizerPath } from '@/utils/background/counting/fetch-tokenizer';
import { createSegmentCounter, type CountSegmentsFn } from '@/utils/core/counting/segment-counter';
import { createTokenizerPool } from '@/utils/core/counting/tokenizer-pool';

interface CountJob {
  id: number;
  tokenizer: CounterId;
  segments: string[];
}
type CountResult = { id: number; counts: number[] } | { id: number; error: string };

/**
 * Counts segments in a dedicated worker (the counting document's): the tokenizers stay loaded
 * there, and a long count never blocks the document's message handling. A crashed worker fails
 * the counts it had and is replaced on the next request.
 */
export function createWorkerCounter(spawn: () => Worker): CountSegmentsFn {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (counts: number[]) => void; reject: (error: Error) => void }>();

  function start(): Worker {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (event: MessageEvent<CountResult>) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      if ('error' in event.data) p.reject(new Error(event.data.error));
      else p.resolve(event.data.counts);
    };
    w.onerror = (event) => {
      event.preventDefault();
      worker = null;
      const failed = [...pending.values()];
      pending.clear();
      failed.forEach((p) => p.reject(new Error(`Counting worker failed: ${event.message || 'unknown error'}`)));
    };
    worker = w;
    return w;
  }

  return (tokenizer, segments) =>
    new Promise<number[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      start().postMessage({ id, tokenizer, segments } satisfies CountJob);
    });
}

/** What the worker side uses of its global scope (the DOM lib, not the WebWorker lib, is loaded). */
interface WorkerScope {
  location: { origin: string };
  onmessage: ((event: MessageEvent<CountJob>) => void) | null;
  postMessage(message: CountResult): void;
}

/** The worker's side: one tokenizer pool, read from the extension's own files. */
export function serveCountsInWorker(scope: WorkerScope = self as unknown as WorkerScope): void {
  const origin = scope.location.origin;
  const count = createSegmentCounter(createTokenizerPool((id) => fetchPackedTokenizer(`${origin}${tokenizerPath(id)}`, id)));
  scope.onmessage = (event: MessageEvent<CountJob>) => {
    const { id, tokenizer, segments } = event.data;
    count(tokenizer, segments).then(
      (counts) => scope.postMessage({ id, counts } satisfies CountResult),
      (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CountResult),
    );
  };
}
