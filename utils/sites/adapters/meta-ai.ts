import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * meta.ai. No public code agrees on its markup: the composer is found by structure alone and every
 * other role is read by the selector-free layer (a `div[role=button]` send control too), and the
 * site's health says so.
 * The page names no model: Llama 4 is assumed (app-modes.ts), counted as an o200k estimate.
 */
export const metaAiAdapter: SiteAdapter = {
  id: 'meta-ai',
  name: 'Meta AI',
  hosts: ['www.meta.ai', 'meta.ai'],
  provider: 'meta',
  kind: 'chat',
  defaultModel: 'llama-4-maverick',
  sendsOnEnter: true,
  selectors: {
    // Structure alone: the page's only prompt field.
    composer: [
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
  },
};
