import type { PageFeatures } from '@/utils/content/start-page';
import { readClayPage } from '@/utils/content/clay/clay-page';
import { startClayRunTracking } from '@/utils/content/recording/clay-runs';

/** What Clay's content script adds to the page: its table reader and its run recording. */
export const CLAY_FEATURES: PageFeatures = {
  clay: { readPage: readClayPage, startRuns: (services) => startClayRunTracking(services) },
};
