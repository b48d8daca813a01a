import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { anthropicKeyProblem, clearAnthropicKey, loadAnthropicKey, maskAnthropicKey, migrateLegacyAnthropicKey, saveAnthropicKey } from '@/utils/storage/anthropic-key';
import { readSecret } from '@/utils/storage/secrets-db';

const GOOD = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-xyz';

describe('Anthropic API key', () => {
  it.each([
    ['', /Enter/],
    ['sk-proj-abc', /start with "sk-ant-"/],
    ['sk-ant-admin01-abcdefghijklmnopqrstuvwxyz', /admin key/],
    ['sk-ant-api03-abc def ghijklmnopqrstuvwxyz', /spaces/],
    ['sk-ant-api03-short', /complete/],
  ])('refuses %j', (key, message) => {
    expect(anthropicKeyProblem(key)).toMatch(message);
  });

  it('accepts a well-formed key', () => {
    expect(anthropicKeyProblem(GOOD)).toBeNull();
    expect(anthropicKeyProblem(`  ${GOOD}\n`)).toBeNull();
  });

  it('keeps the key in the extension\'s own IndexedDB: never in storage.local or storage.sync, which content scripts can read', async () => {
    expect(await saveAnthropicKey(` ${GOOD} `)).toEqual({ ok: true });
    expect(await loadAnthropicKey()).toBe(GOOD);
    expect(await readSecret('anthropicApiKey')).toBe(GOOD);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await clearAnthropicKey();
    expect(await loadAnthropicKey()).toBeNull();
    expect(await readSecret('anthropicApiKey')).toBeUndefined();
  });

  it('moves a key v0.1 left in storage.local into the secrets database and deletes it there', async () => {
    await fakeBrowser.storage.local.set({ anthropicApiKey: GOOD });
    await migrateLegacyAnthropicKey();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await loadAnthropicKey()).toBe(GOOD);
    // A key the user saved since wins over a stale copy; a malformed copy is just deleted.
    const newer = GOOD.replace('xyz', 'new');
    await saveAnthropicKey(newer);
    await fakeBrowser.storage.local.set({ anthropicApiKey: GOOD });
    expect(await loadAnthropicKey()).toBe(newer);
    await fakeBrowser.storage.local.set({ anthropicApiKey: 'garbage' });
    await migrateLegacyAnthropicKey();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await loadAnthropicKey()).toBe(newer);
  });

  it('stores nothing when the key is malformed', async () => {
    expect(await saveAnthropicKey('sk-ant-nope')).toMatchObject({ ok: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('masks the key for display', () => {
    expect(maskAnthropicKey(GOOD)).toBe('sk-ant-api03-A…-xyz');
    expect(maskAnthropicKey(GOOD)).not.toContain('MnOp');
  });
});
