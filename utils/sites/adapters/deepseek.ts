import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * chat.deepseek.com. A textarea composer; the send control is a `div[role=button]` (aria-disabled
 * while empty). The model is a toggle, not a picker: DeepThink (R1) on is deepseek-reasoner, off is
 * deepseek-chat (app-modes.ts); its state is `aria-pressed` and a `--selected` class. Turns are left
 * to the selector-free layer: public code agrees on no stable reply markup beyond `.ds-markdown`,
 * which the thinking panel shares. Evidence: automation and extension code seen 2026-12.
 */
export const deepseekAdapter: SiteAdapter = {
  id: 'deepseek',
  name: 'DeepSeek',
  hosts: ['chat.deepseek.com'],
  provider: 'deepseek',
  kind: 'chat',
  defaultModel: 'deepseek-chat',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'textarea#chat-input', // unconfirmed 2026-12
      'textarea[placeholder*="DeepSeek"]', // unconfirmed 2026-12
      // Structure alone, for a redesign that renamed everything: the page's only prompt field.
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
    send: [
      'div[role="button"][aria-disabled]:has(svg path[d^="M8.3125"])', // unconfirmed 2026-12
    ],
    model: [
      'div.ds-toggle-button.ds-toggle-button--selected', // unconfirmed 2026-12
      'div.ds-toggle-button', // unconfirmed 2026-12
    ],
  },
};
