import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage, type Handlers } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import { usageHandlers } from '@/utils/background/usage-handlers';
import { getRecentEvents } from '@/utils/storage/usage-queries';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { flushPendingUsage, recordUsage } from '@/utils/content/recording/record-usage';

const OUTBOX = 'usageOutbox:chatgpt.com';

const handlers: Partial<Handlers> = { ...usageHandlers, count: () => ({ counts: [] }), 'count-exact': () => null, ping: () => ({ pong: true }) };

/** Background that is "stopped" for the first `failures` messages (throws or replies nothing). */
function flakyBackground(failures: number) {
  let calls = 0;
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: any) => {
    calls++;
    if (message?.type === 'usage-changed') return undefined;
    if (calls <= failures) {
      if (calls % 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    }
    return routeMessage(message, tabSender('https://chatgpt.com/c/1'), handlers);
  }) as any);
}

describe('recordUsage', () => {
  it('retries until the background acknowledges, stores once, and clears the outbox', async () => {
    const spy = flakyBackground(3);
    const event = makeEvent({ id: 'retry-me-1' });
    await recordUsage(event);
    expect(spy.mock.calls.filter(([m]) => (m as any).type === 'record-usage').length).toBe(4);
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['retry-me-1']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('flushes events a previous page left behind, without duplicating them', async () => {
    flakyBackground(0);
    const left = makeEvent({ id: 'left-behind-1' });
    const otherSite = makeEvent({ id: 'claude-left-1', site: 'claude.ai', provider: 'anthropic' });
    await fakeBrowser.storage.local.set({ [OUTBOX]: { [left.id]: left }, 'usageOutbox:claude.ai': { [otherSite.id]: otherSite } });
    await Promise.all([flushPendingUsage('chatgpt.com'), flushPendingUsage('chatgpt.com'), recordUsage(left)]);
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['left-behind-1']);
    // Another site's outbox is that site's tabs' to flush (and only they may record it).
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'usageOutbox:claude.ai': { [otherSite.id]: otherSite } });
  });

  it('drops an event the background refuses as malformed instead of retrying forever', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const spy = flakyBackground(0);
    await recordUsage({ ...makeEvent({ id: 'bad-event-1' }), promptTokens: -5 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await getRecentEvents(10)).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    warn.mockRestore();
  });
  // Last: its delivery loop keeps retrying in the background after the test ends.
  it('keeps the event in the outbox until acknowledged, counts only', async () => {
    flakyBackground(1_000_000);
    const event = makeEvent({ id: 'stuck-1234' });
    void recordUsage(event);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(OUTBOX)).toEqual({ [OUTBOX]: { [event.id]: event } }));
  });
});
