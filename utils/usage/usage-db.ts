import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { UsageEvent } from './usage-event';
import { addEventsToAggregates, DAY_MS, HOUR_MS, QUARTER_MS } from './usage-aggregates';
import type { UsageAggregate } from './usage-aggregates';

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
 */
export const USAGE_DB_NAME = 'tokentally-usage';
export const USAGE_DB_VERSION = 3;

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
