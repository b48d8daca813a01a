import { browser } from 'wxt/browser';
import { deleteSecret, readSecret, writeSecret } from '@/utils/storage/secrets-db';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * The user's Anthropic API key, for the opt-in exact Claude counts. It is kept in the
 * extension's own IndexedDB (secrets-db.ts), out of every content script's reach: never in
 * storage.local (which content scripts can read), never in storage.sync (which would copy it
 * to every browser), never in exported settings, never in a message to a content script.
 * Only the background (which makes the request) and the options page (where it is entered)
 * use this module.
 */
const LEGACY_KEY = STORAGE_KEYS.legacyAnthropicKey.key;

// Anthropic keys look like "sk-ant-api03-<base64url>"; admin keys "sk-ant-admin01-..."
// cannot count tokens, so they are refused up front.
const KEY_PATTERN = /^sk-ant-api\d{2}-[A-Za-z0-9_-]{20,200}$/;

/** Null when the key looks usable; otherwise a message for the form. */
export function anthropicKeyProblem(key: string): string | null {
  const k = key.trim();
  if (k === '') return 'Enter your Anthropic API key';
  if (!k.startsWith('sk-ant-')) return 'Anthropic keys start with "sk-ant-"';
  if (k.startsWith('sk-ant-admin')) return 'This is an admin key; use a regular API key (sk-ant-api…)';
  if (/\s/.test(k)) return 'The key must not contain spaces';
  if (!KEY_PATTERN.test(k)) return 'This does not look like a complete Anthropic API key (sk-ant-api03-…)';
  return null;
}

/**
 * A key in storage.local (where 0.1 stores it, and content scripts can read it) moves to the
 * secrets database (unless a key is already there) and is deleted from storage.local either way.
 * Runs before every read, so the first trusted context to look after an update finishes the
 * move; a no-op once done.
 */
export async function migrateLegacyAnthropicKey(): Promise<void> {
  const legacy = (await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY];
  if (legacy === undefined) return;
  if (typeof legacy === 'string' && anthropicKeyProblem(legacy) === null && (await readSecret('anthropicApiKey')) === undefined) {
    await writeSecret('anthropicApiKey', legacy.trim());
  }
  await browser.storage.local.remove(LEGACY_KEY);
}

export async function loadAnthropicKey(): Promise<string | null> {
  try {
    await migrateLegacyAnthropicKey();
    const value = await readSecret('anthropicApiKey');
    return typeof value === 'string' && anthropicKeyProblem(value) === null ? value : null;
  } catch {
    return null;
  }
}

export async function saveAnthropicKey(key: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const problem = anthropicKeyProblem(key);
  if (problem) return { ok: false, error: problem };
  try {
    await writeSecret('anthropicApiKey', key.trim());
    // A copy left in storage.local must not outlive the user's new key.
    await browser.storage.local.remove(LEGACY_KEY).catch(() => undefined);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `Could not store the key: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function clearAnthropicKey(): Promise<void> {
  await deleteSecret('anthropicApiKey');
  await browser.storage.local.remove(LEGACY_KEY);
}

/** Shows the key's start and end only, so it can be recognised without being displayed. */
export function maskAnthropicKey(key: string): string {
  return key.length <= 18 ? 'sk-ant-…' : `${key.slice(0, 14)}…${key.slice(-4)}`;
}
