import { keyValueDb } from '@/utils/storage/key-value-db';

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

const open = keyValueDb(METERS_DB_NAME, STORE);

export async function readMetersState(): Promise<unknown> {
  return (await open()).get(STORE, KEY);
}

export async function writeMetersState(state: unknown): Promise<void> {
  await (await open()).put(STORE, state, KEY);
}
