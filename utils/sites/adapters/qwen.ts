import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * chat.qwen.ai. A textarea composer and a send button by id; the model picker shows the model's
 * own name ("Qwen3-Max"), counted exactly with the Qwen3 vocabulary. The transcript is left to the
 * selector-free layer. Evidence: extension code seen 2026-12.
 */
export const qwenAdapter: SiteAdapter = {
  id: 'qwen',
  name: 'Qwen Chat',
  hosts: ['chat.qwen.ai'],
  provider: 'alibaba',
  kind: 'chat',
  defaultModel: 'qwen3-max',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'textarea#chat-input', // unconfirmed 2026-12
      // Structure alone, for a redesign that renamed everything: the page's only prompt field.
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
    send: [
      'button#send-message-button', // unconfirmed 2026-12
    ],
  },
};
