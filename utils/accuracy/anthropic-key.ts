import { browser } from 'wxt/browser';

/**
 * The user's Anthropic API key, for the opt-in exact Claude counts. It is kept in
 * storage.local only: never in storage.sync (which would copy it to every
 * browser), never in exported settings, never in a message to a content script.
 */
const KEY = 'anthropicApiKey';

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

export async function loadAnthropicKey(): Promise<string | null> {
  try {
    const stored = await browser.storage.local.get(KEY);
    const value = stored[KEY];
    return typeof value === 'string' && anthropicKeyProblem(value) === null ? value : null;
  } catch {
    return null;
  }
}

export async function saveAnthropicKey(key: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const problem = anthropicKeyProblem(key);
  if (problem) return { ok: false, error: problem };
  try {
    await browser.storage.local.set({ [KEY]: key.trim() });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `Could not store the key: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function clearAnthropicKey(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/** Shows the key's start and end only, so it can be recognised without being displayed. */
export function maskAnthropicKey(key: string): string {
  return key.length <= 18 ? 'sk-ant-…' : `${key.slice(0, 14)}…${key.slice(-4)}`;
}
