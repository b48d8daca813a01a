// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { answerText, findThinkingBlocks, isThinkingLabel, thinkingText, ThinkingSeen } from '@/utils/content/recording/thinking-blocks';

/**
 * Reasoning read off a reply: a thinking block that streams, then collapses (or leaves the page)
 * once the answer starts, polled the way the turn's reader polls it (every 250 ms, fake timers).
 * The largest thinking seen is the turn's; the answer never holds it.
 */

const adapter = (thinking: string[] = []): SiteAdapter => ({
  id: 'sim', name: 'Sim', hosts: ['chatgpt.com'], provider: 'openai', kind: 'chat', defaultModel: 'gpt-4o', sendsOnEnter: true,
  selectors: { composer: ['.composer'], thinking },
});
const everywhere = () => true;
const THOUGHT = ['The user asks how tokens relate to words.', 'I should give the rule of thumb: about four characters per token.', 'Then mention that code splits into more tokens.'];
const ANSWER = 'A token is about four characters of English text.';

/** A reply whose thinking streams line by line into `content`, then collapses or leaves the page as the answer starts. */
function streamingReply(end: 'collapse' | 'remove' | 'remove-text', markup: 'adapter' | 'details' | 'toggle') {
  document.body.innerHTML = '<main><div class="reply"></div></main>';
  const reply = document.querySelector('.reply')!;
  const header = markup === 'details' ? '<summary>Thinking</summary>' : markup === 'toggle' ? '<div class="head"><div role="button" aria-expanded="true"><span>Thinking</span></div></div>' : '<button type="button">Thinking</button>';
  const tag = markup === 'details' ? 'details open' : 'div';
  reply.innerHTML = `<${tag} class="${markup === 'adapter' ? 'reasoning' : 'box'}">${header}<div class="wrap"><div class="content"></div></div></${tag.split(' ')[0]}><div class="answer"></div>`;
  const block = reply.firstElementChild!;
  const content = reply.querySelector('.content')!;
  const answer = reply.querySelector('.answer')!;
  let line = 0;
  const tick = () => {
    if (line < THOUGHT.length) {
      content.insertAdjacentHTML('beforeend', '<p></p>');
      content.lastElementChild!.textContent = THOUGHT[line++]!;
      // The last line lands and the block collapses within one poll: no poll sees it open.
      if (line === THOUGHT.length) return void setTimeout(finish, 10);
      return void setTimeout(tick, 300);
    }
  };
  const finish = () => {
    if (end === 'remove') block.remove();
    else if (end === 'remove-text') content.remove();
    else {
      (content as HTMLElement).hidden = true;
      const toggle = block.querySelector('summary, button, [aria-expanded]')!;
      toggle.textContent = 'Thought for 12s';
      toggle.setAttribute('aria-expanded', 'false');
      block.removeAttribute('open');
    }
    answer.innerHTML = '<p></p>';
    answer.firstElementChild!.textContent = ANSWER;
  };
  setTimeout(tick, 100);
  return { reply, answer };
}

