import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * perplexity.ai. A contenteditable `#ask-input` (a textarea on older builds) and a submit button
 * with a test id. Sonar is Perplexity's own model; other providers' models picked there are read
 * as unknown and counted as Sonar. The transcript is left to the selector-free layer. Evidence:
 * extension code seen 2026-12.
 */
export const perplexityAdapter: SiteAdapter = {
  id: 'perplexity',
  name: 'Perplexity',
  hosts: ['www.perplexity.ai', 'perplexity.ai'],
  provider: 'perplexity',
  kind: 'chat',
  defaultModel: 'sonar',
  sendsOnEnter: true,
  selectors: {
    composer: [
      '#ask-input[contenteditable="true"]', // unconfirmed 2026-12
      'textarea[placeholder*="Ask"]', // unconfirmed 2026-12
      // Structure alone, for a redesign that renamed everything: the page's only prompt field.
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
    send: [
      'button[data-testid="submit-button"]', // unconfirmed 2026-12
    ],
  },
};
