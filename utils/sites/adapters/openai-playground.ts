import type { SiteAdapter } from '../site-adapter';
import { openAiModelFromLabel } from '../model-labels';

export const openaiPlaygroundAdapter: SiteAdapter = {
  id: 'openai-playground',
  name: 'OpenAI Playground',
  hosts: ['platform.openai.com'],
  provider: 'openai',
  kind: 'console',
  defaultModel: 'gpt-4.1',
  // System/developer message and the user message are both prompt fields: each level
  // lists them together so both get a badge.
  fieldSelectors: [
    'textarea[placeholder*="system" i], textarea[placeholder*="developer" i], textarea[placeholder*="message" i], textarea[aria-label*="message" i], textarea[aria-label*="instructions" i]',
    '[contenteditable="true"][aria-label*="message" i], [contenteditable="true"][aria-label*="instructions" i]',
    'main textarea',
    // Last resort after a redesign: on a console every visible text field is a prompt field.
    'textarea, [contenteditable="true"]',
  ],
  modelSelectors: [
    '[data-testid="model-selector"]',
    'button[aria-label*="model" i]',
    '[aria-label*="model" i][role="combobox"]',
    'select[name="model"]',
  ],
  modelFromLabel: openAiModelFromLabel,
  sendButtonSelectors: ['button[data-testid="run-button"]', 'button[aria-label="Run"]', 'button[type="submit"]'],
  sendsOnEnter: false,
  userMessageSelectors: ['[data-role="user"]', '[data-message-role="user"]'],
  assistantMessageSelectors: ['[data-role="assistant"]', '[data-message-role="assistant"]'],
  streamingSelectors: ['button[aria-label="Stop"]', 'button[data-testid="stop-button"]'],
};
