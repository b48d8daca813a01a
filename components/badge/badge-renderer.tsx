import { render } from 'preact';
import type { BadgeRenderer } from '@/utils/core/page/badge-contract';
import { BADGE_CSS } from '@/components/badge/badge-styles';
import { FieldBadge } from '@/components/badge/FieldBadge';
import { SiteSection, type SiteSectionComponent } from '@/components/badge/site-section';

/** The badge view as a content script mounts it, one per prompt field, with its site's own section if any. */
export function createBadgeRenderer(section: SiteSectionComponent | null = null): BadgeRenderer {
  return {
    css: BADGE_CSS,
    mount: (target, props) =>
      render(
        <SiteSection.Provider value={section}>
          <FieldBadge {...props} />
        </SiteSection.Provider>,
        target,
      ),
    unmount: (target) => render(null, target),
  };
}

/** The chat sites' and consoles' badge. */
export const badgeRenderer = createBadgeRenderer();
