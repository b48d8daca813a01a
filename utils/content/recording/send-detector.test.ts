// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendDetector, type PendingSend, type SendDetectorDeps } from '@/utils/content/recording/send-detector';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { createPageEvents } from '@/utils/content/page/page-events';
import { PageClock } from '@/utils/content/page/page-clock';

/**
 * Send detection from fake DOM events, heard through the page's event hub and polled on the
 * page's clock (fake timers). happy-dom's events are never "trusted", so trust is the test's to
 * give: `trusted` marks the events a person made.
 */

const chat: SiteAdapter = {
  id: 'test-chat', name: 'Test', hosts: ['example.test'], provider: 'openai', kind: 'chat', defaultModel: 'gpt-4o', sendsOnEnter: true,
  selectors: { composer: ['#composer'], composerContainer: ['form'], send: ['#send'] },
};
/** The same page after a redesign renamed everything: no selector matches. */
const renamed: SiteAdapter = { ...chat, selectors: { composer: ['#gone'], send: ['#gone-too'] } };

const trusted = new WeakSet<Event>();
function fire<E extends Event>(target: EventTarget, event: E, byPerson = true): E {
  if (byPerson) trusted.add(event);
  target.dispatchEvent(event);
  return event;
}

function page(html = '<form><div id="composer" contenteditable="true"></div><div class="tools"><button type="button" id="attach">+</button><button type="button" id="send">↑</button></div></form>') {
  document.body.innerHTML = html;
  return { composer: document.getElementById('composer')!, send: document.getElementById('send')!, attach: document.getElementById('attach')! };
}

function detector(adapter: SiteAdapter, extra: Partial<SendDetectorDeps> = {}) {
  const sends: PendingSend[] = [];
  const dropped: PendingSend[] = [];
  const others: Element[] = [];
  const events = createPageEvents();
  const clock = new PageClock();
  const d = new SendDetector({
    adapter,
    events,
    clock,
    isTrusted: (e) => trusted.has(e),
    onTrigger: () => {},
    onDropped: (p) => dropped.push(p),
    onSend: (s) => sends.push(s),
    onOtherClick: (b) => others.push(b),
    readText: (f) => f.textContent ?? '',
    ...extra,
  });
  const stopDetector = d.start();
  const stop = () => {
    stopDetector();
    clock.stop();
    events.stop();
  };
  return { d, sends, dropped, others, stop };
}

