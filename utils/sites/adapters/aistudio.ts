import type { SiteAdapter } from '../site-adapter';
import { googleModelFromLabel } from '../model-labels';

export const aistudioAdapter: SiteAdapter = {
  id: 'aistudio',
  name: 'Google AI Studio',
  hosts: ['aistudio.google.com'],
  provider: 'google',
  kind: 'console',
  defaultModel: 'gemini-2.5-pro',
  fieldSelectors: [
    'ms-prompt-input-wrapper textarea, ms-system-instructions textarea',
    'ms-prompt-box textarea, ms-chunk-input textarea',
    'footer textarea[aria-label*="prompt" i], textarea[aria-label*="prompt" i]',
    // Last resort after a redesign: on a console every visible text field is a prompt field.
    'textarea, [contenteditable="true"]',
  ],
  modelSelectors: [
    'ms-model-selector .title',
    'ms-model-selector',
    '[data-test-id="model-selector"]',
    'mat-select[aria-label*="model" i]',
  ],
  modelFromLabel: googleModelFromLabel,
  sendButtonSelectors: ['ms-run-button button', 'button[aria-label="Run"]', 'run-button button'],
  sendsOnEnter: false,
  userMessageSelectors: ['ms-chat-turn [data-turn-role="User"]', '.chat-turn-container.user'],
  assistantMessageSelectors: ['ms-chat-turn [data-turn-role="Model"]', '.chat-turn-container.model'],
  streamingSelectors: ['ms-run-button button.stoppable', 'button[aria-label="Stop"]'],
};
