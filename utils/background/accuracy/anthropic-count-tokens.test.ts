import { describe, expect, it, vi } from 'vitest';
import { ANTHROPIC_COUNT_TOKENS_URL } from '@/utils/core/accuracy/anthropic-api';
import { countClaudeTokens } from '@/utils/background/accuracy/anthropic-count-tokens';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('countClaudeTokens', () => {
  it('posts the text as one user message with the key and version headers, and returns input_tokens', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(200, { input_tokens: 1234 }));
    const result = await countClaudeTokens({ apiKey: KEY, model: 'claude-sonnet-4-5', text: 'Hello, Claude', fetchImpl });
    expect(result).toEqual({ ok: true, tokens: 1234 });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(ANTHROPIC_COUNT_TOKENS_URL);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hello, Claude' }] });
  });

  it.each([
    [401, /rejected the API key/, false],
    [404, /does not know this model/, false],
    [429, /Rate limited/, true],
    [529, /unavailable/, true],
    [400, /refused the request \(400\)/, false],
  ])('turns HTTP %i into a readable error', async (status, message, retryable) => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(status, { type: 'error', error: { type: 'x', message: 'detail' } }));
    const result = await countClaudeTokens({ apiKey: KEY, model: 'claude-haiku-4-5', text: 'x', fetchImpl });
    expect(result).toMatchObject({ ok: false, status, retryable });
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toContain('detail');
    }
  });

  it('refuses a reply without a usable count', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(200, { input_tokens: 'many' }));
    expect(await countClaudeTokens({ apiKey: KEY, model: 'm', text: 'x', fetchImpl })).toMatchObject({ ok: false, error: /without a token count/ });
  });

  it('reports a network failure instead of throwing', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await countClaudeTokens({ apiKey: KEY, model: 'm', text: 'x', fetchImpl })).toEqual({
      ok: false,
      error: 'Could not reach Anthropic: Failed to fetch',
      retryable: true,
    });
  });

  it('gives up after the timeout', async () => {
    const fetchImpl = vi.fn<typeof fetch>((_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const result = await countClaudeTokens({ apiKey: KEY, model: 'm', text: 'x', fetchImpl, timeoutMs: 20 });
    expect(result).toMatchObject({ ok: false, error: /did not answer in time/, retryable: true });
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const fetchImpl = vi.fn<typeof fetch>((_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const pending = countClaudeTokens({ apiKey: KEY, model: 'm', text: 'x', fetchImpl, signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: 'Cancelled' });
  });
});
