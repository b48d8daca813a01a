import type { SiteAdapter } from '../site-adapter';
import { anthropicModelFromLabel } from '../model-labels';

export const claudeAdapter: SiteAdapter = {
  id: 'claude',
  name: 'Claude',
  hosts: ['claude.ai'],
  provider: 'anthropic',
  kind: 'chat',
  defaultModel: 'claude-sonnet-4-5',
  fieldSelectors: [
    'fieldset div.ProseMirror[contenteditable="true"]',
    'div[contenteditable="true"].ProseMirror',
    'div[contenteditable="true"][aria-label*="prompt" i]',
    'fieldset textarea',
  ],
  modelSelectors: [
    'button[data-testid="model-selector-dropdown"]',
    '[data-testid="model-selector-dropdown"]',
    'button[aria-label*="model" i]',
  ],
  modelFromLabel: anthropicModelFromLabel,
  sendButtonSelectors: ['button[aria-label="Send message"]', 'button[aria-label="Send Message"]', 'fieldset button[type="submit"]'],
  sendsOnEnter: true,
  userMessageSelectors: ['[data-testid="user-message"]'],
  assistantMessageSelectors: ['.font-claude-response', '.font-claude-message', '[data-testid="assistant-message"]'],
  streamingSelectors: ['[data-is-streaming="true"]', 'button[aria-label="Stop response"]'],
};
