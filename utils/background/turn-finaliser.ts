import type { Runtime } from 'webextension-polyfill';
import { incomingUsageEventSchema, type UsageEvent } from '@/utils/core/usage/usage-event';
import { classifySender } from '@/utils/background/messaging/sender';
import { recordFromTabProblem } from '@/utils/background/messaging/tab-site-check';
import { allPendingTurns, deletePendingTurn, readPendingTurn, writePendingTurn, type PendingTurn } from '@/utils/storage/pending-turns';

/**
 * The background's side of a sent turn (content/recording/turn-outbox.ts): the tab saves it
 * from the moment it is sent, and again as its counts grow (`save-turn`); the background keeps
 * it in its own IndexedDB (pending-turns.ts) with the tab, page and host the browser reported
 * for the sender. When the reply ends, the tab's `record-usage` replaces it. If the tab closes
 * or reloads first, the turn is recorded here as incomplete, checked exactly like a
 * record-usage message from that tab. A saved turn is only ever recorded for the tab that sent
 * it: nothing a content script can write outside a checked message is read here.
 */

/** A page that hasn't said its turn is alive for this long is gone (background tabs' timers run at least once a minute). */
export const STALE_TURN_MS = 20 * 60_000;
/** Turns one tab may have in flight: a person waits for a reply or two, a script would pile them up. */
export const MAX_PENDING_PER_TAB = 6;
/** Turns in flight across all tabs. */
export const MAX_PENDING = 100;

export interface TurnFinaliserDeps {
  /** Stores events (the background's intake, with its after-write notices). */
  store(events: UsageEvent[]): Promise<void>;
  now?: () => number;
}

export function createTurnFinaliser(deps: TurnFinaliserDeps) {
  const now = deps.now ?? Date.now;
  // One change at a time: a save, a drop and a finalisation of the same id never interleave.
  const queue = { tail: Promise.resolve() as Promise<unknown> };
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.tail.then(work, work);
    queue.tail = next.catch(() => undefined);
    return next;
  };

  /** Records one saved turn as incomplete (if it still passes its tab's checks) and forgets it. */
  async function finalise(turn: PendingTurn): Promise<boolean> {
    const parsed = incomingUsageEventSchema.safeParse({ ...turn.event, incomplete: true });
    const problem = parsed.success ? recordFromTabProblem(parsed.data, { host: turn.host }) : 'malformed';
    if (parsed.success && !problem) await deps.store([parsed.data]);
    else console.warn('[TokenTally] saved turn not recorded:', problem);
    await deletePendingTurn(turn.event.id);
    return !problem;
  }

  async function finaliseWhere(test: (turn: PendingTurn) => boolean): Promise<number> {
    let count = 0;
    for (const turn of await allPendingTurns()) if (test(turn) && (await finalise(turn))) count++;
    return count;
  }

  async function save(event: UsageEvent, pageId: string, from: { tabId: number; host: string }): Promise<boolean> {
    const existing = await readPendingTurn(event.id);
    if (existing && existing.tabId !== from.tabId) return false;
    if (!existing) {
      const all = await allPendingTurns();
      if (all.length >= MAX_PENDING || all.filter((turn) => turn.tabId === from.tabId).length >= MAX_PENDING_PER_TAB) return false;
    }
    await writePendingTurn({ event: { ...event, incomplete: true }, tabId: from.tabId, pageId, host: from.host, heartbeatAt: now() });
    return true;
  }

  const isStale = (turn: PendingTurn) => now() - turn.heartbeatAt >= STALE_TURN_MS;

  return {
    /** 'save-turn' from a tab (already checked against the tab's site by the router). */
    saveTurn(request: { event: UsageEvent; pageId: string }, sender: Runtime.MessageSender) {
      const from = classifySender(sender);
      if (from.kind !== 'content') return Promise.resolve({ saved: false });
      return serial(async () => ({ saved: await save(request.event, request.pageId, from) }));
    },
    /** 'drop-turn' from a tab: only its own saved turn goes. */
    dropTurn(request: { id: string }, sender: Runtime.MessageSender) {
      const from = classifySender(sender);
      return serial(async () => {
        const turn = await readPendingTurn(request.id);
        const mine = !!turn && from.kind === 'content' && turn.tabId === from.tabId;
        if (mine) await deletePendingTurn(request.id);
        return { dropped: mine };
      });
    },
    /** 'page-started' from a tab: the turns an earlier page of this tab left, and any that fell silent, are finalised. */
    pageStarted(request: { pageId: string }, sender: Runtime.MessageSender) {
      const from = classifySender(sender);
      if (from.kind !== 'content') return Promise.resolve({ finalised: 0 });
      return serial(async () => ({ finalised: await finaliseWhere((turn) => (turn.tabId === from.tabId && turn.pageId !== request.pageId) || isStale(turn)) }));
    },
    tabClosed(tabId: number) {
      return serial(() => finaliseWhere((turn) => turn.tabId === tabId || isStale(turn)));
    },
    /** The browser (re)started: no page that saved a turn is still there. */
    browserStarted() {
      return serial(() => finaliseWhere(() => true));
    },
  };
}

export type TurnFinaliser = ReturnType<typeof createTurnFinaliser>;
