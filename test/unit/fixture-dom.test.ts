// Self-test of the 2026 fixture pages and their DOM loader: each named state really is that state
// (checked through the page's own element references, not through adapter code), the plain pages
// match the public evidence's selectors (shared/notes/site-evidence.md, Sept–Oct 2026), and the
// scrambled pages keep the structure and text while no class, data-* name, custom tag or
// aria-label of the plain page survives.
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_FIXTURES, CONSOLE_FIXTURES, loadFixture, type LoadedFixture } from '@/test/unit/fixture-dom';

/** What the evidence says finds each role on the live sites, per fixture site. */
const EVIDENCE: Record<string, Record<'composer' | 'send' | 'stop' | 'actions' | 'user' | 'assistant' | 'model', string>> = {
  chatgpt: {
    composer: 'form[data-chatgpt-composer] div[contenteditable="true"][role="textbox"][aria-label="Ask ChatGPT"].ProseMirror[data-composer-markdown]',
    send: 'form[data-chatgpt-composer] button[type="submit"][aria-label="Send"]',
    stop: 'form[data-chatgpt-composer] button[aria-label="Stop"]',
    actions: '[data-turn-key] .assistant-wrap button[data-testid="copy-turn-action-button"][aria-label="Copy"]',
    user: '[data-chatgpt-search-unit-key$=":user"]',
    assistant: '[data-chatgpt-search-unit-key$=":assistant"] [data-markdown-text-style="assistant-message"]',
    model: 'button[data-codex-intelligence-trigger][aria-label="Select ChatGPT model"]',
  },
  claude: {
    composer: 'div[contenteditable][role="textbox"][data-testid="chat-input"]',
    send: 'button[data-testid="chat-input-send"]',
    stop: 'button[data-testid="chat-input-stop"]',
    actions: '[data-perf-row="assistant"][data-perf-row-streaming="false"] button[data-testid="action-bar-copy"]',
    user: '[data-perf-row] [data-testid="user-message"]',
    assistant: '[data-perf-row] [data-testid="assistant-message"]',
    model: 'button[data-testid="model-selector-dropdown"]',
  },
  gemini: {
    composer: 'rich-textarea .ql-editor[contenteditable="true"]',
    send: 'input-area-v2 div.send-button.submit > button',
    stop: 'input-area-v2 div.send-button.stop > button',
    actions: 'model-response message-actions',
    user: 'user-query',
    assistant: 'model-response message-content',
    model: '[data-test-id="bard-mode-menu-button"]',
  },
};

const SEED = 4242;
let open: LoadedFixture[] = [];
async function load(...args: Parameters<typeof loadFixture>): Promise<LoadedFixture> {
  const page = await loadFixture(...args);
  open.push(page);
  return page;
}
afterEach(async () => {
  await Promise.all(open.map((p) => p.close()));
  open = [];
});

