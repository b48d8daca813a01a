import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLimitNotice } from '@/utils/content/meters/limit-notice-watcher';
import { PageChanges } from '@/utils/content/page/page-changes';
import type { LimitNotice } from '@/utils/core/meters/meter-types';

// Its own window, not the happy-dom test environment (whose timers stall vitest's worker).
let window: Window;
let document: Document;
let changes: PageChanges;
beforeEach(() => {
  window = new Window({ url: 'https://chatgpt.com/' });
  window.document.documentElement.lang = 'en';
  document = window.document as unknown as Document;
  changes = new PageChanges(document);
});
afterEach(async () => {
  changes.stop();
  await window.happyDOM.close();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watching chatgpt.com for its limit notice', () => {
  it('finds a notice the page adds, across its two lines, once', async () => {
    const seen: LimitNotice[] = [];
    const stop = watchLimitNotice(changes, (n) => seen.push(n), document);
    const notice = document.createElement('div');
    notice.innerHTML = '<div>You’ve hit the Plus plan limit for GPT-5 Thinking.</div><div>Responses will use another model until your limit resets after 11:59 PM.</div><button>Upgrade</button>';
    document.body.append(notice);
    await wait(900);
    document.body.append(notice.cloneNode(true));
    await wait(900);
    stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ model: 'gpt-5-thinking', label: 'GPT-5 Thinking' });
    expect(new Date(seen[0]!.resetsAt!).getMinutes()).toBe(59);
  });

  it('ignores the same words inside a reply, the composer or code', async () => {
    const onNotice = vi.fn();
    const stop = watchLimitNotice(changes, onNotice, document);
    document.body.innerHTML = `
      <div data-message-author-role="assistant"><p>You’ve hit the Plus plan limit for GPT-5. It resets after 6:41 PM.</p></div>
      <div contenteditable="true"><p>You’ve hit the Plus plan limit for GPT-5. It resets after 6:41 PM.</p></div>
      <pre><code>You’ve hit the Free plan limit for GPT-5. Responses will use another model until your limit resets after 6:41 PM.</code></pre>`;
    await wait(1_200);
    stop();
    expect(onNotice).not.toHaveBeenCalled();
  });
});
