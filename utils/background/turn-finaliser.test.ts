import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { tabSender } from '@/test/unit/test-senders';
import { createTurnFinaliser } from '@/utils/background/turn-finaliser';
import { startedTurnKey, type StartedTurn } from '@/utils/storage/outbox-records';
import { outboxKey } from '@/utils/storage/outbox-records';

/** A sent turn as the content script leaves it in the outbox (counts only). */
async function started(event: UsageEvent, pageId = 'page-aaaa-1111', heartbeatAt = Date.now()) {
  const record: StartedTurn = { event: { ...event, incomplete: true }, pageId, heartbeatAt };
  await fakeBrowser.storage.local.set({ [startedTurnKey(event.id)]: record });
}

function finaliser() {
  const stored: UsageEvent[] = [];
  const f = createTurnFinaliser({ store: async (events) => void stored.push(...events) });
  return { f, stored };
}

const chatgpt = (id: string, extra: Partial<UsageEvent> = {}) =>
  makeEvent({ id, site: 'chatgpt.com', provider: 'openai', kind: 'chat', promptTokens: 12, contextTokens: 0, outputTokens: 40, ...extra });

describe('turn finaliser (a sent turn survives a closed tab)', () => {
  it('a tab closed mid-reply: its announced turn is recorded once, as incomplete, and leaves the outbox', async () => {
    const { f, stored } = finaliser();
    const event = chatgpt('turn-closed-0001');
    await started(event);
    await f.turnStarted({ id: event.id, pageId: 'page-aaaa-1111' }, tabSender('https://chatgpt.com/c/1', 7));
    expect(await f.tabClosed(8)).toBe(0);
    expect(await f.tabClosed(7)).toBe(1);
    expect(stored).toEqual([{ ...event, incomplete: true }]);
    expect(await fakeBrowser.storage.local.get(startedTurnKey(event.id))).toEqual({});
    expect(await f.tabClosed(7)).toBe(0);
    expect(stored).toHaveLength(1);
  });

  it('a reload (a new page in the same tab) finalises the old page\'s turns, not its own', async () => {
    const { f, stored } = finaliser();
    const old = chatgpt('turn-reload-0001');
    await started(old, 'page-old-00001');
    await f.turnStarted({ id: old.id, pageId: 'page-old-00001' }, tabSender('https://chatgpt.com/c/1', 3));
    expect((await f.pageStarted({ pageId: 'page-old-00001' }, tabSender('https://chatgpt.com/c/1', 3))).finalised).toBe(0);
    expect((await f.pageStarted({ pageId: 'page-new-00002' }, tabSender('https://chatgpt.com/c/1', 3))).finalised).toBe(1);
    expect(stored.map((e) => e.id)).toEqual([old.id]);
  });

  it('a turn whose finished event already waits in the site\'s outbox is not recorded again as incomplete', async () => {
    const { f, stored } = finaliser();
    const event = chatgpt('turn-finished-01');
    await started(event);
    await fakeBrowser.storage.local.set({ [outboxKey('chatgpt.com')]: { [event.id]: event } });
    await f.turnStarted({ id: event.id, pageId: 'page-aaaa-1111' }, tabSender('https://chatgpt.com/c/1', 4));
    await f.tabClosed(4);
    expect(stored).toEqual([]);
    expect(await fakeBrowser.storage.local.get(startedTurnKey(event.id))).toEqual({});
  });

  it('trusts nothing in the outbox: a record for another site than the announcing tab\'s is dropped, not stored', async () => {
    const { f, stored } = finaliser();
    const forged = makeEvent({ id: 'turn-forged-0001', site: 'claude.ai', provider: 'anthropic', kind: 'chat' });
    await started(forged);
    await f.turnStarted({ id: forged.id, pageId: 'page-aaaa-1111' }, tabSender('https://chatgpt.com/c/1', 9));
    const warn = console.warn;
    console.warn = () => {};
    await f.tabClosed(9);
    console.warn = warn;
    expect(stored).toEqual([]);
    expect(await fakeBrowser.storage.local.get(startedTurnKey(forged.id))).toEqual({});
  });

  it('after a browser restart (the tab map is gone), a page of the same site claims the old turns; fresh ones are left alone', async () => {
    const { f, stored } = finaliser();
    const old = chatgpt('turn-restart-001');
    const fresh = chatgpt('turn-fresh-00001');
    await started(old, 'page-gone-0001', Date.now() - 10 * 60_000);
    await started(fresh, 'page-live-0001', Date.now());
    await f.browserStarted();
    expect(stored).toEqual([]);
    await f.pageStarted({ pageId: 'page-next-0001' }, tabSender('https://claude.ai/new', 2));
    expect(stored).toEqual([]);
    await f.pageStarted({ pageId: 'page-next-0002' }, tabSender('https://chatgpt.com/', 2));
    expect(stored.map((e) => e.id)).toEqual([old.id]);
    expect(Object.keys(await fakeBrowser.storage.local.get(startedTurnKey(fresh.id)))).toHaveLength(1);
  });
});
