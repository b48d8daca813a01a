import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage, type Handlers } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import { usageHandlers } from '@/utils/background/usage-handlers';
import { getRecentEvents } from '@/utils/storage/usage-queries';
import { readHeldTurns } from '@/utils/storage/held-turns';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { recordUsage } from '@/utils/content/recording/record-usage';

const handlers: Partial<Handlers> = { ...usageHandlers, ping: () => ({ pong: true }) };

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
  it('retries until the background acknowledges, stores once, and keeps nothing in extension storage', async () => {
    const spy = flakyBackground(3);
    const event = makeEvent({ id: 'retry-me-1' });
    await Promise.all([recordUsage(event), recordUsage(event)]);
    expect(spy.mock.calls.filter(([m]) => (m as any).type === 'record-usage').length).toBe(4);
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['retry-me-1']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('drops an event the background refuses as malformed instead of retrying forever', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const spy = flakyBackground(0);
    await recordUsage({ ...makeEvent({ id: 'bad-event-1' }), promptTokens: -5 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await getRecentEvents(10)).toEqual([]);
    warn.mockRestore();
  });

  it('a turn stamped ahead of the clock (the clock moved back) is held, not refused or lost', async () => {
    flakyBackground(0);
    const ahead = makeEvent({ id: 'ahead-of-clock-1', time: Date.now() + 3 * 86_400_000 });
    await recordUsage(ahead);
    expect(await getRecentEvents(10)).toEqual([]);
    expect((await readHeldTurns()).map((t) => [t.event.id, t.reason])).toEqual([['ahead-of-clock-1', 'clock']]);
  });
});
