import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { anthropicKeyProblem, clearAnthropicKey, loadAnthropicKey, maskAnthropicKey, saveAnthropicKey } from './anthropic-key';

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

  it('stores the key in storage.local only, never in sync', async () => {
    expect(await saveAnthropicKey(` ${GOOD} `)).toEqual({ ok: true });
    expect(await loadAnthropicKey()).toBe(GOOD);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await clearAnthropicKey();
    expect(await loadAnthropicKey()).toBeNull();
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