const last = <T extends Element>(list: NodeListOf<T>): T | null => (list.length ? list[list.length - 1]! : null);
const visible = (el: Element | null) => !!el && el.isConnected && (el as HTMLElement).checkVisibility();
const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CHAT_FIXTURES)('$name fixture', (site) => {
  describe.each([undefined, SEED])('scramble %s', (scramble) => {
    it('idle: one finished turn, a draft in the composer, send showing, no stop', async () => {
      const page = await load(site.file, { state: 'idle', scramble, draft: 'Draft text' });
      const roles = page.roles();
      expect(roles.composer.textContent).toBe('Draft text');
      expect(visible(roles.send)).toBe(true);
      expect(roles.stop).toBeNull();
      expect(visible(roles.lastActions)).toBe(true);
      expect(page.fixture.turnsDone).toBe(1);
      expect(roles.lastAssistant!.textContent!.length).toBeGreaterThan(200);
      expect(page.fixture.replies[0]!.split(/\s+/).length).toBeGreaterThan(site.name.includes('Japanese') ? 4 : 150);
    });

    it('streaming: paused half-way with the stop control in the composer, no actions on the turn', async () => {
      const page = await load(site.file, { state: 'streaming', scramble, prompts: ['First prompt', 'Second prompt'] });
      const roles = page.roles();
      expect(page.fixture.phase).toBe('paused');
      expect(visible(roles.stop)).toBe(true);
      expect(roles.lastActions).toBeNull();
      expect(roles.lastUser!.textContent).toBe('Second prompt');
      const shown = roles.lastAssistant!.textContent!.length;
      expect(shown).toBeGreaterThan(50);
      expect(page.fixture.prompts).toEqual(['First prompt', 'Second prompt']);
      expect(page.fixture.replies).toHaveLength(1); // the second is not finished
      // The stop control sits in the composer's container, next to where the send button was.
      const container = roles.composer.parentElement!.parentElement!.parentElement!.parentElement!;
      expect(container.contains(roles.stop)).toBe(true);
    });

    it('finished: actions on the last turn, stop gone, the whole reply shown', async () => {
      const page = await load(site.file, { state: 'finished', scramble });
      const roles = page.roles();
      expect(page.fixture.phase).toBe('done');
      expect(roles.stop).toBeNull();
      expect(visible(roles.lastActions)).toBe(true);
      expect(page.fixture.replies).toHaveLength(2);
      expect(squash(roles.lastAssistant!.textContent!)).toBe(squash(page.fixture.replies[1]!));
      // Decoys outside the composer: none is the stop control.
      for (const decoy of roles.decoys) expect(decoy).not.toBe(roles.stop);
    });
  });

  it('the plain page matches the public evidence for every role, in every state', async () => {
    const evidence = EVIDENCE[site.file.split('-')[0]!]!;
    const idle = await load(site.file, { state: 'idle' });
    const q = (page: LoadedFixture, sel: string) => page.document.querySelectorAll(sel);
    let roles = idle.roles();
    expect(last(q(idle, evidence.composer))).toBe(roles.composer);
    expect(last(q(idle, evidence.send))).toBe(roles.send);
    expect(q(idle, evidence.stop)).toHaveLength(0);
    expect(last(q(idle, evidence.model))).toBe(roles.model);
    expect(last(q(idle, evidence.user))!.contains(roles.lastUser)).toBe(true);
    expect(last(q(idle, evidence.assistant))!.contains(roles.lastAssistant)).toBe(true);
    expect(roles.lastActions!.contains(last(q(idle, evidence.actions)))).toBe(true);

    const streaming = await load(site.file, { state: 'streaming' });
    roles = streaming.roles();
    expect(last(q(streaming, evidence.stop))).toBe(roles.stop);
    expect(q(streaming, evidence.send)).toHaveLength(0);
    expect(q(streaming, evidence.actions)).toHaveLength(1); // the first turn's only
    expect(last(q(streaming, evidence.assistant))!.contains(roles.lastAssistant)).toBe(true);

    const finished = await load(site.file, { state: 'finished' });
    roles = finished.roles();
    expect(q(finished, evidence.stop)).toHaveLength(0);
    expect(q(finished, evidence.actions)).toHaveLength(2);
    expect(roles.lastActions!.contains(last(q(finished, evidence.actions)))).toBe(true);
  });

  it('scrambling keeps structure and text but renames every class, data-* name, custom tag and aria-label', async () => {
    const plain = await load(site.file, { state: 'finished', prompts: ['One', 'Two'] });
    const scrambled = await load(site.file, { state: 'finished', prompts: ['One', 'Two'], scramble: SEED });
    const a = Array.from(plain.document.body.querySelectorAll('*'));
    const b = Array.from(scrambled.document.body.querySelectorAll('*'));
    expect(b).toHaveLength(a.length);
    let renamed = 0;
    a.forEach((el, i) => {
      const other = b[i]!;
      if (el.localName.includes('-')) {
        expect(other.localName).not.toBe(el.localName);
        expect(other.localName).toContain('-');
      } else expect(other.localName).toBe(el.localName);
      for (const cls of Array.from(el.classList)) expect(other.classList.contains(cls)).toBe(false);
      for (const { name, value } of Array.from(el.attributes)) {
        if (name.startsWith('data-')) expect(other.hasAttribute(name)).toBe(false);
        if (name === 'aria-label') expect(other.getAttribute('aria-label')).not.toBe(value);
        if (['role', 'type', 'contenteditable'].includes(name)) expect(other.getAttribute(name)).toBe(value);
        renamed++;
      }
    });
    expect(renamed).toBeGreaterThan(50);
    expect(scrambled.document.body.textContent).toBe(plain.document.body.textContent);
    expect(scrambled.document.querySelector('[aria-label="Stop"], [aria-label="応答を停止"], [data-testid]')).toBeNull();
  });

  it('the same seed replays the same names; another seed gives others', async () => {
    const one = await load(site.file, { state: 'empty', scramble: SEED });
    const two = await load(site.file, { state: 'empty', scramble: SEED });
    const three = await load(site.file, { state: 'empty', scramble: SEED + 1 });
    expect(two.fixture.names()).toEqual(one.fixture.names());
    expect(three.fixture.names().classes).not.toEqual(one.fixture.names().classes);
    expect(one.roles().composer.className).toBe(two.roles().composer.className);
    // Selectors written with real names still find the roles through the page's map.
    for (const role of ['composer', 'model'] as const) expect(one.document.querySelector(one.fixture.selector(role))).toBe(one.roles()[role]);
  });
});

