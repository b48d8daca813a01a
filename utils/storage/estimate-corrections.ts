import { keyValueDb } from '@/utils/storage/key-value-db';
import { nextCorrection, parseCorrections, type Correction, type Corrections } from '@/utils/core/accuracy/corrections';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';

/**
 * The estimators' corrections (utils/core/accuracy/corrections.ts), in the extension's own
 * IndexedDB: written by the background, shown and reset by the options page. Content scripts,
 * which apply them to the counts they show, get them from the background with the settings
 * (content/settings-client.ts): nothing they can write ever moves a recorded count.
 * Trusted contexts only.
 */
export const CORRECTIONS_DB_NAME = 'tokentally-accuracy';
const STORE = 'corrections';
const KEY = 'estimateCorrections';

const open = keyValueDb(CORRECTIONS_DB_NAME, STORE);

/** The stored corrections (checked again on read, like every stored value). */
export async function loadCorrections(): Promise<Corrections> {
  return parseCorrections(await (await open()).get(STORE, KEY));
}

export async function resetCorrections(): Promise<void> {
  await (await open()).delete(STORE, KEY);
}

let writes: Promise<unknown> = Promise.resolve();

/** Background: folds one exact count into the estimator's correction. Writes are serialised. */
export function recordExactObservation(estimator: ClaudeEstimatorId, estimate: number, exact: number): Promise<Correction | null> {
  const run = writes.then(async () => {
    const all = await loadCorrections();
    const next = nextCorrection(all[estimator], estimate, exact);
    if (!next) return null;
    await (await open()).put(STORE, { ...all, [estimator]: next }, KEY);
    return next;
  });
  writes = run.catch(() => {});
  return run;
}
