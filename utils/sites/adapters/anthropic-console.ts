import type { SiteAdapter } from '../site-adapter';
import { anthropicModelFromLabel } from '../model-labels';

export const anthropicConsoleAdapter: SiteAdapter = {
  id: 'anthropic-console',
  name: 'Anthropic Console',
  hosts: ['console.anthropic.com', 'platform.claude.com'],
  provider: 'anthropic',
  kind: 'console',
  defaultModel: 'claude-sonnet-4-5',
  fieldSelectors: [
    '[data-testid*="prompt" i] [contenteditable="true"], [data-testid*="system" i] [contenteditable="true"], [data-testid*="prompt" i] textarea, [data-testid*="system" i] textarea',
    'div.ProseMirror[contenteditable="true"], textarea[placeholder*="prompt" i], textarea[placeholder*="system" i]',
    'main textarea',
    // Last resort after a redesign: on a console every visible text field is a prompt field.
    'textarea, [contenteditable="true"]',
  ],
  modelSelectors: ['[data-testid="model-selector"]', 'button[aria-label*="model" i]', 'select[name="model"]'],
  modelFromLabel: anthropicModelFromLabel,
  sendButtonSelectors: ['button[data-testid="run-button"]', 'button[aria-label="Run"]'],
  sendsOnEnter: false,
  userMessageSelectors: ['[data-role="user"]'],
  assistantMessageSelectors: ['[data-role="assistant"]'],
  streamingSelectors: ['button[aria-label="Stop"]', '[data-is-streaming="true"]'],
};
