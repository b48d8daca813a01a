import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * The OpenAI Playground, at platform.openai.com/chat/edit since 2026 (formerly /playground).
 * No public selectors for the new page were found; public links show the model in the address
 * (?models=…), a system message, and a chat composer where Enter runs. The lists go from that
 * shape to any text field, and the selector-free layer records runs the adapter misses.
 */
export const openaiPlaygroundAdapter: SiteAdapter = {
  id: 'openai-playground',
  name: 'OpenAI Playground',
  hosts: ['platform.openai.com'],
  provider: 'openai',
  kind: 'console',
  defaultModel: 'gpt-5.5',
  // The chat composer at /chat/edit runs on Enter (Shift+Enter is a newline).
  sendsOnEnter: true,
  // /chat/edit?models=gpt-5.5: the model picked is in the address.
  modelUrlParam: 'models',
  selectors: {
    // System/developer message and the user message are both prompt fields: each level lists
    // them together so both get a badge.
    composer: [
      'textarea[placeholder*="system" i], textarea[placeholder*="developer" i], textarea[placeholder*="message" i], textarea[aria-label*="message" i], textarea[aria-label*="instructions" i], textarea[aria-label*="prompt" i], textarea[placeholder*="prompt" i]', // confirmed 2026-06 (the "prompt" parts, /chat/edit's composer: unconfirmed 2026-11)
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
      'form button[aria-label="Run"]', // unconfirmed 2026-11
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
      'button[aria-label="Model"]', // unconfirmed 2026-11
      '[data-testid="model-selector"]', // confirmed 2026-06
      'button[aria-label*="model" i]', // unconfirmed 2026-11
      '[aria-label*="model" i][role="combobox"]', // unconfirmed 2026-11
      'select[name="model"]', // unconfirmed 2026-11
    ],
  },
};
