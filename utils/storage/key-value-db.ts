import { openDB, type IDBPDatabase } from 'idb';

/**
 * Opens, once, a database of the extension's own origin that holds one key-value store (the
 * secrets and the meter readings each have one). Returns the function that gives the
 * connection: a failed open is tried again next time.
 */
export function keyValueDb(name: string, store: string): () => Promise<IDBPDatabase> {
  let cached: { factory: IDBFactory; db: Promise<IDBPDatabase> } | null = null;
  return () => {
    // Tests swap the global factory between cases; a connection to the old one is stale.
    if (!cached || cached.factory !== globalThis.indexedDB) {
      const db = openDB(name, 1, {
        upgrade(database) {
          database.createObjectStore(store);
        },
      });
      cached = { factory: globalThis.indexedDB, db };
      db.catch(() => {
        cached = null;
      });
    }
    return cached.db;
  };
}
