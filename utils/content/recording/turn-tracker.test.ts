// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { createPageStore } from '@/utils/core/page/page-state';
import { createLiveCounter } from '@/utils/content/counting/live-counter';
import { createPageEvents } from '@/utils/content/page/page-events';
import { PageChanges } from '@/utils/content/page/page-changes';
import { PageClock } from '@/utils/content/page/page-clock';
import { resetLedger } from '@/utils/content/page/conversation-ledger';
import { startTurnTracking } from '@/utils/content/recording/turn-tracker';

/**
 * The turn pipeline on a small simulated chat site (the real sites' fixtures run end to end in
 * test/e2e/live-sites.e2e.ts): a composer where Enter sends, a send button that becomes a stop
 * button, a reply that streams, pauses with the stop button up, then gets an action bar. The
 * same site is read with a matching adapter, a half-broken one, and one whose every selector
 * misses (the selector-free layer alone). Words are the "tokens" (a fake counter).
 */

interface Names { thread: string; form: string; composer: string; slot: string; send: string; stop: string; voice: string; user: string; assistant: string; body: string; actions: string }
const PLAIN: Names = { thread: 'thread', form: 'composer-form', composer: 'composer', slot: 'slot', send: 'send', stop: 'stop', voice: 'voice', user: 'user-msg', assistant: 'bot-msg', body: 'bot-body', actions: 'bot-actions' };
const RENAMED: Names = { thread: 'x1', form: 'x2', composer: 'x3', slot: 'x4', send: 'x5', stop: 'x6', voice: 'x7', user: 'x8', assistant: 'x9', body: 'x10', actions: 'x11' };

const adapterFor = (n: Names, broken: Array<keyof SiteAdapter['selectors']> = []): SiteAdapter => {
  const selectors: SiteAdapter['selectors'] = {
    composer: [`.${n.composer}`],
    composerContainer: [`.${n.form}`],
    send: [`.${n.send}`],
    stop: [`.${n.stop}`],
    finished: [`.${n.actions}`],
    userMessage: [`.${n.user}`],
    assistantMessage: [`.${n.assistant}`],
    replyBody: [`.${n.body}`],
  };
  for (const role of broken) (selectors as unknown as Record<string, string[]>)[role] = [".renamed-away"];
  return { id: 'sim', name: 'Sim', hosts: ['chatgpt.com'], provider: 'openai', kind: 'chat', defaultModel: 'gpt-4o', sendsOnEnter: true, selectors };
};

const trusted = new WeakSet<Event>();
const isTrusted = (e: Event) => trusted.has(e);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The simulated site. `site.send()` is what the page does; the test's helpers are what a person does. */
function mountSite(n: Names) {
  document.body.innerHTML = `
    <main><div class="${n.thread}"></div></main>
    <form class="${n.form}"><div class="${n.composer}" contenteditable="true"></div>
      <div class="tools"><button type="button" class="attach">+</button><span class="${n.slot}"></span></div></form>`;
  const thread = document.querySelector(`.${n.thread}`)!;
  const composer = document.querySelector<HTMLElement>(`.${n.composer}`)!;
  const slot = document.querySelector(`.${n.slot}`)!;
  let busy = false;
  const replies: string[] = [];
  const showSlot = () => {
    slot.innerHTML = busy
      ? `<button type="button" class="${n.stop}"><svg><rect></rect></svg></button>`
      : composer.textContent!.trim()
        ? `<button type="button" class="${n.send}"><svg><path d="M1"></path></svg></button>`
        : `<button type="button" class="${n.voice}"><svg><circle></circle></svg></button>`;
  };
  composer.addEventListener('input', showSlot);
  composer.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  });
  slot.addEventListener('click', (e) => {
    if ((e.target as Element).closest(`.${n.send}`)) send();
  });
  function send(reply = `Reply number ${replies.length + 1}: tokens are pieces of words, about four characters each, and long chats send everything again.`) {
    const prompt = composer.textContent!.trim();
    if (!prompt || busy) return;
    busy = true;
    thread.insertAdjacentHTML('beforeend', `<div class="turn"><div class="${n.user}"><span style="position:absolute;width:1px;height:1px;overflow:hidden">You said:</span><div class="bubble"></div></div><div class="user-tools"><button>⧉</button></div></div>`);
    thread.lastElementChild!.querySelector('.bubble')!.textContent = prompt;
    composer.innerHTML = '';
    showSlot();
    thread.insertAdjacentHTML('beforeend', `<div class="turn"><div class="${n.assistant}"><div class="${n.body}"><p></p></div></div><div class="${n.actions}-slot"></div></div>`);
    const p = thread.lastElementChild!.querySelector('p')!;
    const bits = reply.split(' ');
    let i = 0;
    const tick = () => {
      p.textContent = bits.slice(0, ++i).join(' ');
      if (i === Math.floor(bits.length / 2)) return void setTimeout(tick, 1600); // a pause, stop still showing
      if (i < bits.length) return void setTimeout(tick, 15);
      busy = false;
      replies.push(reply);
      thread.lastElementChild!.querySelector(`.${n.actions}-slot`)!.innerHTML = `<div class="${n.actions}"><button>⧉</button><button>↻</button></div>`;
      showSlot();
    };
    setTimeout(tick, 100);
  }
  showSlot();
  return { composer, thread, slot, replies, send, busy: () => busy };
}

