// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { createPageStore } from '@/utils/core/page/page-state';
import { diagnosticsReport, structureOutline } from '@/utils/content/page/diagnostics';

describe('Copy diagnostics', () => {
  it('holds the page\'s structure (tags, roles, attribute names, counts) and none of its text or attribute values', () => {
    const secret = 'Quarterly revenue of Project Zebracorn';
    document.body.innerHTML = `
      <main><div class="thread" data-thread-find-target="conversation">
        ${`<div data-chatgpt-search-unit-key="turn-1:0:user" title="${secret}"><div data-user-message-bubble="true">${secret}</div></div>`.repeat(3)}
        <div data-chatgpt-search-unit-key="turn-1:1:assistant" aria-label="${secret}"><div data-markdown-text-style="assistant-message"><p>${secret} answer</p></div></div>
      </div></main>
      <form data-chatgpt-composer=""><div contenteditable="true" role="textbox" aria-label="Ask ChatGPT" class="ProseMirror" data-composer-markdown="true"><p>${secret} draft</p></div>
      <button type="submit" aria-label="Send" value="${secret}">↑</button><input type="text" placeholder="${secret}" value="${secret}"></form>`;
    const report = diagnosticsReport(createPageStore(chatgptAdapter, 'chatgpt.com', 0).get(), 0);
    expect(report).not.toMatch(/Zebracorn|revenue|Quarterly|draft|answer|Ask ChatGPT|turn-1/);
    expect(report).toContain('div contenteditable=true role=textbox [aria-label class data-composer-markdown]');
    expect(report).toContain('button type=submit [aria-label value]');
    expect(report).toMatch(/div \[data-chatgpt-search-unit-key title\] ×3/);
    expect(report).toContain('## Composer area');
    expect(report).toContain('## Thread (4 messages matched)');
  });

  it('folds long runs of alike elements and stops at a depth', () => {
    document.body.innerHTML = `<ul id="l">${'<li><span><b><i><u>x</u></i></b></span></li>'.repeat(50)}</ul>`;
    const lines = structureOutline(document.getElementById('l')!, 3);
    expect(lines).toContain('  li ×50');
    expect(lines.some((l) => /more elements/.test(l))).toBe(true);
  });
});
