import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * chat.mistral.ai (Le Chat). A ProseMirror composer (a `message.text` textarea on older builds),
 * a submit button, answers in `[data-message-part-type="answer"]`. Counts are o200k estimates
 * (Tekken has no npm package). Evidence: automation and extension code seen 2026-12.
 */
export const mistralAdapter: SiteAdapter = {
  id: 'mistral',
  name: 'Le Chat',
  hosts: ['chat.mistral.ai'],
  provider: 'mistral',
  kind: 'chat',
  defaultModel: 'mistral-medium-latest',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'form .ProseMirror[contenteditable="true"]', // unconfirmed 2026-12
      'textarea[name="message.text"]', // unconfirmed 2026-12
      // Structure alone, for a redesign that renamed everything: the page's only prompt field.
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
    send: [
      'form button[type="submit"]', // unconfirmed 2026-12
    ],
    replyBody: [
      '[data-message-part-type="answer"]', // unconfirmed 2026-12
    ],
  },
};
