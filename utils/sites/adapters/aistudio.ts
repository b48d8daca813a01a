import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/** Google AI Studio (aistudio.google.com). */
export const aistudioAdapter: SiteAdapter = {
  id: 'aistudio',
  name: 'Google AI Studio',
  hosts: ['aistudio.google.com'],
  provider: 'google',
  kind: 'console',
  defaultModel: 'gemini-2.5-pro',
  sendsOnEnter: false,
  selectors: {
    composer: [
      'ms-prompt-input-wrapper textarea, ms-system-instructions textarea', // confirmed 2026-06
      'ms-prompt-box textarea, ms-chunk-input textarea, textarea[formcontrolname="promptText"]', // confirmed 2026-10
      'footer textarea[aria-label*="prompt" i], textarea[aria-label*="prompt" i]', // confirmed 2026-06
      // Last resort after a redesign: on a console every visible text field is a prompt field.
      'textarea, [contenteditable="true"]', // unconfirmed 2026-11
    ],
    composerContainer: [
      'ms-prompt-box', // confirmed 2026-10
      'ms-prompt-input-wrapper', // confirmed 2026-06
      'footer', // confirmed 2026-06
    ],
    send: [
      'ms-run-button button', // confirmed 2026-10
      'button[aria-label="Run"]', // confirmed 2026-06
      'run-button button', // confirmed 2025-12
    ],
    stop: [
      'ms-run-button button.stoppable', // confirmed 2026-06
      'button[aria-label="Stop"]', // confirmed 2026-06
    ],
    userMessage: [
      'ms-chat-turn[data-turn-role="User"]', // confirmed 2026-10
      'ms-chat-turn [data-turn-role="User"]', // confirmed 2026-06
      '.chat-turn-container.user', // confirmed 2025-12
    ],
    assistantMessage: [
      'ms-chat-turn[data-turn-role="Model"]', // confirmed 2026-10
      'ms-chat-turn [data-turn-role="Model"]', // confirmed 2026-06
      '.chat-turn-container.model', // confirmed 2025-12
    ],
    model: [
      'ms-model-selector .title', // confirmed 2026-06
      'ms-model-selector button', // confirmed 2026-10
      'button.model-selector-card', // confirmed 2026-10
      'ms-model-selector', // confirmed 2026-06
      '[data-test-id="model-selector"]', // unconfirmed 2026-11
      'mat-select[aria-label*="model" i]', // unconfirmed 2026-11
    ],
  },
};
