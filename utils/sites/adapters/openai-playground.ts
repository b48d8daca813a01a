import type { SiteAdapter } from '../site-adapter';

/**
 * The OpenAI Playground, at platform.openai.com/chat/edit since 2026 (formerly /playground).
 * No public selectors for the new page were found: the list goes from its known shape to any
 * text field, and the selector-free layer records runs the adapter misses.
 */
export const openaiPlaygroundAdapter: SiteAdapter = {
  id: 'openai-playground',
  name: 'OpenAI Playground',
  hosts: ['platform.openai.com'],
  provider: 'openai',
  kind: 'console',
  defaultModel: 'gpt-4.1',
  sendsOnEnter: false,
  selectors: {
    // System/developer message and the user message are both prompt fields: each level lists
    // them together so both get a badge.
    composer: [
      'textarea[placeholder*="system" i], textarea[placeholder*="developer" i], textarea[placeholder*="message" i], textarea[aria-label*="message" i], textarea[aria-label*="instructions" i]', // confirmed 2026-06
      '[contenteditable="true"][aria-label*="message" i], [contenteditable="true"][aria-label*="instructions" i]', // unconfirmed 2026-11
      'main textarea', // confirmed 2026-06
      // Last resort after a redesign: on a console every visible text field is a prompt field.
      'textarea, [contenteditable="true"]', // unconfirmed 2026-11
    ],
    composerContainer: [
      'form', // unconfirmed 2026-11
      'section', // confirmed 2026-06
    ],
    send: [
      'button[data-testid="run-button"]', // confirmed 2026-06
      'button[aria-label="Run"]', // confirmed 2026-06
      'button[type="submit"]', // unconfirmed 2026-11
    ],
    stop: [
      'button[aria-label="Stop"]', // confirmed 2026-06
      'button[data-testid="stop-button"]', // unconfirmed 2026-11
    ],
    userMessage: [
      '[data-role="user"]', // confirmed 2026-06
      '[data-message-role="user"]', // unconfirmed 2026-11
    ],
    assistantMessage: [
      '[data-role="assistant"]', // confirmed 2026-06
      '[data-message-role="assistant"]', // unconfirmed 2026-11
    ],
    model: [
      '[data-testid="model-selector"]', // confirmed 2026-06
      'button[aria-label*="model" i]', // unconfirmed 2026-11
      '[aria-label*="model" i][role="combobox"]', // unconfirmed 2026-11
      'select[name="model"]', // unconfirmed 2026-11
    ],
  },
};
