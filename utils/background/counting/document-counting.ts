import { createWorkerCounter } from '@/utils/background/counting/worker-counter';
import { createFairCountQueue, type FairCountQueue } from '@/utils/core/counting/fair-count-queue';

/**
 * Workers that count pages' ordinary segments (~0.5 KB each): two, so a paste is counted on two
 * cores, while each keystroke from another tab finds a worker within about one chunk.
 */
const COUNTING_WORKERS = 2;

/**
 * The counting document's queue: every tab's counts in turns over the counting workers, and
 * segments too long to cut (one giant run of letters, or a text that was never segmented) on a
 * worker of their own, loaded only when one comes, so they hold up nothing but each other.
 */
export function createDocumentCountQueue(spawn: () => Worker): FairCountQueue {
  const runners = Array.from({ length: COUNTING_WORKERS }, () => createWorkerCounter(spawn));
  const heavy = createFairCountQueue({ runners: [createWorkerCounter(spawn)], inFlight: 1, chunkChars: 1 });
  return createFairCountQueue({ runners, heavy });
}
