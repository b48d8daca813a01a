import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { compactText, outermost, safeQueryAll, styleOf } from '@/utils/content/page/dom-query';
import { readRenderedText } from '@/utils/content/page/rendered-text';

/**
 * The model's thinking inside a reply: ChatGPT's reasoning block, Claude's thought process,
 * Gemini's thoughts. Found by the adapter's `thinking` selectors, and by what any such block
 * looks like: a `<details>` or an expandable toggle (`aria-expanded`) whose label says the model
 * thought ("Thought for 12s", "Show thinking", "Thought process"), with the thinking after it.
 * Labels are read from text, never from class names or aria-labels, so a renamed page reads the
 * same. The thinking is read even while collapsed (hidden), and is never part of the answer.
 */

/** A toggle's label that says the block holds the model's thinking (English, and the Japanese UI). */
const THINKING_LABEL = /^(thought|thinking|show thinking|hide thinking|show thoughts|hide thoughts|thoughts|reasoning|reasoned|思考|考え中|推論)/i;
/** Longest label a toggle plausibly has ("Thought for 1 minute 12 seconds", a short summary). */
const LABEL_MAX_CHARS = 80;
/** A block with more direct children than a header and its text is more than a thinking block. */
const MAX_BLOCK_CHILDREN = 3;

export function isThinkingLabel(text: string): boolean {
  const label = text.replace(/\s+/g, ' ').trim();
  return label.length > 0 && label.length <= LABEL_MAX_CHARS && THINKING_LABEL.test(label);
}

/** The toggles inside (or being) `el` whose label says "thinking". */
function thinkingToggles(root: Element): Element[] {
  const toggles = [
    ...(root.matches('details') ? [root] : []),
    ...safeQueryAll(root, 'details'),
  ].flatMap((d) => {
    const summary = Array.from(d.children).find((c) => c.tagName === 'SUMMARY');
    return summary && isThinkingLabel(summary.textContent ?? '') ? [summary] : [];
  });
  const expandable = [...(root.hasAttribute('aria-expanded') ? [root] : []), ...safeQueryAll(root, '[aria-expanded]')];
  for (const el of expandable) if (isThinkingLabel(el.textContent ?? '')) toggles.push(el);
  return toggles;
}

/** The block a thinking toggle heads: its `<details>`, the element it controls, or the smallest box around it and its text. */
function blockOfToggle(toggle: Element, roots: readonly Element[]): Element | null {
  if (toggle.tagName === 'SUMMARY') return toggle.parentElement;
  const isRoot = (el: Element) => roots.includes(el);
  const label = compactText(toggle.textContent ?? '');
  // Climb past wrappers that hold nothing but the toggle (a header row).
  let head = toggle;
  while (head.parentElement && !isRoot(head.parentElement) && compactText(head.parentElement.textContent ?? '') === label) head = head.parentElement;
  const box = head.parentElement;
  // A collapsed toggle's box shows nothing but the toggle; one that shows more holds the answer.
  const collapsed = toggle.getAttribute('aria-expanded') === 'false';
  if (box && !isRoot(box) && roots.some((r) => r.contains(box)) && box.children.length <= MAX_BLOCK_CHILDREN && (!collapsed || showsOnly(box, head))) return box;
  const controlled = toggle.getAttribute('aria-controls');
  const target = controlled ? toggle.ownerDocument.getElementById(controlled) : null;
  if (target && roots.some((r) => r.contains(target))) return target;
  // The header sits right in the reply beside the answer: only the header is known to be thinking.
  return head;
}

/** True when nothing in `box` but `head` shows text (the rest is hidden, as a collapsed block's thinking is). */
function showsOnly(box: Element, head: Element): boolean {
  return Array.from(box.children).every((c) => {
    if (c === head || !(c.textContent ?? '').trim() || (c as HTMLElement).hidden) return true;
    const style = styleOf(c);
    return style.display === 'none' || style.visibility === 'hidden';
  });
}

/**
 * The thinking blocks of a reply: the adapter's matches that `inTurn` accepts (anywhere on the
 * page: a site may put the block beside the reply) and the blocks any page's structure shows
 * inside `roots` (the reply's elements). Outermost only.
 */
