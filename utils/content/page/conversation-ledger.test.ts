// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { addLedgerTurn, conversationKeyOf, ledgerFor, resetLedger } from '@/utils/content/page/conversation-ledger';
import { conversationContext } from '@/utils/content/page/conversation-context';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

const adapter: SiteAdapter = {
  id: 'test', name: 'Test', hosts: ['claude.ai'], provider: 'anthropic', kind: 'chat', defaultModel: 'claude-sonnet-5', sendsOnEnter: true,
  selectors: { composer: ['[contenteditable]'], userMessage: ['.u'], assistantMessage: ['.a'], replyBody: ['.body'] },
};
const URL = 'https://claude.ai/chat/abc';

function render(turns: Array<[string, string]>) {
  document.body.innerHTML = turns.map(([u, a]) => `<div class="u">${u}</div><div class="a"><h2 hidden>Claude said:</h2><div class="body">${a}</div></div>`).join('');
}
function record(prompt: string, reply: string, promptTokens: number, outputTokens: number) {
  const users = document.querySelectorAll('.u');
  const replies = document.querySelectorAll('.a');
  addLedgerTurn(URL, {
    promptTokens, outputTokens, promptTexts: [prompt], replyText: reply,
    promptElements: [users[users.length - 1]!], replyElements: [replies[replies.length - 1]!],
  });
}

beforeEach(() => resetLedger());

describe('conversation ledger', () => {
  it('keys a conversation by its address without query or hash', () => {
    expect(conversationKeyOf('https://claude.ai/chat/abc?model=x#m1')).toBe('https://claude.ai/chat/abc');
  });

  it('while every recorded turn is on the page, the context is just what the page shows', () => {
    render([['first question', 'first answer']]);
    record('first question', 'first answer', 10, 50);
    const ctx = conversationContext(adapter, URL);
    expect(ctx.recordedTokens).toBe(0);
    expect(ctx.visibleText).toBe('first question\n\nfirst answer');
  });

  it('turns a virtualised transcript dropped from the page are still context, from the recorded counts', () => {
    render([['q1', 'a1']]);
    record('q1', 'a1', 10, 50);
    render([['q1', 'a1'], ['q2', 'a2']]);
    record('q2', 'a2', 20, 60);
    // Claude removes the first rows once they scroll away; only the second turn is on the page.
    render([['q2', 'a2']]);
    const ctx = conversationContext(adapter, URL);
    expect(ctx.recordedTokens).toBe(60);
    expect(ctx.visibleText).toBe('q2\n\na2');
    // The same rows rendered again (new elements) are recognised by their text.
    render([['q1', 'a1'], ['q2', 'a2']]);
    expect(conversationContext(adapter, URL).recordedTokens).toBe(0);
  });

  it('a regenerated last turn is not its own context; another conversation has its own ledger', () => {
    render([]);
    record('q1', 'a1', 10, 50);
    record('q2', 'a2', 20, 60);
    expect(ledgerFor(URL).unseenTokens([])).toBe(140);
    expect(ledgerFor(URL).unseenTokens([], { exceptLast: true })).toBe(60);
    expect(ledgerFor('https://claude.ai/chat/other').unseenTokens([])).toBe(0);
  });
});
