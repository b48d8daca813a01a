import type { SiteAdapter } from '../site-adapter';
import { openAiModelFromLabel } from '../model-labels';

export const chatgptAdapter: SiteAdapter = {
  id: 'chatgpt',
  name: 'ChatGPT',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  provider: 'openai',
  kind: 'chat',
  defaultModel: 'gpt-5',
  // ChatGPT keeps a hidden fallback <textarea name="prompt-textarea"> next to the
  // ProseMirror editor: the editor must win, hence the order.
  fieldSelectors: [
    'div#prompt-textarea.ProseMirror[contenteditable="true"]',
    '#prompt-textarea[contenteditable="true"]',
    'form div.ProseMirror[contenteditable="true"]',
    'textarea#prompt-textarea',
    'form textarea[data-id]',
  ],
  modelSelectors: [
    'button[data-testid="model-switcher-dropdown-button"]',
    'button[aria-label^="Model selector"]',
    '[data-testid="model-switcher"]',
  ],
  modelFromLabel: openAiModelFromLabel,
  sendButtonSelectors: ['button[data-testid="send-button"]', '#composer-submit-button', 'button[aria-label="Send prompt"]'],
  sendsOnEnter: true,
  userMessageSelectors: ['[data-message-author-role="user"]'],
  assistantMessageSelectors: ['[data-message-author-role="assistant"]'],
  streamingSelectors: ['button[data-testid="stop-button"]', 'button[aria-label="Stop streaming"]', '.result-streaming'],
};
