import { createContext, type ComponentType } from 'preact';
import type { BadgeView } from '@/components/badge/Badge';
import type { BadgeActions } from '@/utils/core/page/badge-contract';

/**
 * A section of the badge's details that only some sites have (Clay's run estimate), supplied by
 * the renderer of that site's content script, so its code ships only where it is used.
 */
export type SiteSectionComponent = ComponentType<{ view: BadgeView; actions: BadgeActions }>;

export const SiteSection = createContext<SiteSectionComponent | null>(null);
