import { CLAY_SITE_MATCHES } from '@/utils/sites/site-matches';
import { findAdapter } from '@/utils/sites/find-adapter';
import { startPage } from '@/utils/content/start-page';
import { reportError } from '@/utils/content/page/guard';
import { CLAY_FEATURES } from '@/utils/content/clay-features';
import { clayBadgeRenderer } from '@/components/clay/clay-badge-renderer';

/** Clay's tables: the same page pipeline as every site, with Clay's reader, run recording and estimate. */
export default defineContentScript({
  matches: [...CLAY_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    document.documentElement.dataset.tokentally = 'active';
    try {
      ctx.onInvalidated(startPage(findAdapter(location.hostname), location.hostname, clayBadgeRenderer, CLAY_FEATURES));
    } catch (error) {
      reportError(error);
    }
  },
});
