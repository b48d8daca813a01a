import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { saveSettings } from '@/utils/storage/settings-store';
import { routeMessage } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import { saveAnthropicKey } from '@/utils/storage/anthropic-key';
import { exactClaudeCountIfEnabled } from '@/utils/background/accuracy/exact-claude-count';
import { createExactCountHandler } from '@/utils/background/accuracy/exact-count-handler';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';
const tab = (id: number) => tabSender('https://claude.ai/new', id);

function handlerWith(fetchImpl: typeof fetch) {
  return createExactCountHandler((text, modelId, opts) => exactClaudeCountIfEnabled(text, modelId, { ...opts, fetchImpl }));
}

describe("background 'count-exact'", () => {
  it('sends nothing and replies null while the switch is off, even with a key stored', async () => {
    await saveAnthropicKey(KEY);
    const fetchImpl = vi.fn<typeof fetch>();
    const reply = await routeMessage({ type: 'count-exact', text: 'hello', modelId: 'claude-sonnet-4-5' }, tab(1), {
      'count-exact': handlerWith(fetchImpl),
    });
    expect(reply).toEqual({ ok: true, value: null });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("returns Anthropic's count when on, and the reason when Anthropic refuses", async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, anthropicExactCounts: true });
    await saveAnthropicKey(KEY);
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(new Response(JSON.stringify({ input_tokens: 1234 }), { status: 200 }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ error: { message: 'invalid x-api-key' } }), { status: 401 }));
    const handler = handlerWith(fetchImpl);
    expect(await handler({ type: 'count-exact', text: 'hello', modelId: 'claude-sonnet-4-5' }, tab(1))).toEqual({ tokens: 1234 });
    const body = JSON.parse(String(fetchImpl.mock.calls[0]![1]!.body));
    expect(body).toEqual({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hello' }] });
    expect(await handler({ type: 'count-exact', text: 'hello', modelId: 'claude-sonnet-4-5' }, tab(1))).toEqual({
      error: 'Anthropic rejected the API key (invalid x-api-key)',
    });
  });

  it('aborts the previous request from the same tab when a newer one arrives', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, anthropicExactCounts: true });
    await saveAnthropicKey(KEY);
    const signals: AbortSignal[] = [];
    const fetchImpl = vi.fn<typeof fetch>((_url, init) => {
      signals.push(init!.signal!);
      return new Promise((resolve, reject) => {
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        setTimeout(() => resolve(new Response(JSON.stringify({ input_tokens: 5 }), { status: 200 })), 50);
      });
    });
    const handler = handlerWith(fetchImpl);
    const first = handler({ type: 'count-exact', text: 'old', modelId: 'claude-haiku-4-5' }, tab(7));
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    const other = handler({ type: 'count-exact', text: 'other tab', modelId: 'claude-haiku-4-5' }, tab(8));
    const second = handler({ type: 'count-exact', text: 'new', modelId: 'claude-haiku-4-5' }, tab(7));
    expect(await first).toEqual({ error: 'Cancelled' });
    expect(await second).toEqual({ tokens: 5 });
    expect(await other).toEqual({ tokens: 5 });
  });
});
