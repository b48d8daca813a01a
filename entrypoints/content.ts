import { SUPPORTED_SITE_MATCHES } from '@/utils/sites/site-matches';
import { findAdapter } from '@/utils/sites/find-adapter';
import { badgeRenderer } from '@/components/badge/badge-renderer';
import { startPage } from '@/utils/content/start-page';
import { reportError } from '@/utils/content/page/guard';
import { startTurnTracking } from '@/utils/content/recording/turn-tracker';
import { startClayRunTracking } from '@/utils/content/recording/clay-runs';
import { reportSiteHealth } from '@/utils/content/site-health-reporter';
import { startSiteMeters } from '@/utils/content/meters/start-site-meters';

export default defineContentScript({
  matches: [...SUPPORTED_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // Marks the page so tests (and curious users) can see the script is alive.
    document.documentElement.dataset.tokentally = 'active';
    // The site's own usage meter (Claude, Gemini, ChatGPT's limit notice), issue 13: first, as it never throws.
    ctx.onInvalidated(startSiteMeters(location.hostname));
    try {
      const adapter = findAdapter(location.hostname);
      const page = startPage(adapter, location.hostname, badgeRenderer);
      ctx.onInvalidated(page.stop);
      if (adapter.id !== 'generic') {
        ctx.onInvalidated(startTurnTracking(page.store));
        ctx.onInvalidated(startClayRunTracking(page));
        ctx.onInvalidated(reportSiteHealth(page.store));
      }
    } catch (error) {
      reportError(error);
    }
  },
});
