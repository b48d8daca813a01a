import { keyValueDb } from '@/utils/storage/key-value-db';

/**
 * Secrets (the Anthropic API key) in the extension's own IndexedDB. Unlike storage.local,
 * which content scripts can read in every browser TokenTally supports, the extension origin's
 * IndexedDB is reachable only from the extension's own pages and background: a content script
 * runs in the site's origin and opens the site's databases. Kept apart from the usage database
 * so deleting or importing usage never touches it. Trusted contexts only: never import this
 * from content-script code.
 */
export const SECRETS_DB_NAME = 'tokentally-secrets';
const STORE = 'secrets';

export type SecretName = 'anthropicApiKey';

const open = keyValueDb(SECRETS_DB_NAME, STORE);

export async function readSecret(name: SecretName): Promise<string | undefined> {
  const value: unknown = await (await open()).get(STORE, name);
  return typeof value === 'string' ? value : undefined;
}

export async function writeSecret(name: SecretName, value: string): Promise<void> {
  await (await open()).put(STORE, value, name);
}

export async function deleteSecret(name: SecretName): Promise<void> {
  await (await open()).delete(STORE, name);
}
