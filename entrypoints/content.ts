import { SUPPORTED_SITE_MATCHES } from '@/utils/sites/site-matches';

export default defineContentScript({
  matches: [...SUPPORTED_SITE_MATCHES],
  runAt: 'document_idle',
  main() {
    // Marks the page so tests (and curious users) can see the script is alive.
    document.documentElement.dataset.tokentally = 'active';
  },
});
