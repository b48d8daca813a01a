import { CHAT_SITE_MATCHES } from '@/utils/sites/site-matches';
import { findAdapter } from '@/utils/sites/find-adapter';
import { startPage } from '@/utils/content/start-page';
import { reportError } from '@/utils/content/page/guard';
import { badgeRenderer } from '@/components/badge/badge-renderer';

export default defineContentScript({
  // Clay has its own content script (clay.content.ts), so its code is not parsed on every chat page.
  matches: [...CHAT_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // Marks the page so tests (and curious users) can see the script is alive.
    document.documentElement.dataset.tokentally = 'active';
    try {
      ctx.onInvalidated(startPage(findAdapter(location.hostname), location.hostname, badgeRenderer));
    } catch (error) {
      reportError(error);
    }
  },
});