/** A person typing: trusted key and input events. */
function type(field: HTMLElement, text: string) {
  const down = new KeyboardEvent('keydown', { key: 'a', bubbles: true });
  trusted.add(down);
  field.dispatchEvent(down);
  field.textContent = text;
  const input = new InputEvent('input', { bubbles: true, inputType: 'insertText' });
  trusted.add(input);
  field.dispatchEvent(input);
}
function press(field: HTMLElement, key: string) {
  const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  trusted.add(down);
  field.dispatchEvent(down);
}
function click(el: Element) {
  const event = new MouseEvent('click', { bubbles: true });
  trusted.add(event);
  el.dispatchEvent(event);
}
/** Lays an element out at `box` (the test DOM does no layout). */
function layOut(el: Element, box: { left: number; top: number; width: number; height: number }) {
  el.getBoundingClientRect = () => ({ ...box, x: box.left, y: box.top, right: box.left + box.width, bottom: box.top + box.height, toJSON: () => box }) as DOMRect;
}

async function until(check: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

/** The page's shared services, as the composition root makes them; counting is the test's own. */
function pageServices(adapter: SiteAdapter) {
  const store = createPageStore(adapter, 'chatgpt.com');
  store.set({ settings: DEFAULT_SETTINGS });
  const unused = () => Promise.reject(new Error('the test counts with options.count'));
  const services = {
    store,
    events: createPageEvents(),
    changes: new PageChanges(),
    clock: new PageClock(),
    counters: { prompt: createLiveCounter(unused), text: createLiveCounter(unused) },
  };
  const stop = () => {
    services.events.stop();
    services.changes.stop();
    services.clock.stop();
  };
  return { services, stop };
}

function track(adapter: SiteAdapter) {
  const { services, stop: stopServices } = pageServices(adapter);
  const events: UsageEvent[] = [];
  const stopTracking = startTurnTracking(services, {
    persist: false,
    isTrusted,
    record: async (e) => void events.push(e),
    count: async (text) => ({ tokens: words(text), exact: true }),
  });
  const stop = () => {
    stopTracking();
    stopServices();
  };
  return { store: services.store, events, stop };
}

beforeEach(() => {
  resetLedger();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://chatgpt.com/c/test-conversation');
});
let stops: Array<() => void> = [];
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
});

const PROMPTS = ['How do tokens relate to words?', 'And what happens to later turns in a long chat?'];

async function twoTurns(n: Names, adapter: SiteAdapter) {
  const site = mountSite(n);
  const t = track(adapter);
  stops.push(t.stop);
  await sleep(1200); // the page settles; the composer's idle buttons are seen
  type(site.composer, PROMPTS[0]!);
  click(site.slot.querySelector(`.${n.send}`)!);
  await until(() => t.events.length === 1);
  type(site.composer, PROMPTS[1]!);
  press(site.composer, 'Enter');
  await until(() => t.events.length === 2);
  await sleep(1500); // a duplicate would land by now
  return { site, ...t };
}

