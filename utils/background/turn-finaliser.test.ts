import { describe, expect, it, vi } from 'vitest';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { tabSender, pageSender } from '@/test/unit/test-senders';
import { createTurnFinaliser, MAX_PENDING_PER_TAB, STALE_TURN_MS } from '@/utils/background/turn-finaliser';
import { allPendingTurns, forgetPendingTurn } from '@/utils/storage/pending-turns';
import { routeMessage, type Handlers } from '@/utils/background/messaging/router';

function finaliser(now = () => Date.now()) {
  const stored: UsageEvent[] = [];
  const f = createTurnFinaliser({ store: async (events) => void stored.push(...events), now });
  return { f, stored };
}

const chatgpt = (id: string, extra: Partial<UsageEvent> = {}) =>
  makeEvent({ id, site: 'chatgpt.com', provider: 'openai', kind: 'chat', promptTokens: 12, contextTokens: 0, outputTokens: 40, ...extra });
const CHATGPT = (tab: number) => tabSender('https://chatgpt.com/c/1', tab);

describe('turn finaliser (a sent turn survives a closed tab)', () => {
  it('a tab closed mid-reply: its saved turn is recorded once, as incomplete, and forgotten', async () => {
    const { f, stored } = finaliser();
    const event = chatgpt('turn-closed-0001');
    expect(await f.saveTurn({ event, pageId: 'page-aaaa-1111' }, CHATGPT(7))).toEqual({ saved: true });
    expect(await f.tabClosed(8)).toBe(0);
    expect(await f.tabClosed(7)).toBe(1);
    expect(stored).toEqual([{ ...event, incomplete: true }]);
    expect(await allPendingTurns()).toEqual([]);
    expect(await f.tabClosed(7)).toBe(0);
    expect(stored).toHaveLength(1);
  });

  it("a reload (a new page in the same tab) finalises the old page's turns, not its own", async () => {
    const { f, stored } = finaliser();
    const old = chatgpt('turn-reload-0001');
    await f.saveTurn({ event: old, pageId: 'page-old-00001' }, CHATGPT(3));
    expect((await f.pageStarted({ pageId: 'page-old-00001' }, CHATGPT(3))).finalised).toBe(0);
    expect((await f.pageStarted({ pageId: 'page-new-00002' }, CHATGPT(3))).finalised).toBe(1);
    expect(stored.map((e) => e.id)).toEqual([old.id]);
  });

  it('a turn whose finished event was stored is forgotten, not recorded again as incomplete', async () => {
    const { f, stored } = finaliser();
    const event = chatgpt('turn-finished-01');
    await f.saveTurn({ event, pageId: 'page-aaaa-1111' }, CHATGPT(4));
    await forgetPendingTurn(event.id, 'claude.ai'); // another site's tab cannot make it go
    expect(await allPendingTurns()).toHaveLength(1);
    await forgetPendingTurn(event.id, 'chatgpt.com');
    await f.tabClosed(4);
    expect(stored).toEqual([]);
  });

  it("another tab can neither replace nor drop a tab's saved turn", async () => {
    const { f, stored } = finaliser();
    const event = chatgpt('turn-mine-00001', { outputTokens: 40 });
    await f.saveTurn({ event, pageId: 'page-aaaa-1111' }, CHATGPT(1));
    expect(await f.saveTurn({ event: { ...event, outputTokens: 9_999 }, pageId: 'page-bbbb-2222' }, CHATGPT(2))).toEqual({ saved: false });
    expect(await f.dropTurn({ id: event.id }, CHATGPT(2))).toEqual({ dropped: false });
    expect(await f.saveTurn({ event, pageId: 'page-x-1234567' }, pageSender('popup.html'))).toEqual({ saved: false });
    await f.tabClosed(1);
    expect(stored).toEqual([{ ...event, incomplete: true }]);
    // Its own tab may drop it.
    await f.saveTurn({ event: chatgpt('turn-mine-00002'), pageId: 'page-aaaa-1111' }, CHATGPT(1));
    expect(await f.dropTurn({ id: 'turn-mine-00002' }, CHATGPT(1))).toEqual({ dropped: true });
    expect(await allPendingTurns()).toEqual([]);
  });

  it('a tab may have only a few turns in flight: a script cannot pile them up', async () => {
    const { f } = finaliser();
    for (let i = 0; i < MAX_PENDING_PER_TAB; i++) expect((await f.saveTurn({ event: chatgpt(`turn-pile-${i}000`), pageId: 'page-aaaa-1111' }, CHATGPT(5))).saved).toBe(true);
    expect((await f.saveTurn({ event: chatgpt('turn-pile-overflow'), pageId: 'page-aaaa-1111' }, CHATGPT(5))).saved).toBe(false);
    // Updating one it already has is fine.
    expect((await f.saveTurn({ event: chatgpt('turn-pile-0000', { outputTokens: 99 }), pageId: 'page-aaaa-1111' }, CHATGPT(5))).saved).toBe(true);
  });

  it('a turn whose page fell silent is finalised when any page starts; after a browser restart all are', async () => {
    let clock = Date.now();
    const { f, stored } = finaliser(() => clock);
    await f.saveTurn({ event: chatgpt('turn-silent-0001'), pageId: 'page-gone-0001' }, CHATGPT(2));
    clock += STALE_TURN_MS - 1;
    await f.saveTurn({ event: chatgpt('turn-alive-00001'), pageId: 'page-live-0001' }, CHATGPT(3));
    await f.pageStarted({ pageId: 'page-else-0001' }, tabSender('https://claude.ai/new', 9));
    expect(stored).toEqual([]);
    clock += 2;
    await f.pageStarted({ pageId: 'page-else-0001' }, tabSender('https://claude.ai/new', 9));
    expect(stored.map((e) => e.id)).toEqual(['turn-silent-0001']);
    await f.browserStarted();
    expect(stored.map((e) => e.id)).toEqual(['turn-silent-0001', 'turn-alive-00001']);
  });

  it("the router refuses a turn saved for another site than the sending tab's", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { f } = finaliser();
    const handlers = { 'save-turn': f.saveTurn } as Partial<Handlers>;
    const forged = makeEvent({ id: 'turn-forged-0001', site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' });
    const reply = await routeMessage({ type: 'save-turn', event: forged, pageId: 'page-aaaa-1111' }, tabSender('https://gemini.google.com/app', 4), handlers);
    expect(reply).toMatchObject({ ok: false, refused: true });
    expect(await allPendingTurns()).toEqual([]);
  });
});
