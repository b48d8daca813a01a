import { SUPPORTED_SITE_MATCHES } from '@/utils/sites/site-matches';
import { findAdapter } from '@/utils/sites/find-adapter';
import { startBadges } from '@/utils/page/badge-manager';
import { reportError } from '@/utils/page/guard';
import { startTurnTracking } from '@/utils/recording/turn-tracker';
import { startClayAutoLog } from '@/utils/clay/clay-auto-log';
import { startSiteMeters } from '@/utils/meters/start-site-meters';

export default defineContentScript({
  matches: [...SUPPORTED_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // Marks the page so tests (and curious users) can see the script is alive.
    document.documentElement.dataset.tokentally = 'active';
    try {
      const adapter = findAdapter(location.hostname);
      const badges = startBadges(adapter, location.hostname);
      ctx.onInvalidated(badges.stop);
      if (adapter.kind === 'clay') {
        // A Clay run started while the badge is folded is still logged.
        ctx.onInvalidated(startClayAutoLog(adapter));
      } else if (adapter.id !== 'generic') {
        const stopTracking = startTurnTracking(adapter, { modelId: badges.modelId, promptText: badges.promptText });
        ctx.onInvalidated(stopTracking);
      }
      // The site's own usage meter (Claude, Gemini, ChatGPT's limit notice), issue 13.
      ctx.onInvalidated(startSiteMeters(location.hostname));
    } catch (error) {
      reportError(error);
    }
  },
});
