import { render } from 'preact';
import type { BadgeRenderer } from '@/utils/core/page/badge-contract';
import { BADGE_CSS } from '@/components/badge/badge-styles';
import { FieldBadge } from '@/components/badge/FieldBadge';

/** The badge view as the content script mounts it, one per prompt field. */
export const badgeRenderer: BadgeRenderer = {
  css: BADGE_CSS,
  mount: (target, props) => render(<FieldBadge {...props} />, target),
  unmount: (target) => render(null, target),
};
