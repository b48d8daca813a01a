import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage, type Handlers } from '@/utils/background/messaging/router';
import { RateLimiter } from '@/utils/background/messaging/rate-limiter';
import { classifySender } from '@/utils/background/messaging/sender';
import { pageSender, tabSender } from '@/test/unit/test-senders';
import { usageHandlers } from '@/utils/background/usage-handlers';
import { getRecentEvents } from '@/utils/storage/usage-queries';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import type { UsageEvent } from '@/utils/core/usage/usage-event';

const handlers: Partial<Handlers> = {
  ...usageHandlers,
  count: (r) => ({ counts: r.segments.map((s) => s.length) }),
  'count-exact': () => null,
  'observe-exact-count': () => ({ applied: false }),
  ping: () => ({ pong: true }),
};

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
const record = (event: UsageEvent) => ({ type: 'record-usage', event });

describe('who sent it', () => {
  const me = { id: 'abc', base: 'chrome-extension://abc/' };
  it('tells extension pages (also in a tab) from content scripts and strangers', () => {
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, me)).toEqual({ kind: 'page' });
    // The options page opened in a tab has a tab, and is still the extension's own page.
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/options.html', origin: 'chrome-extension://abc', tab: { id: 3 } } as never, me)).toEqual({ kind: 'page' });
    expect(classifySender({ id: 'abc', url: 'https://www.ChatGPT.com/c/1', tab: { id: 4 } as never, frameId: 2 }, me)).toEqual({ kind: 'content', tabId: 4, frameId: 2, host: 'www.chatgpt.com' });
    expect(classifySender({ id: 'other', url: 'chrome-extension://other/x.html' }, me).kind).toBe('unknown');
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abcd/popup.html' }, me).kind).toBe('unknown');
    expect(classifySender({ id: 'abc', url: 'about:blank', tab: { id: 4 } as never }, me).kind).toBe('unknown');
    expect(classifySender({ id: 'abc', url: 'https://chatgpt.com/' }, me).kind).toBe('unknown'); // a web URL without a tab
    expect(classifySender({}, me).kind).toBe('unknown');
    // Chrome's reported origin must agree with the URL; Firefox's envType wins over both.
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/popup.html', origin: 'https://evil.example' } as never, me).kind).toBe('unknown');
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/popup.html', envType: 'content_child' } as never, me).kind).toBe('unknown');
  });
});

describe('content scripts are served content messages only', () => {
  it('refuses delete, import and retention from a tab, and from unknown senders, leaving data alone', async () => {
    quiet();
    const real = makeEvent({ id: 'real-event-1' });
    expect(await routeMessage(record(real), pageSender(), handlers)).toMatchObject({ ok: true });
    const tab = tabSender('https://chatgpt.com/c/1');
    for (const message of [{ type: 'delete-all-usage' }, { type: 'apply-retention' }, { type: 'import-usage', events: [makeEvent({ id: 'forged-import-1' })] }]) {
      const reply = await routeMessage(message, tab, handlers);
      expect(reply).toMatchObject({ ok: false, refused: true, error: expect.stringContaining("extension's own pages only") });
      expect(await routeMessage(message, {}, handlers)).toMatchObject({ ok: false, refused: true });
    }
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['real-event-1']);
    // The same requests from the options page are served.
    expect(await routeMessage({ type: 'delete-all-usage' }, pageSender(), handlers)).toEqual({ ok: true, value: { deleted: true } });
    expect(await getRecentEvents(10)).toEqual([]);
  });
});

