import { compactText, isAfter, isVisible } from '@/utils/content/page/dom-query';
import type { DomChangeLog } from '@/utils/content/page/dom-change-log';
import { isButtonLike } from '@/utils/content/page/fallback-composer';
import { readRenderedText } from '@/utils/content/page/rendered-text';

/**
 * The selector-free layer's view of the conversation, from what every chat page does: after a
 * send, a new element holds the sent text (the user's turn), and the reply is what appears
 * after it. No class, id, data-* or label is read, so a page with all of those renamed reads
 * the same way.
 */

/** How much of the sent text must be found in the user's turn (whitespace ignored). */
const NEEDLE_CHARS = 120;

/** Elements that are never part of the conversation. */
function isForeign(el: Element, composerArea: Element | null): boolean {
  if (el.closest('tokentally-badge')) return true;
  if (composerArea && (composerArea === el || composerArea.contains(el))) return true;
  const tag = el.tagName;
  return tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'TITLE' || tag === 'HEAD';
}

/** Depth of the deepest common ancestor of two nodes (bigger: closer relatives). */
function commonDepth(a: Element, b: Element): number {
  let depth = 0;
  for (let node: Element | null = a; node; node = node.parentElement) {
    if (node.contains(b)) {
      for (let up: Element | null = node; up; up = up.parentElement) depth++;
      return depth;
    }
  }
  return 0;
}

/** The deepest element under `root` whose text contains the whole needle. */
function deepestHolding(root: Element, needle: string): Element | null {
  if (!compactText(root.textContent ?? '').includes(needle)) return null;
  let node = root;
  for (;;) {
    const child = Array.from(node.children).find((c) => compactText(c.textContent ?? '').includes(needle));
    if (!child) return node;
    node = child;
  }
}

/**
 * The user's turn: the element that appeared (or changed) since `mark` and holds the sent text,
 * outside the composer. Of several (a sidebar title can repeat a short prompt) the one closest
 * to the composer wins, then the latest.
 */
export function findUserTurn(sentText: string, log: DomChangeLog, mark: number, composerArea: Element | null): Element | null {
  const needle = compactText(sentText).slice(0, NEEDLE_CHARS);
  if (!needle) return null;
  const roots = new Set<Element>([...log.addedSince(mark), ...log.touchedSince(mark)]);
  const hits: Element[] = [];
  for (const root of roots) {
    if (isForeign(root, composerArea)) continue;
    if (composerArea && root.contains(composerArea)) continue;
    const hit = deepestHolding(root, needle);
    if (hit && !isForeign(hit, composerArea)) hits.push(hit);
  }
  if (!hits.length) return null;
  const anchor = composerArea ?? document.body;
  hits.sort((a, b) => commonDepth(b, anchor) - commonDepth(a, anchor) || (isAfter(a, b) ? 1 : -1));
  return hits[0]!;
}

/** The part of the page holding the conversation: the child of the user's turn's and the composer's common ancestor. */
export function threadRootOf(userTurn: Element, composerArea: Element | null): Element {
  let node: Element = userTurn;
  while (node.parentElement && node.parentElement !== document.body && !(composerArea && node.parentElement.contains(composerArea))) {
    node = node.parentElement;
  }
  return node;
}

export interface ReplyRegion {
  /** The elements after the user's turn that make up the reply (siblings at the lowest level that has any). */
  blocks: Element[];
}

/**
 * The reply: what appeared after the user's turn. Climbing from the user's turn, the first level
 * whose following siblings hold new text is the reply's level; those siblings are the reply.
 * Siblings that hold the composer, or that existed unchanged before the send (a disclaimer
 * footer), are not part of it.
 */
export function replyRegion(userTurn: Element, composerArea: Element | null, log: DomChangeLog, mark: number): ReplyRegion | null {
  for (let node: Element | null = userTurn; node && node !== document.body; node = node.parentElement) {
    if (composerArea && node.contains(composerArea)) break;
    const blocks: Element[] = [];
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (isForeign(sibling, composerArea) || (composerArea && sibling.contains(composerArea))) continue;
      if (!log.isFresh(sibling, mark)) continue;
      blocks.push(sibling);
    }
    // Text outside buttons: the user's own action bar (copy, edit) is not a reply.
    if (blocks.some((b) => readRenderedText(b, { skipHidden: false }).trim() !== '')) return { blocks };
  }
  return null;
}

/** What the reply shows now, for "has it changed" checks (no style reads: this runs on every poll). */
export function regionText(region: ReplyRegion): string {
  return region.blocks.map((b) => readRenderedText(b, { skipHidden: false })).join('\n');
}

/**
 * A finished reply's action bar: visible buttons at the very end of the reply, with no text
 * after them (a code block's "Copy" button has its code after it, so it does not count).
 */
export function hasTrailingButtons(region: ReplyRegion): boolean {
  const last = region.blocks.at(-1);
  if (!last) return false;
  const buttons = Array.from(last.querySelectorAll('button, [role="button"]')).filter((b) => isButtonLike(b) && isVisible(b));
  if (!buttons.length) return false;
  const lastButton = buttons.at(-1)!;
  const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node as Text).data.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('button, [role="button"]')) continue;
    if (isAfter(lastButton, node)) return false;
  }
  return true;
}

/** A flag on (or right around) the reply that flipped from "true" to "false" since `mark`. */
export function flagTurnedOff(region: ReplyRegion, log: DomChangeLog, mark: number): boolean {
  return log.flipsSince(mark).some(({ el }) =>
    region.blocks.some((b) => b === el || (el.contains(b) && depthBelow(el, b) <= 3) || (b.contains(el) && depthBelow(b, el) <= 2)),
  );
}

function depthBelow(ancestor: Element, el: Element): number {
  let depth = 0;
  for (let node: Element | null = el; node && node !== ancestor; node = node.parentElement) depth++;
  return depth;
}
