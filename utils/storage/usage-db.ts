import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { addEventsToAggregates, DAY_MS, HOUR_MS, QUARTER_MS } from '@/utils/storage/usage-aggregates';
import type { UsageAggregate } from '@/utils/storage/usage-aggregates';
import { isWithinBounds } from '@/utils/core/usage/usage-bounds';

/**
 * The usage database. Only the background writes it; popup/options pages read it.
 *
 * Versions:
 *  1: `events` keyed by id, indexed by time.
 *  2: `aggregates`: per provider+model sums over 15-minute and whole-UTC-day spans, so a
 *     period total reads a few hundred records instead of every event. The migration builds
 *     them from the events a v1 database already holds.
 *  3: adds hourly aggregates (local days in daily history read 24 records, not 96):
 *     the aggregates are rebuilt from the events.
 *  4: `quarantine`: events outside the bounds of usage-bounds.ts (a version-3 database checks
 *     none, so it can hold `time: 9e15` or `costUsd: 1.7e308`) move there, kept but never summed
 *     or shown, and the aggregates are rebuilt without them. Views count them ("1 record out of
 *     bounds skipped").
 */
export const USAGE_DB_NAME = 'tokentally-usage';
export const USAGE_DB_VERSION = 4;

export interface UsageDbV1 extends DBSchema {
  events: { key: string; value: UsageEvent; indexes: { 'by-time': number } };
}

export interface UsageDb extends DBSchema {
  events: { key: string; value: UsageEvent; indexes: { 'by-time': number } };
  aggregates: {
    /** [spanMs, startMs, provider, model] */
    key: [number, number, string, string];
    value: UsageAggregate;
  };
  /** Stored records outside the bounds, as they were (not UsageEvents any more). */
  quarantine: { key: string; value: Record<string, unknown> & { id: string } };
}

type UpgradeTx = IDBPTransaction<UsageDb, StoreNames<UsageDb>[], 'versionchange'>;

/** One step per version; step n upgrades a database at version n-1 to n. */
const migrations: Record<number, (db: IDBPDatabase<UsageDb>, tx: UpgradeTx) => Promise<void> | void> = {
  1: (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-time', 'time');
  },
  2: async (db, tx) => {
    db.createObjectStore('aggregates', { keyPath: ['span', 'start', 'provider', 'model'] });
    const events = await tx.objectStore('events').getAll();
    await addEventsToAggregates(tx.objectStore('aggregates'), events, 1, [DAY_MS, QUARTER_MS]);
  },
  3: async (_db, tx) => {
    const aggregates = tx.objectStore('aggregates');
    await aggregates.clear();
    await addEventsToAggregates(aggregates, await tx.objectStore('events').getAll(), 1, [DAY_MS, HOUR_MS, QUARTER_MS]);
  },
  4: async (db, tx) => {
    db.createObjectStore('quarantine', { keyPath: 'id' });
    const events = tx.objectStore('events');
    const kept: UsageEvent[] = [];
    const moves: Promise<unknown>[] = [];
    for (const event of await events.getAll()) {
      if (isWithinBounds(event)) kept.push(event);
      else moves.push(tx.objectStore('quarantine').put(event as UsageDb['quarantine']['value']), events.delete(event.id));
    }
    await Promise.all(moves);
    if (moves.length === 0) return; // the aggregates already agree with the events
    const aggregates = tx.objectStore('aggregates');
    await aggregates.clear();
    await addEventsToAggregates(aggregates, kept);
  },
};

/** Opens (and upgrades) the database up to `version`; exported for migration tests. */
export function openUsageDbAt(version: number): Promise<IDBPDatabase<UsageDb>> {
  return openDB<UsageDb>(USAGE_DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await migrations[v]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // Another context wants a newer schema: let it, and reopen lazily next time.
      (event.target as IDBDatabase).close();
      cached = null;
    },
  });
}

let cached: Promise<IDBPDatabase<UsageDb>> | null = null;
let cachedFactory: IDBFactory | null = null;

/**
 * Lazily opened and cached: an MV3 worker is restarted often, and opening at start-up
 * would delay the first message. A failed open is not cached, so the next call retries.
 */
export function openUsageDb(): Promise<IDBPDatabase<UsageDb>> {
  // Tests swap the global factory between cases; a connection to the old one is stale.
  if (cachedFactory !== globalThis.indexedDB) cached = null;
  if (!cached) {
    cachedFactory = globalThis.indexedDB;
    const opening = openUsageDbAt(USAGE_DB_VERSION);
    void opening.then(() => globalThis.performance?.mark?.('tt:db-open'));
    cached = opening;
    opening.then(
      (db) => db.addEventListener('close', () => { if (cached === opening) cached = null; }),
      () => { if (cached === opening) cached = null; },
    );
  }
  return cached;
}
