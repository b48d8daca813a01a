import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { keyValueDb } from '@/utils/storage/key-value-db';

/**
 * Sent turns whose reply has not been recorded yet (counts only, never text), in the
 * extension's own IndexedDB. A content script cannot reach it in any browser: it runs in the
 * site's origin. Each turn is written by the background from a checked `save-turn` message, with
 * the tab and site the browser reported for its sender, so a turn is only ever recorded for
 * the tab that sent it (turn-finaliser.ts). Trusted contexts only.
 */
export const PENDING_TURNS_DB_NAME = 'tokentally-turns';
const STORE = 'pending';

export interface PendingTurn {
  /** The turn as known so far, marked incomplete (output: the reply's count so far). */
  event: UsageEvent;
  tabId: number;
  /** The content-script instance (page load) that sent it: a reload is a new page. */
  pageId: string;
  /** The sending tab's host, as the browser reported it (never the event's own `site`). */
  host: string;
  /** Last time the page said the turn was still in flight (epoch ms). */
  heartbeatAt: number;
}

const open = keyValueDb(PENDING_TURNS_DB_NAME, STORE);

export async function readPendingTurn(id: string): Promise<PendingTurn | undefined> {
  return (await (await open()).get(STORE, id)) as PendingTurn | undefined;
}

export async function writePendingTurn(turn: PendingTurn): Promise<void> {
  await (await open()).put(STORE, turn, turn.event.id);
}

export async function deletePendingTurn(id: string): Promise<void> {
  await (await open()).delete(STORE, id);
}

export async function allPendingTurns(): Promise<PendingTurn[]> {
  return (await (await open()).getAll(STORE)) as PendingTurn[];
}

/** Deletes a saved turn once its finished event is stored, if the same site's tab saved it. */
export async function forgetPendingTurn(id: string, host: string): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  const turn = (await tx.store.get(id)) as PendingTurn | undefined;
  if (turn?.host === host) await tx.store.delete(id);
  await tx.done;
}
