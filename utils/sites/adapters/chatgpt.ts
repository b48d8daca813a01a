import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * chatgpt.com, redesigned around 2026-09-25: the composer lost #prompt-textarea, the send and
 * stop buttons lost their test ids, user bubbles often lack data-message-author-role, and the
 * model picker shows only a thinking-effort tier. The pre-redesign selectors stay after the
 * current ones while some accounts still get the older build.
 */
export const chatgptAdapter: SiteAdapter = {
  id: 'chatgpt',
  name: 'ChatGPT',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  provider: 'openai',
  kind: 'chat',
  defaultModel: 'gpt-5.5',
  sendsOnEnter: true,
  selectors: {
    // ChatGPT keeps a hidden fallback <textarea> next to the editor, and a hidden home-page
    // composer form: only visible editors count (find-fields checks), the editor first.
    composer: [
      'form[data-chatgpt-composer] div[contenteditable="true"][role="textbox"]', // confirmed 2026-10
      'div.ProseMirror[contenteditable="true"][data-composer-markdown]', // confirmed 2026-10
      'div#prompt-textarea.ProseMirror[contenteditable="true"]', // confirmed 2026-06
      '#prompt-textarea[contenteditable="true"]', // confirmed 2026-06
      'form div.ProseMirror[contenteditable="true"]', // confirmed 2026-06
      'textarea#prompt-textarea', // confirmed 2025-06
      // Structure alone: the composer is a ProseMirror textbox inside a form.
      'form div[contenteditable="true"][role="textbox"]', // confirmed 2026-10
    ],
    composerContainer: [
      'form[data-chatgpt-composer]', // confirmed 2026-10
      'form', // confirmed 2026-06
    ],
    send: [
      'form[data-chatgpt-composer] button[type="submit"]', // confirmed 2026-10
      'button[data-testid="send-button"]', // confirmed 2026-06
      '#composer-submit-button', // confirmed 2026-06
      // Structure alone: the composer form's submit button.
      'form button[type="submit"]', // confirmed 2026-10
    ],
    // Only inside the composer form: unscoped, the dictate / voice / read-aloud buttons match
    // and keep finished answers "still generating".
    stop: [
      'button[data-testid="composer-stop-button"]', // confirmed 2026-10
      'button[aria-label="Stop"]', // confirmed 2026-10
      'button[data-testid="stop-button"]', // confirmed 2026-06
      'button[aria-label="Stop streaming"]', // confirmed 2025-12
    ],
    streaming: [
      '.result-streaming', // confirmed 2025-12
    ],
    finished: [
      'button[data-testid="copy-turn-action-button"]', // confirmed 2026-10
    ],
    userMessage: [
      '[data-chatgpt-search-unit-key$=":user"]', // confirmed 2026-10
      '[data-content-search-unit-key$=":user"]', // confirmed 2026-09
      '[data-message-author-role="user"]', // confirmed 2026-06
    ],
    assistantMessage: [
      '[data-chatgpt-search-unit-key$=":assistant"]', // confirmed 2026-10
      '[data-content-search-unit-key$=":assistant"]', // confirmed 2026-09
      '[data-message-author-role="assistant"]', // confirmed 2026-06
    ],
    // The unit also holds a visually hidden "ChatGPT said:".
    replyBody: [
      '[data-markdown-text-style="assistant-message"]', // confirmed 2026-10
      '[data-chatgpt-selection-message-id]', // confirmed 2026-09
      '.markdown', // confirmed 2026-06
    ],
    // The reasoning block above the answer: "Thought for 12s" and, while it streams or when
    // opened, the thinking itself.
    thinking: [
      '[data-testid="reasoning"]', // confirmed 2026-09
      '[data-testid*="thinking"]', // confirmed 2026-09
    ],
    // The 2026-10 picker shows an effort tier ("Medium", "Pro") next to a visually hidden
    // "Thinking effort" label, which the label reader leaves out.
    model: [
      'form[data-chatgpt-composer] button[data-codex-intelligence-trigger]', // confirmed 2026-10
      'button[data-codex-intelligence-trigger]', // confirmed 2026-10
      'button[data-testid="model-switcher-dropdown-button"]', // confirmed 2026-06
      'button[aria-label^="Model selector"]', // confirmed 2026-06
    ],
  },
};
