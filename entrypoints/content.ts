import { SUPPORTED_SITE_MATCHES } from '@/utils/sites/site-matches';
import { findAdapter } from '@/utils/sites/find-adapter';
import { startPage } from '@/utils/page/page-controller';
import { reportError } from '@/utils/page/guard';
import { startTurnTracking } from '@/utils/recording/turn-tracker';
import { startClayRunTracking } from '@/utils/recording/clay-runs';
import { reportSiteHealth } from '@/utils/health/site-health-reporter';
import { startSiteMeters } from '@/utils/meters/start-site-meters';

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
      const page = startPage(adapter, location.hostname);
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