export function findThinkingBlocks(adapter: SiteAdapter, roots: readonly Element[], inTurn: (el: Element) => boolean): Element[] {
  const byAdapter = (adapter.selectors.thinking ?? []).flatMap((selector) => safeQueryAll(document, selector)).filter(inTurn);
  const byStructure = roots.flatMap((root) => thinkingToggles(root).map((t) => blockOfToggle(t, roots))).filter((b): b is Element => !!b);
  // A plain button that says only "Thought for 12s": the model thought, where its text is, is unknown.
  const durations = roots.flatMap((root) => safeQueryAll(root, 'button:not([aria-expanded]), [role="button"]:not([aria-expanded])')).filter((b) => isDurationLabel(b.textContent ?? ''));
  byStructure.push(...durations);
  // A "block" as wide as a whole reply element would swallow the answer: only its toggle is thinking.
  const blocks = [...byAdapter, ...byStructure].filter((b) => !roots.some((r) => r === b && b.children.length > MAX_BLOCK_CHILDREN));
  return outermost([...new Set(blocks)]);
}

/**
 * The thinking a block shows, without its toggle's label: every text in it, hidden or not (a
 * collapsed block still holds it), blocks on their own lines.
 */
export function thinkingText(block: Element): string {
  const toggles = new Set(thinkingToggles(block));
  if (toggles.has(block)) return '';
  const text = readRenderedText(block, { keepHidden: true, leaveOut: (el) => toggles.has(el) || el.tagName.toUpperCase() === 'SUMMARY' });
  return isDurationLabel(text) ? '' : text;
}

/** A block's text that is only its label: "Thought for 12s", "Thinking…", "Thought process 6s". */
function isDurationLabel(text: string): boolean {
  const label = text.replace(/\s+/g, ' ').trim();
  return label.length <= 40 && isThinkingLabel(label) && (/\d/.test(label) || /^(thinking|thought process|show thinking|thoughts|reasoning)[.…\s]*$/i.test(label));
}

/** The answer under `root`: its rendered text with the thinking blocks left out. */
export function answerText(root: Element, thinking: readonly Element[]): string {
  if (thinking.some((b) => b === root || b.contains(root))) return '';
  const blocks = new Set(thinking);
  return readRenderedText(root, { leaveOut: (el) => blocks.has(el) });
}

/** What a turn's thinking came to. */
export type ThinkingResult =
  /** The thinking's text (the largest the turn showed). */
  | { kind: 'text'; text: string }
  /** A block said the model thought but never showed any text ("Thought for 12s"). */
  | { kind: 'unknown' }
  | { kind: 'none' };

/** Most blocks one turn keeps references to (a page re-rendering its block makes new ones). */
const MAX_BLOCKS = 32;

/**
 * The thinking one turn showed over its life. A block collapses, or leaves the page, once the
 * answer starts: the largest text seen while it streamed is kept, and a block that left the page
 * is read once more at the end (a detached element keeps the text it had).
 */
export class ThinkingSeen {
  private readonly blocks: Element[] = [];
  /** The blocks' parts as last seen: a site may remove only the text part once the answer starts. */
  private readonly parts: Element[] = [];
  private largest = '';

  /** The blocks on the page now; returns them. */
  observe(blocks: readonly Element[]): readonly Element[] {
    for (const block of blocks) {
      remember(this.blocks, block);
      remember(this.parts, textCore(block));
    }
    if (blocks.length) this.keep(blocks.map(thinkingText).filter(Boolean).join('\n\n'));
    return blocks;
  }

  /**
   * The blocks this turn showed that are still on the page: none of them is the answer, even once
   * collapsed. The innermost of nested ones, so a guess that was once too wide never hides the answer.
   */
  onPage(): Element[] {
    const connected = this.blocks.filter((b) => b.isConnected);
    return connected.filter((b) => !connected.some((other) => other !== b && b.contains(other)));
  }

  result(): ThinkingResult {
    const connected = this.blocks.filter((b) => b.isConnected);
    this.keep(outermost(connected).map(thinkingText).filter(Boolean).join('\n\n'));
    for (const el of [...this.blocks, ...this.parts]) if (!el.isConnected) this.keep(thinkingText(el));
    if (this.largest.trim()) return { kind: 'text', text: this.largest };
    return this.blocks.length ? { kind: 'unknown' } : { kind: 'none' };
  }

  private keep(text: string): void {
    if (text.length > this.largest.length) this.largest = text;
  }
}

/** The innermost element of a block that holds all its thinking (not its toggle): what a site removes once the answer starts. */
function textCore(block: Element): Element {
  const toggles = thinkingToggles(block);
  let node = block;
  for (;;) {
    const holding = Array.from(node.children).filter((c) => (c.textContent ?? '').trim() && !toggles.some((t) => c === t || c.contains(t)));
    if (holding.length !== 1) return node;
    node = holding[0]!;
  }
}

function remember(list: Element[], el: Element): void {
  if (list.includes(el)) return;
  list.push(el);
  if (list.length > MAX_BLOCKS) list.shift();
}
