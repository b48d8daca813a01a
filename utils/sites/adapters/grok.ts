import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * grok.com. A Tiptap (ProseMirror) composer, a textarea on older builds; a submit button. The
 * model picker shows a mode (Auto, Fast, Expert: app-modes.ts). Counts are o200k estimates: xAI
 * publishes no tokenizer. Evidence: automation code seen 2026-12.
 */
export const grokAdapter: SiteAdapter = {
  id: 'grok',
  name: 'Grok',
  hosts: ['grok.com'],
  provider: 'x-ai',
  kind: 'chat',
  defaultModel: 'grok-4.6',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'div.tiptap.ProseMirror[contenteditable="true"]', // unconfirmed 2026-12
      'div.query-bar textarea', // unconfirmed 2026-12
      // Structure alone, for a redesign that renamed everything: the page's only prompt field.
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
    send: [
      'form button[type="submit"][aria-label="Submit"]', // unconfirmed 2026-12
    ],
  },
};
