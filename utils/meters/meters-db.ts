import { openDB, type IDBPDatabase } from 'idb';

/**
 * The sites' meter readings in the extension's own IndexedDB: written by the background only,
 * read by the popup. Not in storage.local, which content scripts can write in every browser
 * (a page could then forge another site's numbers). Kept apart from the usage database, so
 * deleting or importing usage leaves the readings alone. Trusted contexts only: never import
 * this from content-script code.
 */
export const METERS_DB_NAME = 'tokentally-meters';
const STORE = 'state';
const KEY = 'siteMeters';

let cached: { factory: IDBFactory; db: Promise<IDBPDatabase> } | null = null;

function open(): Promise<IDBPDatabase> {
  // Tests swap the global factory between cases; a connection to the old one is stale.
  if (!cached || cached.factory !== globalThis.indexedDB) {
    const db = openDB(METERS_DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    });
    cached = { factory: globalThis.indexedDB, db };
    db.catch(() => {
      cached = null;
    });
  }
  return cached.db;
}

export async function readMetersState(): Promise<unknown> {
  return (await open()).get(STORE, KEY);
}

export async function writeMetersState(state: unknown): Promise<void> {
  await (await open()).put(STORE, state, KEY);
}