describe('turn tracking', () => {
  it('reads every role with a matching adapter: two turns, whole replies despite the pause, turn 1 as turn 2\'s context', async () => {
    const { events, site, store } = await twoTurns(PLAIN, adapterFor(PLAIN));
    expect(events).toHaveLength(2);
    const [one, two] = events as [UsageEvent, UsageEvent];
    expect(one).toMatchObject({ promptTokens: words(PROMPTS[0]!), contextTokens: 0, outputTokens: words(site.replies[0]!), detectedBy: 'adapter', kind: 'chat', site: 'chatgpt.com' });
    expect(two).toMatchObject({ promptTokens: words(PROMPTS[1]!), outputTokens: words(site.replies[1]!), detectedBy: 'adapter' });
    expect(two.contextTokens).toBe(words(PROMPTS[0]!) + words(site.replies[0]!));
    expect(one.incomplete).toBeUndefined();
    expect(store.get().health).toMatchObject({ roles: { send: 'adapter', userMessage: 'adapter', reply: 'adapter' } });
  }, 40_000);

  it('on a page whose every name changed, the selector-free layer records the same two turns', async () => {
    const { events, site, store } = await twoTurns(RENAMED, adapterFor(PLAIN));
    const [one, two] = events as [UsageEvent, UsageEvent];
    expect(one).toMatchObject({ promptTokens: words(PROMPTS[0]!), contextTokens: 0, outputTokens: words(site.replies[0]!), detectedBy: 'fallback' });
    expect(two).toMatchObject({ promptTokens: words(PROMPTS[1]!), outputTokens: words(site.replies[1]!), detectedBy: 'fallback' });
    expect(two.contextTokens).toBe(words(PROMPTS[0]!) + words(site.replies[0]!));
    expect(store.get().health).toMatchObject({ roles: { send: 'fallback', userMessage: 'fallback', reply: 'fallback' } });
  }, 40_000);

  it('a half-broken adapter (send, stop and finished renamed away) degrades per role, and the pause still does not cut the reply', async () => {
    const { events, site, store } = await twoTurns(PLAIN, adapterFor(PLAIN, ['send', 'stop', 'finished']));
    const [one, two] = events as [UsageEvent, UsageEvent];
    expect(one.outputTokens).toBe(words(site.replies[0]!));
    expect(two.outputTokens).toBe(words(site.replies[1]!));
    // Turn 1 was sent by a click on a send button the adapter no longer knows; turn 2 by Enter in
    // the composer it still knows. The messages were read by the adapter both times.
    expect(one.detectedBy).toBe('fallback');
    expect(two.detectedBy).toBe('adapter');
    expect(store.get().health.roles).toMatchObject({ send: 'adapter', userMessage: 'adapter', reply: 'adapter' });
  }, 40_000);

  it('a page that fakes a turn on its own (stop button, bubbles, no person) records nothing', async () => {
    const site = mountSite(RENAMED);
    const t = track(adapterFor(PLAIN));
    stops.push(t.stop);
    await sleep(1200);
    site.composer.textContent = 'A prompt the page wrote';
    site.send();
    await until(() => !site.busy());
    site.thread.insertAdjacentHTML('beforeend', '<div class="user-msg">fake</div><div class="bot-msg"><div class="bot-body">fake reply</div></div>');
    await sleep(5000);
    expect(t.events).toEqual([]);
  }, 40_000);

  it('a regeneration the person starts (a click in the thread, then a streaming reply) is a turn with the last prompt', async () => {
    const site = mountSite(PLAIN);
    const t = track(adapterFor(PLAIN));
    stops.push(t.stop);
    await sleep(1200);
    type(site.composer, PROMPTS[0]!);
    press(site.composer, 'Enter');
    await until(() => t.events.length === 1);
    // The site answers the retry button by streaming a new reply in a new element.
    const retry = site.thread.querySelector('.bot-actions button:last-child')!;
    layOut(retry, { left: 300, top: 500, width: 32, height: 32 });
    retry.addEventListener('click', () => {
      site.composer.textContent = PROMPTS[0]!;
      site.thread.querySelector('.user-msg')!.closest('.turn')!.remove();
      site.thread.lastElementChild!.remove();
      site.send('A different answer to the same question, regenerated.');
    });
    click(retry);
    await until(() => t.events.length === 2);
    expect(t.events[1]).toMatchObject({ promptTokens: words(PROMPTS[0]!), contextTokens: 0, outputTokens: words('A different answer to the same question, regenerated.') });
  }, 40_000);

  it('an invisible page-sized button (outside the thread, or in the reply\'s action bar) whose click fills the composer and streams a reply records nothing', async () => {
    const site = mountSite(PLAIN);
    const t = track(adapterFor(PLAIN));
    stops.push(t.stop);
    await sleep(1200);
    type(site.composer, PROMPTS[0]!);
    press(site.composer, 'Enter');
    await until(() => t.events.length === 1);
    const overlay = document.createElement('button');
    overlay.style.cssText = 'position:fixed;inset:0;opacity:0;z-index:9999';
    layOut(overlay, { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight });
    overlay.addEventListener('click', () => {
      site.composer.textContent = 'A prompt the page wrote';
      site.send('A reply the person never asked for, streamed by the page.');
    });
    const places = [() => document.body, () => [...site.thread.querySelectorAll('.bot-actions')].at(-1)!];
    for (const place of places) {
      for (let i = 0; i < 2; i++) {
        place().append(overlay);
        click(overlay);
        await until(() => !site.busy());
        await sleep(600);
      }
    }
    expect(site.replies.length).toBe(5);
    expect(t.events).toHaveLength(1);
  }, 60_000);

  it('a visible control away from the last reply (a sidebar button) starts no regeneration', async () => {
    const site = mountSite(PLAIN);
    const t = track(adapterFor(PLAIN));
    stops.push(t.stop);
    await sleep(1200);
    type(site.composer, PROMPTS[0]!);
    press(site.composer, 'Enter');
    await until(() => t.events.length === 1);
    document.body.insertAdjacentHTML('afterbegin', '<nav><button id="new-chat">New chat</button></nav>');
    const sidebar = document.getElementById('new-chat')!;
    layOut(sidebar, { left: 10, top: 10, width: 120, height: 32 });
    sidebar.addEventListener('click', () => {
      site.composer.textContent = PROMPTS[0]!;
      site.send('A reply the page streams when the sidebar is clicked.');
    });
    click(sidebar);
    expect(site.busy()).toBe(true);
    await until(() => !site.busy());
    await sleep(1500);
    expect(t.events).toHaveLength(1);
  }, 40_000);

  it('a "Try again" in a menu the reply\'s action bar opened (rendered at the end of the page) is a regeneration, however long the person took', async () => {
    const site = mountSite(PLAIN);
    const t = track(adapterFor(PLAIN));
    stops.push(t.stop);
    await sleep(1200);
    type(site.composer, PROMPTS[0]!);
    press(site.composer, 'Enter');
    await until(() => t.events.length === 1);
    const bar = site.thread.querySelector('.bot-actions')!;
    bar.insertAdjacentHTML('beforeend', '<button id="more" aria-haspopup="menu" aria-expanded="false">…</button>');
    const more = document.getElementById('more')!;
    layOut(more, { left: 340, top: 500, width: 32, height: 32 });
    more.addEventListener('click', () => {
      document.body.insertAdjacentHTML('beforeend', '<div role="menu"><div role="menuitem" id="try-again">Try again</div></div>');
      layOut(document.getElementById('try-again')!, { left: 340, top: 540, width: 220, height: 36 });
    });
    click(more);
    await sleep(5500); // longer than a plain click's window
    const item = document.getElementById('try-again')!;
    item.addEventListener('click', () => {
      item.closest('[role="menu"]')!.remove();
      site.composer.textContent = PROMPTS[0]!;
      site.thread.querySelector('.user-msg')!.closest('.turn')!.remove();
      site.thread.lastElementChild!.remove();
      site.send('Another answer to the same question, from the menu.');
    });
    click(item);
    await until(() => t.events.length === 2);
    expect(t.events[1]).toMatchObject({ promptTokens: words(PROMPTS[0]!), outputTokens: words('Another answer to the same question, from the menu.') });
  }, 40_000);
});