describe('fixture quirks', () => {
  it('Claude (ja): localised labels, the model label is configurable', async () => {
    const page = await load('claude-2026-ja.html', { state: 'idle', model: 'Fable 5' });
    const roles = page.roles();
    expect(roles.composer.getAttribute('aria-label')).toBe('Claudeにプロンプトを入力');
    expect(roles.send!.getAttribute('aria-label')).toBe('メッセージを送信');
    expect(roles.model.textContent).toBe('Fable 5');
    expect(roles.model.getAttribute('aria-label')).toBe('モデル: Fable 5');
    page.fixture.setModel('Opus 4.8');
    expect(roles.model.textContent).toBe('Opus 4.8');
  });

  it('Claude: data-is-streaming and data-perf-row-streaming flip to false when the reply is done', async () => {
    const streaming = await load('claude-2026.html', { state: 'streaming' });
    const message = streaming.roles().lastAssistant!.closest('[data-testid="assistant-message"]')!;
    expect(message.getAttribute('data-is-streaming')).toBe('true');
    expect(message.closest('[data-perf-row]')!.getAttribute('data-perf-row-streaming')).toBe('true');
    streaming.fixture.goTo('finished');
    expect(message.getAttribute('data-is-streaming')).toBe('false');
    expect(message.closest('[data-perf-row]')!.getAttribute('data-perf-row-streaming')).toBe('false');
  });

  it('Claude: with virtualize=N only N transcript rows stay in the DOM, while the page knows every turn', async () => {
    const page = await load('claude-2026.html', { state: 'finished', history: 3, virtualize: 4 });
    expect(page.document.querySelectorAll('[data-testid="transcript-row"]')).toHaveLength(4);
    expect(page.fixture.transcript()).toHaveLength(10);
    expect(page.window.location.pathname).toMatch(/^\/chat\/[0-9a-f-]{36}$/);
  });

  it('ChatGPT: the model picker shows an effort tier beside a hidden "Thinking effort" span; user bubbles have no author role', async () => {
    const page = await load('chatgpt-2026.html', { state: 'idle', model: 'Pro' });
    const model = page.roles().model;
    expect(model.textContent).toBe('Thinking effortPro');
    expect(model.querySelector('[aria-hidden="true"]')!.textContent).toBe('Thinking effort');
    expect(page.document.querySelector('[data-message-author-role]')).toBeNull();
    expect(page.document.querySelector('#prompt-textarea')).toBeNull();
    // The user's own message has a copy button too; finished-ness is the assistant's.
    expect(page.roles().lastUser!.closest('[data-chatgpt-search-unit-key]')!.querySelector('[data-testid="copy-turn-action-button"]')).not.toBeNull();
    // The latest answer's read-aloud button says "Stop" while it plays: a visible stop-like decoy outside the composer.
    const decoy = page.roles().decoys.find((d) => d.getAttribute('aria-label') === 'Stop' && d.checkVisibility());
    expect(decoy).toBeTruthy();
    expect(decoy!.closest('form')).toBeNull();
  });

  it('Gemini: the stop button lingers after message-actions appear; the mode picker names a mode', async () => {
    const page = await load('gemini-2026.html', { state: 'streaming', model: 'Thinking' });
    expect(page.roles().model.getAttribute('aria-label')).toBe('Open mode picker, currently Thinking');
    expect(page.document.querySelector('input-area-v2 div.send-button.stop mat-icon[fonticon="stop"]')).not.toBeNull();
    expect(page.fixture.runUntilPhase('lingering')).toBe(true);
    expect(page.document.querySelectorAll('model-response message-actions')).toHaveLength(2);
    expect(page.roles().stop!.checkVisibility()).toBe(true);
    page.fixture.goTo('finished');
    expect(page.roles().stop).toBeNull();
    expect(page.document.querySelectorAll('model-response message-actions')).toHaveLength(2);
  });

  it('Gemini: Quill toggles ql-blank with the text', async () => {
    const page = await load('gemini-2026.html', { state: 'empty' });
    const editor = page.roles().composer;
    expect(editor.classList.contains('ql-blank')).toBe(true);
    expect(page.roles().send).toBeNull();
    page.fixture.type('Hello');
    expect(editor.classList.contains('ql-blank')).toBe(false);
    expect(page.roles().send).not.toBeNull();
  });
});

describe.each(CONSOLE_FIXTURES)('$name console fixture', (site) => {
  it('a run shows the reply and the request usage the test chose', async () => {
    const page = await load(site.file, { state: 'idle' });
    expect(page.roles().system).not.toBeNull();
    page.fixture.setNextUsage({ input: 1234, output: 567 });
    page.fixture.goTo('finished');
    const actions = page.roles().lastActions!;
    expect(actions.textContent).toContain('1,234');
    expect(actions.textContent).toContain('567');
    expect(page.fixture.usages.at(-1)).toEqual({ input: 1234, output: 567 });
  });
});