/** Polls like the reader: every 250 ms until `ms`, finding the blocks and keeping what they show. */
function poll(seen: ThinkingSeen, site: SiteAdapter, roots: () => Element[], ms: number): Element[] {
  let blocks: readonly Element[] = [];
  for (let t = 0; t < ms; t += 250) {
    vi.advanceTimersByTime(250);
    blocks = seen.observe(findThinkingBlocks(site, roots(), everywhere));
  }
  return [...blocks];
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('thinking read from a streaming-then-collapsed block', () => {
  const cases = [
    { name: 'adapter selector, collapsed (hidden)', end: 'collapse', markup: 'adapter', selectors: ['.reasoning'] },
    { name: 'adapter selector, removed from the page', end: 'remove', markup: 'adapter', selectors: ['.reasoning'] },
    { name: 'no selector: a <details> "Thinking"', end: 'collapse', markup: 'details', selectors: [] },
    { name: 'no selector: an aria-expanded toggle', end: 'collapse', markup: 'toggle', selectors: [] },
    { name: 'no selector: an aria-expanded toggle, removed', end: 'remove', markup: 'toggle', selectors: [] },
    { name: 'no selector: an aria-expanded toggle, its text removed', end: 'remove-text', markup: 'toggle', selectors: [] },
  ] as const;
  for (const c of cases) {
    it(`${c.name}: the whole thinking is the turn's, the answer alone is the reply`, () => {
      const site = adapter([...c.selectors]);
      const { reply } = streamingReply(c.end, c.markup);
      const seen = new ThinkingSeen();
      const blocks = poll(seen, site, () => [reply], 2000);
      const result = seen.result();
      expect(result).toEqual({ kind: 'text', text: THOUGHT.join('\n') });
      expect(answerText(reply, blocks)).toBe(ANSWER);
    });
  }

  it('keeps the largest text seen: a block emptied and removed still counts what it showed', () => {
    const site = adapter(['.reasoning']);
    const { reply } = streamingReply('collapse', 'adapter');
    const seen = new ThinkingSeen();
    poll(seen, site, () => [reply], 1200);
    const block = reply.querySelector('.reasoning')!;
    const shown = thinkingText(block);
    expect(shown.length).toBeGreaterThan(0);
    block.querySelector('.content')!.innerHTML = '';
    block.remove();
    poll(seen, site, () => [reply], 1000);
    const result = seen.result();
    expect(result.kind).toBe('text');
    expect(result.kind === 'text' && result.text.length).toBeGreaterThanOrEqual(shown.length);
  });

  it('a block that shows only a duration is unknown, never 0', () => {
    document.body.innerHTML = '<div class="reply"><div class="reasoning"><button>Thought for 12s</button></div><p>The answer.</p></div>';
    const reply = document.querySelector('.reply')!;
    const seen = new ThinkingSeen();
    const blocks = seen.observe(findThinkingBlocks(adapter(['.reasoning']), [reply], everywhere));
    expect(seen.result()).toEqual({ kind: 'unknown' });
    expect(answerText(reply, blocks)).toBe('The answer.');
    // Selector-free: a collapsed toggle whose text is only the duration.
    document.body.innerHTML = '<div class="reply"><div class="x"><div role="button" aria-expanded="false">Thought for 12s</div></div><p>The answer.</p></div>';
    const plain = new ThinkingSeen();
    const found = plain.observe(findThinkingBlocks(adapter(), [document.querySelector('.reply')!], everywhere));
    expect(found).toHaveLength(1);
    expect(plain.result()).toEqual({ kind: 'unknown' });
    // A plain button (no expandable state) that says only the duration.
    document.body.innerHTML = '<div class="reply"><div><button>Thought for 12s</button></div><p>The answer.</p></div>';
    const bare = new ThinkingSeen();
    const reply2 = document.querySelector('.reply')!;
    bare.observe(findThinkingBlocks(adapter(), [reply2], everywhere));
    expect(bare.result()).toEqual({ kind: 'unknown' });
    expect(answerText(reply2, bare.onPage())).toBe('The answer.');
  });

  it('a reply with no thinking has none, and its buttons and headings are not thinking', () => {
    document.body.innerHTML = `<div class="reply"><h3>Thinking in tokens</h3><p>${ANSWER}</p>
      <pre><button aria-expanded="false">Copy</button><code>x = 1</code></pre><details><summary>Sources</summary><p>a, b</p></details></div>`;
    const reply = document.querySelector('.reply')!;
    const seen = new ThinkingSeen();
    expect(seen.observe(findThinkingBlocks(adapter(['.reasoning']), [reply], everywhere))).toEqual([]);
    expect(seen.result()).toEqual({ kind: 'none' });
  });

  it('never takes a whole reply for a thinking block', () => {
    // The toggle sits right in the reply, beside the answer's many blocks.
    document.body.innerHTML = `<div class="reply"><div role="button" aria-expanded="false">Thought for 3s</div><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p></div>`;
    const reply = document.querySelector('.reply')!;
    const blocks = findThinkingBlocks(adapter(), [reply], everywhere);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toBe(reply);
    expect(answerText(reply, blocks)).toBe('One.\nTwo.\nThree.\nFour.');
  });

  it('a collapsed toggle with nothing else in its box never takes the answer beside it', () => {
    // Gemini-like: the thoughts slot and the answer share a box; the thoughts show only "Show thinking".
    document.body.innerHTML = `<div class="reply"><div class="content"><div class="slot"><div class="thoughts"><div class="head">
      <button aria-expanded="false"><span>Show thinking</span></button></div></div></div><div class="answer"><p>${ANSWER}</p></div></div></div>`;
    const reply = document.querySelector('.reply')!;
    const seen = new ThinkingSeen();
    seen.observe(findThinkingBlocks(adapter(), [reply], everywhere));
    expect(seen.result()).toEqual({ kind: 'unknown' });
    expect(answerText(reply, seen.onPage())).toBe(ANSWER);
    // The same with the thinking's text removed after it streamed (Claude-like): the row stays, the answer is still the answer.
    document.body.innerHTML = `<div class="row"><div class="msg"><div class="slot"><div class="block"><button aria-expanded="true">Thinking…</button>
      <div class="text"><p>Thinking it over.</p></div></div></div><div class="answer"><p>${ANSWER}</p></div></div></div>`;
    const row = document.querySelector('.row')!;
    const streaming = new ThinkingSeen();
    streaming.observe(findThinkingBlocks(adapter(), [row], everywhere));
    document.querySelector('.text')!.remove();
    const toggle = document.querySelector('button')!;
    toggle.textContent = 'Thought process 6s';
    toggle.setAttribute('aria-expanded', 'false');
    streaming.observe(findThinkingBlocks(adapter(), [row], everywhere));
    expect(streaming.result()).toEqual({ kind: 'text', text: 'Thinking it over.' });
    expect(answerText(row, streaming.onPage())).toBe(ANSWER);
  });

  it('adapter blocks outside the turn are left alone', () => {
    document.body.innerHTML = '<div class="old"><div class="reasoning"><p>Earlier thinking.</p></div></div><div class="reply"><p>Now.</p></div>';
    const reply = document.querySelector('.reply')!;
    expect(findThinkingBlocks(adapter(['.reasoning']), [reply], (el) => reply.contains(el))).toEqual([]);
  });
});

describe('thinking labels', () => {
  it('knows the labels sites show, in English and Japanese', () => {
    for (const label of ['Thought for 12s', 'Thinking…', 'Show thinking', 'Thought process', 'Reasoned for 2m', '思考プロセス'])
      expect(isThinkingLabel(label), label).toBe(true);
    for (const label of ['Copy', 'Sources', 'Thanks for asking! '.repeat(8), 'Show more']) expect(isThinkingLabel(label), label).toBe(false);
  });
});
