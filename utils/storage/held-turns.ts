import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { keyValueDb } from '@/utils/storage/key-value-db';

/**
 * Turns held back (a quarantine apart from the usage database's own, which holds stored
 * records out of bounds): turns that could not be recorded yet, kept instead of deleted (counts only), in the
 * extension's own IndexedDB (out of content scripts' reach):
 * - 'clock': stamped more than a day ahead of this machine's clock (the clock was moved back
 *   after the turn was sent). Recorded by the background once the clock has caught up.
 * - 'unverified': found in the storage an earlier version shared with content scripts. Anything
 *   could have written it, so it is recorded only when the user keeps it from the popup.
 * Bounded: a full hold refuses more rather than growing without end.
 */
export const HELD_TURNS_DB_NAME = 'tokentally-held-turns';
const STORE = 'events';
export const MAX_HELD_TURNS = 500;

export type HoldReason = 'clock' | 'unverified';

export interface HeldTurn {
  event: UsageEvent;
  reason: HoldReason;
  /** When it was held, by this machine's clock. */
  since: number;
}

const open = keyValueDb(HELD_TURNS_DB_NAME, STORE);

/** Holds turns (an id already held is replaced); returns how many fitted. */
export async function holdTurns(turns: readonly HeldTurn[]): Promise<number> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  let room = MAX_HELD_TURNS - (await tx.store.count());
  let kept = 0;
  for (const turn of turns) {
    const held = (await tx.store.getKey(turn.event.id)) !== undefined;
    if (!held && room <= 0) continue;
    await tx.store.put(turn, turn.event.id);
    if (!held) room--;
    kept++;
  }
  await tx.done;
  return kept;
}

export async function readHeldTurns(): Promise<HeldTurn[]> {
  return (await (await open()).getAll(STORE)) as HeldTurn[];
}

export async function countHeldTurns(): Promise<number> {
  return (await open()).count(STORE);
}

export async function releaseHeldTurns(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

/** What the popup says of the held turns: how many of each reason, and what the unverified ones claim. */
export interface HeldTurnsSummary {
  aheadOfClock: number;
  unverified: { count: number; sites: string[]; costUsd: number };
}

export async function summariseHeldTurns(): Promise<HeldTurnsSummary> {
  const held = await readHeldTurns();
  const unverified = held.filter((turn) => turn.reason === 'unverified');
  return {
    aheadOfClock: held.length - unverified.length,
    unverified: {
      count: unverified.length,
      sites: [...new Set(unverified.map((turn) => String(turn.event.site).slice(0, 80)))].sort().slice(0, 5),
      costUsd: unverified.reduce((sum, turn) => sum + (Number.isFinite(turn.event.costUsd) ? Math.max(0, turn.event.costUsd ?? 0) : 0), 0),
    },
  };
}
