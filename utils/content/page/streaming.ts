import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { closestOfList, isVisible, safeQueryAll } from '@/utils/content/page/dom-query';
import { findFields } from '@/utils/content/page/find-fields';

/**
 * The adapter's stop control, looked for only inside the composer's container and counted only
 * when visible: unscoped, dictate / voice / read-aloud buttons elsewhere on the page matched and
 * kept finished answers "still generating".
 */
export function visibleStopControl(adapter: SiteAdapter, composer: Element | null = findFields(adapter)[0] ?? null): Element | null {
  if (!composer) return null;
  const container = closestOfList(composer, adapter.selectors.composerContainer) ?? composer.parentElement;
  if (!container) return null;
  for (const selector of adapter.selectors.stop ?? []) {
    const stop = safeQueryAll(container, selector).find(isVisible);
    if (stop) return stop;
  }
  return null;
}