describe('a tab records only its own site', () => {
  const chatgpt = tabSender('https://chatgpt.com/c/1', 7);
  const cases: Array<[string, Partial<UsageEvent>, ReturnType<typeof tabSender>]> = [
    ['another site', { site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' }, chatgpt],
    ['a provider the site does not serve', { site: 'chatgpt.com', provider: 'google' }, chatgpt],
    ['a Clay run on a chat site', { site: 'chatgpt.com', kind: 'clay-run' }, chatgpt],
    ['a site the user enabled (generic adapter)', { site: 'example.org' }, tabSender('https://example.org/', 8)],
    ['5 billion tokens', { site: 'chatgpt.com', promptTokens: 5_000_000_000 }, chatgpt],
    ['more tokens than any one turn', { site: 'chatgpt.com', contextTokens: 50_000_000 }, chatgpt],
    ['$75,000 for a chat turn', { site: 'chatgpt.com', costUsd: 75_000 }, chatgpt],
    ['a time far in the future', { site: 'chatgpt.com', time: 9e15 }, chatgpt],
    ['a time before 2020', { site: 'chatgpt.com', time: Date.UTC(2019, 11, 31) }, chatgpt],
    ['a Clay run filed under a provider its model is not from', { site: 'app.clay.com', kind: 'clay-run', provider: 'anthropic', model: 'gpt-4o-mini' }, tabSender('https://app.clay.com/t/1', 9)],
  ];
  it.each(cases)('refuses %s, and stores nothing', async (_name, patch, sender) => {
    quiet();
    const reply = await routeMessage(record(makeEvent({ id: 'forged-event-1', ...patch })), sender, handlers, { limiter: new RateLimiter() });
    expect(reply).toMatchObject({ ok: false, refused: true });
    expect(await getRecentEvents(10)).toEqual([]);
  });

  it('accepts its own turns, www. or not, and Clay runs under clay or the model provider', async () => {
    const limiter = new RateLimiter();
    const ok = async (event: UsageEvent, sender: ReturnType<typeof tabSender>) =>
      expect(await routeMessage(record(event), sender, handlers, { limiter })).toEqual({ ok: true, value: { stored: true } });
    await ok(makeEvent({ site: 'chatgpt.com' }), tabSender('https://www.chatgpt.com/', 1));
    await ok(makeEvent({ site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' }), tabSender('https://claude.ai/chat/1', 2));
    await ok(makeEvent({ site: 'platform.openai.com', kind: 'console' }), tabSender('https://platform.openai.com/chat/edit', 3));
    const clay = tabSender('https://app.clay.com/workspaces/1', 4);
    await ok(makeEvent({ site: 'app.clay.com', provider: 'clay', kind: 'clay-run', credits: 250, costUsd: 0 }), clay);
    await ok(makeEvent({ site: 'app.clay.com', provider: 'openai', model: 'gpt-4o-mini', kind: 'clay-run', credits: 0, costUsd: 1.2 }), clay);
    expect(await getRecentEvents(10)).toHaveLength(5);
  });

  it('lets extension pages record for any site (tests and tools seed usage that way)', async () => {
    const reply = await routeMessage(record(makeEvent({ site: 'gemini.google.com', provider: 'google' })), pageSender(), handlers);
    expect(reply).toEqual({ ok: true, value: { stored: true } });
  });
});

describe('rate caps per tab', () => {
  it('lets a burst through, then asks the tab to wait; other tabs and pages are not affected', async () => {
    quiet();
    let now = 1_000_000;
    const limiter = new RateLimiter(() => now);
    const send = (i: number, tabId: number) =>
      routeMessage(record(makeEvent({ id: `burst-event-${tabId}-${i}` })), tabSender('https://chatgpt.com/', tabId), handlers, { limiter });
    for (let i = 0; i < 30; i++) expect((await send(i, 1)).ok).toBe(true);
    const limited = await send(30, 1);
    expect(limited).toMatchObject({ ok: false, error: expect.stringMatching(/Rate limited/), retryAfterMs: expect.any(Number) });
    expect(limited).not.toHaveProperty('refused'); // the sender may retry later
    expect((await send(0, 2)).ok).toBe(true);
    expect((await routeMessage(record(makeEvent({ id: 'from-the-page' })), pageSender(), handlers, { limiter })).ok).toBe(true);
    now += 2_000; // one more event's worth
    expect((await send(31, 1)).ok).toBe(true);
    expect((await send(32, 1)).ok).toBe(false);
    expect(await getRecentEvents(100)).toHaveLength(33);
  });

  it('weighs counts by their text, and refuses one request over the size cap outright', async () => {
    quiet();
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const tab = tabSender('https://gemini.google.com/app', 5);
    const count = (chars: number, segments = 1) =>
      routeMessage({ type: 'count', tokenizer: 'gemma3', segments: Array.from({ length: segments }, () => 'x'.repeat(Math.ceil(chars / segments))) }, tab, handlers, { limiter });
    // Typing: many small requests pass.
    for (let i = 0; i < 200; i++) expect((await count(40)).ok).toBe(true);
    // A 5 MB paste passes at once; a second at once waits for what a worker counts (1.5 MB a second).
    expect((await count(5_000_000, 50)).ok).toBe(true);
    const refused = await count(5_000_000, 50);
    expect(refused).toMatchObject({ ok: false, retryAfterMs: expect.any(Number) });
    const wait = (refused as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(1_000);
    now += wait;
    expect((await count(5_000_000, 50)).ok).toBe(true);
    // The most one request may carry passes on a full bucket.
    now += 10_000;
    expect((await count(10_000_000, 2)).ok).toBe(true);
    // Over 10M characters in one request is malformed, whoever sends it.
    expect(await count(10_000_001, 2)).toMatchObject({ ok: false, refused: true });
    expect(await routeMessage({ type: 'count', tokenizer: 'o200k', segments: ['a'.repeat(10_000_001)] }, pageSender(), handlers)).toMatchObject({ ok: false, refused: true });
  });
});

describe('the request port', () => {
  it("asks Anthropic for exact counts only for a Claude model, from a site that serves Claude", async () => {
    quiet();
    const send = (modelId: string, url: string) => routeMessage({ type: 'count-exact', text: 'my prompt', modelId }, tabSender(url), handlers as Handlers, { limiter: new RateLimiter() });
    expect(await send('claude-sonnet-4-5', 'https://claude.ai/new')).toEqual({ ok: true, value: null });
    expect(await send('claude-sonnet-4-5', 'https://app.clay.com/workspaces/1')).toEqual({ ok: true, value: null });
    expect(await send('claude-sonnet-4-5', 'https://gemini.google.com/app')).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/does not serve Claude/) });
    expect(await send('gpt-4o', 'https://claude.ai/new')).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/not a Claude model/) });
    expect(await send('claude-sonnet-4-5', 'https://evil.example/')).toMatchObject({ ok: false, refused: true });
    expect(await routeMessage({ type: 'count-exact', text: 'x', modelId: 'claude-sonnet-4-5' }, pageSender(), handlers as Handlers, { limiter: new RateLimiter() })).toEqual({ ok: true, value: null });
  });

  it('applies the same sender checks to port messages', async () => {
    quiet();
    const { serveRequestPorts } = await import('@/utils/background/messaging/port-server');
    const listeners: Array<(port: unknown) => void> = [];
    vi.spyOn(fakeBrowser.runtime, 'onConnect', 'get').mockReturnValue({ addListener: (l: (port: unknown) => void) => listeners.push(l) } as never);
    serveRequestPorts({ ...handlers });
    const posted: unknown[] = [];
    let onMessage: (m: unknown) => void = () => {};
    listeners[0]!({
      name: 'tokentally-requests',
      sender: tabSender('https://chatgpt.com/', 11),
      onMessage: { addListener: (l: (m: unknown) => void) => (onMessage = l) },
      postMessage: (m: unknown) => posted.push(m),
    });
    onMessage({ id: 1, request: { type: 'delete-all-usage' } });
    onMessage({ id: 2, request: { type: 'count', tokenizer: 'o200k', segments: ['abc'] } });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted).toContainEqual({ id: 1, reply: expect.objectContaining({ ok: false, refused: true }) });
    expect(posted).toContainEqual({ id: 2, reply: { ok: true, value: { counts: [3] } } });
  });
});
