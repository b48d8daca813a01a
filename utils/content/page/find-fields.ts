import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { isEditableField } from '@/utils/content/page/editor-text';
import { safeQueryAll } from '@/utils/content/page/dom-query';

function isShown(el: Element): boolean {
  return !(el as HTMLElement).hidden && el.getClientRects().length > 0;
}

/**
 * The adapter's prompt fields: the first selector (in order) with a visible, editable
 * match wins, and all its matches are returned (consoles have several fields).
 * Nested matches are collapsed to the outermost one.
 */
export function findFields(adapter: SiteAdapter, root: ParentNode = document): HTMLElement[] {
  for (const selector of adapter.selectors.composer) {
    const found = safeQueryAll(root, selector).filter((el): el is HTMLElement => isEditableField(el) && isShown(el));
    if (found.length === 0) continue;
    return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  }
  return [];
}
