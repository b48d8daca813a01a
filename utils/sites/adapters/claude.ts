import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * claude.ai. Its aria-labels are localised (a Japanese UI says メッセージを送信), so no role
 * depends on them alone, and its transcript is virtualised: rows scrolled out of view leave
 * the page (context is kept from recorded turns, see conversation-ledger.ts).
 */
export const claudeAdapter: SiteAdapter = {
  id: 'claude',
  name: 'Claude',
  hosts: ['claude.ai'],
  provider: 'anthropic',
  kind: 'chat',
  defaultModel: 'claude-sonnet-5',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'div[contenteditable="true"][role="textbox"][data-testid="chat-input"]', // confirmed 2026-10
      '[data-testid="chat-input"][contenteditable="true"]', // confirmed 2026-10
      'fieldset div.ProseMirror[contenteditable="true"]', // confirmed 2026-06
      'div.ProseMirror[contenteditable="true"]', // confirmed 2026-06
      'fieldset textarea', // confirmed 2025-06
    ],
    composerContainer: [
      '[data-cds="ChatComposer"]', // confirmed 2026-10
      'fieldset', // confirmed 2026-10
    ],
    send: [
      'button[data-testid="chat-input-send"]', // confirmed 2026-10
      'button[aria-label="Send message"]', // confirmed 2026-06
      'fieldset button[type="submit"]', // confirmed 2025-06
    ],
    stop: [
      'button[data-testid="chat-input-stop"]', // confirmed 2026-10
      'button[aria-label="Stop response"]', // confirmed 2026-06
    ],
    streaming: [
      '[data-testid="assistant-message"][data-is-streaming="true"]', // confirmed 2026-10
      '[data-perf-row-streaming="true"]', // confirmed 2026-10
      '[data-is-streaming="true"]', // confirmed 2026-06
    ],
    // data-perf-row-streaming flips to "false" once per finished turn.
    finished: [
      '[data-perf-row-streaming="false"]', // confirmed 2026-10
      '[data-testid="assistant-message"][data-is-streaming="false"]', // confirmed 2026-10
    ],
    userMessage: [
      '[data-testid="user-message"]', // confirmed 2026-10
      '[data-perf-row="human"]', // confirmed 2026-10
    ],
    assistantMessage: [
      '[data-testid="assistant-message"]', // confirmed 2026-10
      '[data-perf-row="assistant"]', // confirmed 2026-10
      '.font-claude-response', // confirmed 2026-06
      '.font-claude-message', // confirmed 2025-06
    ],
    // The message also holds a visually hidden "Claude responded:" heading and a timestamp.
    replyBody: [
      '[data-perf-reply-text]', // confirmed 2026-10
      '.standard-markdown', // confirmed 2026-09
    ],
    // The collapsible thought-process block before the reply's prose; no test id is public, so
    // the toggle-and-text structure (thinking-blocks.ts) is what finds it when these miss.
    thinking: [
      '[data-testid="thinking-block"]', // unconfirmed 2026-12
      '[data-testid="assistant-message"] [data-thinking-block]', // unconfirmed 2026-12
    ],
    // Labels such as "Sonnet 5", "Opus 4.8", "Haiku 4.5"; aria-label "Model: …".
    model: [
      'button[data-testid="model-selector-dropdown"]', // confirmed 2026-10
      '[data-testid="model-selector-dropdown"]', // confirmed 2026-06
    ],
  },
};
