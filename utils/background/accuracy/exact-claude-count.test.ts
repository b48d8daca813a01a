import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { saveSettings } from '@/utils/storage/settings-store';
import { saveAnthropicKey } from '@/utils/storage/anthropic-key';
import { exactClaudeCountIfEnabled } from '@/utils/background/accuracy/exact-claude-count';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';
const okFetch = () => vi.fn<typeof fetch>().mockResolvedValue(new Response(JSON.stringify({ input_tokens: 7 }), { status: 200 }));

describe('exactClaudeCountIfEnabled', () => {
  it('makes no request while the feature is off (the default), even with a key', async () => {
    await saveAnthropicKey(KEY);
    const fetchImpl = okFetch();
    expect(await exactClaudeCountIfEnabled('hello', 'claude-sonnet-4-5', { fetchImpl })).toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('makes no request when on but no key is stored', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, anthropicExactCounts: true });
    const fetchImpl = okFetch();
    expect(await exactClaudeCountIfEnabled('hello', 'claude-sonnet-4-5', { fetchImpl })).toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('counts through Anthropic when on and a key is stored, for Claude models only', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, anthropicExactCounts: true });
    await saveAnthropicKey(KEY);
    const fetchImpl = okFetch();
    expect(await exactClaudeCountIfEnabled('hello', 'gpt-4o', { fetchImpl })).toBeNull();
    expect(await exactClaudeCountIfEnabled('hello', 'claude-haiku-4-5', { fetchImpl })).toEqual({ ok: true, tokens: 7 });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
