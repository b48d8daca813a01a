import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { usageEventSchema, type UsageEvent } from '@/utils/core/usage/usage-event';
import { classifySender } from '@/utils/background/messaging/sender';
import { recordFromTabProblem } from '@/utils/background/messaging/tab-site-check';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { readOutbox, startedTurnKey, type StartedTurn } from '@/utils/storage/outbox-records';

/**
 * Background side of the outbox (turn-outbox.ts): records a sent turn whose page went away
 * before its reply ended, as incomplete, so it doesn't depend on the person coming back to the
 * site. A turn is finalised when its tab closes, when a new page starts in its tab (a reload),
 * at browser start (no page survived), or when its page stopped saying it is alive long ago.
 *
 * The outbox sits in storage.local, which content scripts can write, so nothing is taken on
 * trust: a turn is finalised only for the tab that announced it, and checked exactly like a
 * record-usage message from that tab (schema, bounds, the tab's own site).
 */

const TAB_MAP_KEY = STORAGE_KEYS.startedTurnTabs.key;
const STARTED_PREFIX = STORAGE_KEYS.startedTurns.key;
/** A page that hasn't said its turn is alive for this long is gone (background tabs' timers run at least once a minute). */
export const STALE_TURN_MS = 20 * 60_000;
/** Outbox records no tab ever announced are dropped after this long, unrecorded. */
const ORPHAN_MS = 24 * 60 * 60_000;
/** An unannounced record this fresh may belong to a live page whose announcement is still on its way. */
const UNCLAIMED_MS = 2 * 60_000;

interface TabTurn {
  tabId: number;
  pageId: string;
  /** The announcing tab's host, from the browser's own report. */
  host: string;
}

type TabMap = Record<string, TabTurn>;

/** storage.session (extension pages and the background only) where the browser has it. */
function mapArea() {
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  return session ?? browser.storage.local;
}

export interface TurnFinaliserDeps {
  /** Stores events (the background's usage store, with its after-write notices). */
  store(events: UsageEvent[]): Promise<void>;
  now?: () => number;
}

export function createTurnFinaliser(deps: TurnFinaliserDeps) {
  const now = deps.now ?? Date.now;
  // One change at a time: the map is read, changed and written back.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readMap = async (): Promise<TabMap> => ((await mapArea().get(TAB_MAP_KEY))[TAB_MAP_KEY] as TabMap | undefined) ?? {};
  const writeMap = (map: TabMap) => mapArea().set({ [TAB_MAP_KEY]: map });

  /**
   * Records one started turn as incomplete and clears it. If the page got as far as the finished
   * event, that event waits in the site's usage outbox instead (the next page on the site
   * delivers it): the started record is only cleared, so the id is recorded once, finished.
   */
  async function finalise(id: string, owner: TabTurn | null): Promise<boolean> {
    const key = startedTurnKey(id);
    const started = (await browser.storage.local.get(key))[key] as StartedTurn | undefined;
    const finished = owner ? (await readOutbox(owner.host))[id] : undefined;
    const candidate = !finished && started?.event ? { ...started.event, incomplete: true } : null;
    let stored = false;
    if (candidate && owner) {
      const parsed = usageEventSchema.safeParse(candidate);
      const problem = parsed.success ? recordFromTabProblem(parsed.data, { host: owner.host }) : 'malformed';
      if (parsed.success && parsed.data.id === id && !problem) {
        await deps.store([parsed.data]);
        stored = true;
      } else {
        console.warn('[TokenTally] outbox turn not recorded:', problem);
      }
    }
    await browser.storage.local.remove(key);
    return stored;
  }

  async function finaliseWhere(test: (turn: TabTurn, id: string) => boolean): Promise<number> {
    const map = await readMap();
    let count = 0;
    for (const [id, turn] of Object.entries(map)) {
      if (!test(turn, id)) continue;
      if (await finalise(id, turn)) count++;
      delete map[id];
    }
    await writeMap(map);
    return count;
  }

  /**
   * Outbox records whose page fell silent: announced ones after STALE_TURN_MS; unannounced ones
   * (the tab map is per browser session) when a page of their own site starts, which is the
   * only sender allowed to record for that site anyway; orphans nobody claims are dropped.
   */
  async function sweep(senderHost: string | null): Promise<number> {
    const all = await browser.storage.local.get(null);
    const map = await readMap();
    let count = 0;
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(STARTED_PREFIX)) continue;
      const id = key.slice(STARTED_PREFIX.length);
      const record = value as Partial<StartedTurn> | undefined;
      const age = now() - (record?.heartbeatAt ?? 0);
      const mapped = map[id] ?? null;
      const sameSite = !mapped && senderHost !== null && record?.event?.site === senderHost && age > UNCLAIMED_MS;
      const owner: TabTurn | null = mapped ?? (sameSite ? { tabId: -1, pageId: '', host: senderHost! } : null);
      if (mapped ? age < STALE_TURN_MS : !sameSite && age < ORPHAN_MS) continue;
      if (await finalise(id, owner)) count++;
      delete map[id];
    }
    await writeMap(map);
    return count;
  }

  return {
    /** 'turn-started' from a tab: remember which tab and page the turn belongs to. */
    turnStarted(request: { id: string; pageId: string }, sender: Runtime.MessageSender) {
      const from = classifySender(sender);
      if (from.kind !== 'content') return Promise.resolve({ noted: true as const });
      return serial(async () => {
        const map = await readMap();
        map[request.id] = { tabId: from.tabId, pageId: request.pageId, host: from.host };
        await writeMap(map);
        return { noted: true as const };
      });
    },
    /** 'page-started' from a tab: the turns an earlier page of this tab left are finalised. */
    pageStarted(request: { pageId: string }, sender: Runtime.MessageSender) {
      const from = classifySender(sender);
      if (from.kind !== 'content') return Promise.resolve({ finalised: 0 });
      return serial(async () => {
        const finalised = await finaliseWhere((turn) => turn.tabId === from.tabId && turn.pageId !== request.pageId);
        return { finalised: finalised + (await sweep(from.host)) };
      });
    },
    tabClosed(tabId: number) {
      return serial(() => finaliseWhere((turn) => turn.tabId === tabId));
    },
    /** The browser (re)started: no page that announced a turn is still there. */
    browserStarted() {
      return serial(async () => (await finaliseWhere(() => true)) + (await sweep(null)));
    },
  };
}

export type TurnFinaliser = ReturnType<typeof createTurnFinaliser>;
