import type { SiteAdapter } from '../sites/site-adapter';
import { isEditableField } from './editor-text';

function isVisible(el: Element): boolean {
  return !(el as HTMLElement).hidden && el.getClientRects().length > 0;
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    // A malformed selector in an adapter must cost one selector, not the whole page.
    return [];
  }
}

/**
 * The adapter's prompt fields: the first selector (in order) with a visible, editable
 * match wins, and all its matches are returned (consoles have several fields).
 * Nested matches are collapsed to the outermost one.
 */
export function findFields(adapter: SiteAdapter, root: ParentNode = document): HTMLElement[] {
  for (const selector of adapter.fieldSelectors) {
    const found = safeQueryAll(root, selector).filter(
      (el): el is HTMLElement => isEditableField(el) && isVisible(el),
    );
    if (found.length === 0) continue;
    return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  }
  return [];
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
