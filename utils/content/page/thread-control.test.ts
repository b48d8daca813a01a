// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { claudeAdapter } from '@/utils/sites/adapters/claude';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { geminiAdapter } from '@/utils/sites/adapters/gemini';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { controlOf, isMenuItem, isNearLastReply, opensMenu } from '@/utils/content/page/thread-control';

/** Markup shaped like each site's (test/e2e/fixtures/site-*-2026.js), two turns each. */
const CLAUDE = `
  <nav><button id="sidebar">New chat</button></nav>
  <div id="thread">
    <div data-perf-row="human"><div data-testid="user-message">one</div><div><button id="user-copy">⧉</button></div></div>
    <div data-perf-row="assistant"><div data-testid="assistant-message"><p>first</p></div><div class="slot"><button id="old-retry">↻</button></div></div>
    <div data-perf-row="human"><div data-testid="user-message">two</div><div><button id="user-edit">✎</button></div></div>
    <div data-perf-row="assistant"><div data-testid="assistant-message"><p>second</p><button id="code-copy">copy</button></div><div class="slot"><div class="bar"><button id="retry">↻</button></div></div></div>
  </div>
  <fieldset id="composer"><div contenteditable="true"></div><button id="send">↑</button></fieldset>`;
const CHATGPT = `
  <div id="thread"><div class="turn">
    <div data-chatgpt-search-unit-key="t1:0:user">hi</div>
    <div class="assistant-branch"><div class="wrap"><div data-chatgpt-search-unit-key="t1:1:assistant"><p>hello</p></div>
      <div class="actions"><button id="more" aria-haspopup="menu" aria-expanded="false">…</button></div></div></div>
  </div></div>
  <form id="composer"><div contenteditable="true"></div></form>
  <div role="menu"><div role="menuitem" id="try-again">Try again</div></div>`;
const GEMINI = `
  <div class="conversation-container"><user-query>hi</user-query>
    <model-response><message-content>hello</message-content><message-actions><button id="redo">Redo</button></message-actions></model-response></div>
  <input-area-v2 id="composer"><div contenteditable="true"></div></input-area-v2>`;

function near(adapter: SiteAdapter, html: string, id: string, lastUserTurn: Element | null = null): boolean {
  document.body.innerHTML = html;
  const composerArea = document.getElementById('composer');
  return isNearLastReply(document.getElementById(id)!, { adapter, composerArea, lastUserTurn });
}

describe('isNearLastReply', () => {
  it('Claude: the last reply\'s retry and its own buttons, not an earlier reply\'s, the user\'s, the sidebar\'s or the composer\'s', () => {
    expect(near(claudeAdapter, CLAUDE, 'retry')).toBe(true);
    expect(near(claudeAdapter, CLAUDE, 'code-copy')).toBe(true);
    for (const id of ['old-retry', 'user-copy', 'user-edit', 'sidebar', 'send']) expect(near(claudeAdapter, CLAUDE, id), id).toBe(false);
  });

  it('ChatGPT and Gemini: the action bar after the reply, or inside it', () => {
    expect(near(chatgptAdapter, CHATGPT, 'more')).toBe(true);
    expect(near(chatgptAdapter, CHATGPT, 'try-again')).toBe(false);
    expect(near(geminiAdapter, GEMINI, 'redo')).toBe(true);
  });

  it('a page-wide element right after the reply is no action bar when it holds the next message or the composer', () => {
    const html = `<div id="thread"><div data-testid="user-message">q</div><div data-testid="assistant-message">a</div>
      <div id="after"><div data-testid="user-message">q2</div><button id="b">x</button></div></div>`;
    expect(near(claudeAdapter, html, 'b')).toBe(false);
  });

  it('without the adapter\'s messages: after the last user message, inside the conversation', () => {
    const renamed: SiteAdapter = { ...claudeAdapter, selectors: { composer: ['.nothing'] } };
    const html = `<nav><button id="sidebar">x</button></nav><main><div id="t"><div id="u">q</div><div>a<button id="r">↻</button></div></div></main>
      <form id="composer"><div contenteditable="true"></div><button id="send">↑</button></form>`;
    document.body.innerHTML = html;
    const user = document.getElementById('u')!;
    const composerArea = document.getElementById('composer');
    const at = (id: string) => isNearLastReply(document.getElementById(id)!, { adapter: renamed, composerArea, lastUserTurn: user });
    expect(at('r')).toBe(true);
    expect(at('sidebar')).toBe(false);
    expect(at('send')).toBe(false);
    expect(isNearLastReply(document.getElementById('r')!, { adapter: renamed, composerArea, lastUserTurn: null })).toBe(false);
  });
});

describe('controls', () => {
  it('a click finds its button or menu item; menu openers and menu items are told apart', () => {
    document.body.innerHTML = CHATGPT;
    expect(controlOf(document.querySelector('#try-again')!)?.id).toBe('try-again');
    expect(isMenuItem(document.getElementById('try-again')!)).toBe(true);
    expect(isMenuItem(document.getElementById('more')!)).toBe(false);
    expect(opensMenu(document.getElementById('more')!)).toBe(true);
    document.body.innerHTML = GEMINI;
    expect(opensMenu(document.getElementById('redo')!)).toBe(false);
    expect(controlOf(document.querySelector('message-content')!)).toBeNull();
  });
});
