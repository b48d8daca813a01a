import { guard } from '@/utils/content/page/guard';
import type { PageChanges } from '@/utils/content/page/page-changes';
import { MAX_NOTICE_CHARS, parseLimitNotice } from '@/utils/core/meters/chatgpt-limit-notice';
import type { LimitNotice } from '@/utils/core/meters/meter-types';

/**
 * Watches chatgpt.com for its limit notice (see chatgpt-limit-notice.ts) without selectors:
 * the notice has none that is public, and its wording is translated. Only text the page adds
 * is looked at, in short blocks outside the conversation and the composer, so a reply or a
 * prompt that quotes the notice is not taken for it.
 */

/** Where the notice is never: messages, code and the composer. Dated 2026-10 (site-evidence.md). */
const NOT_A_NOTICE = [
  '[contenteditable="true"]',
  'textarea',
  '[data-message-author-role]',
  '[data-chatgpt-search-unit-key]',
  '[data-markdown-text-style]',
  '.markdown',
  'pre',
  'code',
].join(',');

const LIMIT_HINT = /limit|cap|límite|limite|лимит|上限|限制|制限|제한|한도/i;
const MAX_PENDING = 300;
const MAX_TEXT_NODES = 5_000;

const HAS_TIME = /\d{1,2}\s*[:：.]\s*\d{2}|\bin\s+\d/;

/**
 * The block holding the whole notice: grown from the text that mentions a limit until it also
 * holds a time (the notice is often two lines in two elements), never past a notice's length.
 */
function candidateBlock(start: Element): Element | null {
  let first: Element | null = null;
  let el: Element | null = start;
  for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
    const text = el.textContent ?? '';
    if (text.length > MAX_NOTICE_CHARS) break;
    if (HAS_TIME.test(text)) return el;
    first ??= el;
  }
  return first;
}

const TEXT_NODE = 3;
const SHOW_TEXT = 4;

/** Short blocks in `root` whose text mentions a limit. */
function limitBlocks(root: Node): Element[] {
  const found = new Set<Element>();
  const visit = (text: Node) => {
    const parent = text.parentElement;
    if (!parent || !LIMIT_HINT.test(text.nodeValue ?? '') || parent.closest(NOT_A_NOTICE)) return;
    const block = candidateBlock(parent);
    if (block) found.add(block);
  };
  if (root.nodeType === TEXT_NODE) visit(root);
  else {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
    for (let n = walker.nextNode(), i = 0; n && i < MAX_TEXT_NODES; n = walker.nextNode(), i++) visit(n);
  }
  // One notice may hold several limit words: keep the outermost block only.
  return [...found].filter((block) => ![...found].some((other) => other !== block && other.contains(block)));
}

/** Reports each limit notice that appears on the page, once (checked in batches, off the page's own tasks). */
export function watchLimitNotice(changes: PageChanges, onNotice: (notice: LimitNotice) => void, doc: Document = document): () => void {
  const locale = doc.documentElement.lang || navigator.language || 'en';
  const seen = new Set<string>();
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = (roots: Node[]) => {
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of limitBlocks(root)) {
        const notice = parseLimitNotice(block.textContent ?? '', Date.now(), locale);
        if (!notice) continue;
        const key = `${notice.model}@${notice.resetsAt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        onNotice(notice);
      }
    }
  };

  const flush = guard(() => {
    timer = undefined;
    const roots = pending;
    pending = [];
    check(roots);
  });

  const unsubscribe = changes.subscribe((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (pending.length < MAX_PENDING) pending.push(node);
      if (record.type === 'characterData' && pending.length < MAX_PENDING) pending.push(record.target);
    }
    if (pending.length) timer ??= setTimeout(flush, 750);
  });
  // A notice already on the page when it loads.
  const initial = setTimeout(guard(() => check([doc.body ?? doc.documentElement])), 1_000);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    clearTimeout(initial);
  };
}
