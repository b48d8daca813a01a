import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * For hosts the user enabled themselves (and the last resort everywhere): no known
 * selectors, so the content script attaches to whichever textarea or contenteditable
 * gets focus, and the selector-free layer reads turns.
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'This site',
  hosts: [],
  provider: 'openai',
  kind: 'console',
  defaultModel: 'gpt-4o',
  sendsOnEnter: false,
  selectors: { composer: [] },
};
