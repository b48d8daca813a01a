import type { UsageEvent } from '@/utils/core/usage/usage-event';

/**
 * In-page notice that a usage event was stored by the background. Other content-side features
 * (the Claude usage-meter reader, for one) react to a finished turn without knowing how turns
 * are detected, so the detection code can change without touching them.
 */
type Listener = (event: UsageEvent) => void;

const listeners = new Set<Listener>();

/** Calls `listener` after every event this page recorded; returns the unsubscribe function. */
export function onUsageRecorded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitUsageRecorded(event: UsageEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.warn('[TokenTally] usage listener failed:', error);
    }
  }
}