/** Typing as a person does: text appears, with a trusted keydown and input. */
function type(field: HTMLElement, text: string) {
  fire(field, new KeyboardEvent('keydown', { key: text.at(-1) ?? 'a', bubbles: true }));
  field.textContent = text;
  fire(field, new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SendDetector', () => {
  it('Enter in the composer, then the site clearing it, is a send by the adapter (with the text as it was)', () => {
    const { composer } = page();
    const { sends, stop } = detector(chat);
    type(composer, 'How many tokens is this?');
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    composer.textContent = '';
    vi.advanceTimersByTime(200);
    expect(sends).toMatchObject([{ text: 'How many tokens is this?', trigger: 'enter', by: 'adapter', mainComposer: true }]);
    stop();
  });

  it('on a renamed page: a click on any button in the composer\'s box, then the text leaving, is a send by the fallback layer', () => {
    const { composer, send } = page('<section><div class="box"><div contenteditable="true" id="x1"></div><button type="button" id="x2">↑</button></div></section>');
    void send;
    const field = document.getElementById('x1')!;
    const button = document.getElementById('x2')!;
    const { sends, stop } = detector(renamed);
    type(field, 'A question');
    fire(button, new MouseEvent('click', { bubbles: true }));
    field.textContent = '';
    vi.advanceTimersByTime(200);
    expect(sends).toMatchObject([{ text: 'A question', trigger: 'click', by: 'fallback' }]);
    void composer;
    stop();
  });

  it('a page script pressing Enter or clicking send sends nothing', () => {
    const { composer, send } = page();
    const { sends, stop } = detector(chat);
    composer.textContent = 'typed by the page';
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }), false);
    fire(send, new MouseEvent('click', { bubbles: true }), false);
    composer.textContent = '';
    vi.advanceTimersByTime(5000);
    expect(sends).toEqual([]);
    stop();
  });

  it('Enter that leaves the text in place (Shift+Enter, an ignored send) is no send', () => {
    const { composer } = page();
    const { sends, dropped, stop } = detector(chat);
    type(composer, 'line one');
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    vi.advanceTimersByTime(5000);
    expect(sends).toEqual([]);
    expect(dropped).toHaveLength(1);
    stop();
  });

  it('Enter and the site\'s own click for the same text are one send', () => {
    const { composer, send } = page();
    const { sends, stop } = detector(chat);
    type(composer, 'once');
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    fire(send, new MouseEvent('click', { bubbles: true }));
    composer.textContent = '';
    vi.advanceTimersByTime(300);
    expect(sends).toHaveLength(1);
    stop();
  });

  it('text the person typed that the site takes without Enter or a click is a candidate send ("site")', () => {
    const { composer } = page();
    const { sends, stop } = detector(chat);
    type(composer, 'sent by voice');
    vi.advanceTimersByTime(300);
    vi.advanceTimersByTime(700);
    composer.textContent = '';
    vi.advanceTimersByTime(600);
    expect(sends).toMatchObject([{ text: 'sent by voice', trigger: 'site', by: 'fallback' }]);
    stop();
  });

  it('a send is "in flight" from the trigger, or from typed text leaving the composer, until it is confirmed', () => {
    const { composer } = page();
    const { d, sends, stop } = detector(renamed);
    type(composer, 'first');
    vi.advanceTimersByTime(300);
    expect(d.sendInFlight()).toBe(false);
    // The site takes the text on Enter before we see the key (an Enter listener ahead of ours).
    composer.textContent = '';
    expect(d.sendInFlight()).toBe(true);
    vi.advanceTimersByTime(1500);
    expect(sends).toHaveLength(1);
    expect(d.sendInFlight()).toBe(false);
    type(composer, 'second');
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(d.sendInFlight()).toBe(true);
    composer.textContent = '';
    vi.advanceTimersByTime(200);
    expect(sends).toHaveLength(2);
    expect(d.sendInFlight()).toBe(false);
    stop();
  });

  it('the person deleting their own text is not a send', () => {
    const { composer } = page();
    const { sends, stop } = detector(chat);
    type(composer, 'never mind');
    vi.advanceTimersByTime(1000);
    fire(composer, new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true }));
    composer.textContent = '';
    fire(composer, new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    vi.advanceTimersByTime(2000);
    expect(sends).toEqual([]);
    stop();
  });

  it('polls on the page clock only while a send or a draft waits', () => {
    const { composer } = page();
    const { sends, stop } = detector(chat);
    expect(vi.getTimerCount()).toBe(0);
    type(composer, 'poll me');
    vi.advanceTimersByTime(300);
    expect(vi.getTimerCount()).toBe(1);
    fire(composer, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    composer.textContent = '';
    vi.advanceTimersByTime(200);
    expect(sends).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('a trusted click outside every composer is reported (a possible regenerate), not a send', () => {
    page('<form><div id="composer" contenteditable="true"></div><button id="send">↑</button></form><div class="thread"><button id="retry">↻</button></div>');
    const { sends, others, stop } = detector(chat);
    fire(document.getElementById('retry')!, new MouseEvent('click', { bubbles: true }));
    expect(others.map((b) => b.id)).toEqual(['retry']);
    expect(sends).toEqual([]);
    stop();
  });

  it('a menu item (the site\'s "Try again"), even in the composer\'s box, is reported as another click, never a send', () => {
    page('<form><div id="composer" contenteditable="true"></div><button id="send">↑</button><div role="menu"><div role="menuitem" id="in-form"><span id="label">Attach</span></div></div></form><div role="menu"><div role="menuitem" id="try">Try again</div></div>');
    const { sends, others, stop } = detector(chat);
    type(document.getElementById('composer')!, 'a draft');
    fire(document.getElementById('label')!, new MouseEvent('click', { bubbles: true }));
    fire(document.getElementById('try')!, new MouseEvent('click', { bubbles: true }));
    expect(others.map((b) => b.id)).toEqual(['in-form', 'try']);
    expect(sends).toEqual([]);
    stop();
  });
});
