import type { SiteAdapter } from '../site-adapter';
import { googleModelFromLabel } from '../model-labels';

export const geminiAdapter: SiteAdapter = {
  id: 'gemini',
  name: 'Gemini',
  hosts: ['gemini.google.com'],
  provider: 'google',
  kind: 'chat',
  defaultModel: 'gemini-2.5-flash',
  fieldSelectors: [
    'rich-textarea .ql-editor[contenteditable="true"]',
    '.ql-editor[contenteditable="true"]',
    'rich-textarea [contenteditable="true"]',
    'rich-textarea textarea',
  ],
  modelSelectors: [
    'bard-mode-switcher [data-test-id="attribution-text"]',
    '[data-test-id="bard-mode-menu-button"]',
    'button.gds-mode-switch-button',
    '.current-mode-title',
  ],
  modelFromLabel: googleModelFromLabel,
  sendButtonSelectors: ['button.send-button', 'button[aria-label="Send message"]'],
  sendsOnEnter: true,
  userMessageSelectors: ['user-query .query-text', 'user-query'],
  assistantMessageSelectors: ['model-response message-content', 'model-response'],
  streamingSelectors: ['button.stop', 'button[aria-label="Stop response"]', 'model-response[aria-busy="true"]'],
};
