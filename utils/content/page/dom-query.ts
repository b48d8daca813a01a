/**
 * Small DOM helpers every page reader shares. None of them may throw into the page: a
 * malformed selector in an adapter costs that selector, not the page.
 */

export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** First element matched by an ordered selector list, or null. */
export function firstMatch(selectors: readonly string[] | undefined, root: ParentNode = document): Element | null {
  for (const selector of selectors ?? []) {
    const el = safeQueryAll(root, selector)[0];
    if (el) return el;
  }
  return null;
}

/** All matches of the first selector (in order) that matches anything. */
export function allOfFirstMatch(selectors: readonly string[] | undefined, root: ParentNode = document): Element[] {
  for (const selector of selectors ?? []) {
    const found = safeQueryAll(root, selector);
    if (found.length) return found;
  }
  return [];
}

/** The nearest ancestor-or-self of `el` matching the first selector (in order) that matches one. */
export function closestOfList(el: Element, selectors: readonly string[] | undefined): Element | null {
  for (const selector of selectors ?? []) {
    const found = safeClosest(el, selector);
    if (found) return found;
  }
  return null;
}

/** The element's computed style, from its own window (a frame's element, a test's separate page). */
export function styleOf(el: Element): CSSStyleDeclaration {
  return (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
}

/** Laid out and not hidden: has boxes, not visibility:hidden. */
export function isVisible(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.getClientRects().length === 0) return false;
  const style = styleOf(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
}

/**
 * Screen-reader-only text ("ChatGPT said:", "Claudeが返答しました:"): laid out in a 1 px box
 * or clipped away. Told apart by its computed style, never by a class name, so it works on
 * pages whose classes are renamed.
 */
export function isVisuallyHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const style = styleOf(el);
  if (style.display === 'none' || style.visibility === 'hidden') return true;
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  const tiny = parseFloat(style.width) <= 1 || parseFloat(style.height) <= 1;
  const clipped = (style.clip && style.clip !== 'auto') || /inset\(50%\)/.test(style.clipPath || '');
  return tiny || !!clipped;
}

// Node.DOCUMENT_POSITION_FOLLOWING / _CONTAINED_BY, as numbers so no realm's Node is needed.
const FOLLOWING = 4;
const CONTAINED_BY = 16;

export function inDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}

/** True when `node` comes after `ref` in document order (and is not inside it). */
export function isAfter(ref: Node, node: Node): boolean {
  const pos = ref.compareDocumentPosition(node);
  return !!(pos & FOLLOWING) && !(pos & CONTAINED_BY);
}

/**
 * Drops elements nested inside another element of the list, and returns the rest in page order.
 * Linear after the sort: in page order an element's ancestor in the list comes right before its
 * subtree, so comparing with the last kept element is enough (this runs on every poll of a turn).
 */
export function outermost<T extends Element>(elements: T[]): T[] {
  const sorted = [...new Set(elements)].sort(inDocumentOrder);
  const kept: T[] = [];
  for (const el of sorted) {
    const last = kept[kept.length - 1];
    if (!last || !last.contains(el)) kept.push(el);
  }
  return kept;
}

/** Whitespace-free form of a text, for "is this the text that was sent" comparisons across renderings. */
export function compactText(text: string): string {
  return text.replace(/\s+/g, '');
}
