import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * gemini.google.com. Since 2026-09 the send/stop classes sit on wrapper divs around the
 * buttons, and the stop button has been seen lingering after a reply ended: the reply's own
 * action bar (message-actions) is the finished marker that wins. The picker names modes
 * (Fast / Thinking / Pro), not models.
 */
export const geminiAdapter: SiteAdapter = {
  id: 'gemini',
  name: 'Gemini',
  hosts: ['gemini.google.com'],
  provider: 'google',
  kind: 'chat',
  defaultModel: 'gemini-3.5-flash',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'rich-textarea .ql-editor[contenteditable="true"]', // confirmed 2026-10
      '.ql-editor[contenteditable="true"]', // confirmed 2026-10
      'rich-textarea [contenteditable="true"]', // confirmed 2026-06
      'rich-textarea textarea', // confirmed 2025-06
    ],
    composerContainer: [
      'input-area-v2', // confirmed 2026-10
      '[data-node-type="input-area"]', // confirmed 2026-09
      'input-container', // confirmed 2026-09
    ],
    send: [
      'div.send-button.submit > button', // confirmed 2026-10
      'button.send-button', // confirmed 2026-06
      'button[aria-label="Send message"]', // confirmed 2026-06
    ],
    stop: [
      'div.send-button.stop > button', // confirmed 2026-10
      'button:has(mat-icon[fonticon="stop"])', // confirmed 2026-10
      'button.stop', // confirmed 2026-06
    ],
    streaming: [
      'model-response[aria-busy="true"]', // confirmed 2026-06
    ],
    finished: [
      'model-response message-actions', // confirmed 2026-10
    ],
    userMessage: [
      'user-query', // confirmed 2026-10
    ],
    assistantMessage: [
      'model-response', // confirmed 2026-10
    ],
    replyBody: [
      'message-content', // confirmed 2026-10
      '.markdown', // confirmed 2026-09
    ],
    // "Show thinking": streams, then collapses once the answer starts.
    thinking: [
      'model-response model-thoughts', // confirmed 2026-09
      'model-response .thoughts-container', // confirmed 2026-09
    ],
    // aria-label "Open mode picker, currently Pro"; the text is the mode.
    model: [
      '[data-test-id="bard-mode-menu-button"]', // confirmed 2026-10
      'bard-mode-switcher [data-test-id="attribution-text"]', // confirmed 2026-06
      'button.gds-mode-switch-button', // confirmed 2026-06
      '.current-mode-title', // confirmed 2025-12
    ],
  },
};
