import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * Anthropic's console. The Workbench on console.anthropic.com was retired on 2026-08-17;
 * that host now redirects to platform.claude.com, whose prompt tool is /playground (it shows
 * the request's token counts after Run). No public selectors for it were found.
 */
export const anthropicConsoleAdapter: SiteAdapter = {
  id: 'anthropic-console',
  name: 'Anthropic Console',
  hosts: ['console.anthropic.com', 'platform.claude.com'],
  provider: 'anthropic',
  kind: 'console',
  defaultModel: 'claude-sonnet-5',
  sendsOnEnter: false,
  selectors: {
    composer: [
      '[data-testid*="prompt" i] [contenteditable="true"], [data-testid*="system" i] [contenteditable="true"], [data-testid*="prompt" i] textarea, [data-testid*="system" i] textarea', // confirmed 2026-06
      'div.ProseMirror[contenteditable="true"], textarea[placeholder*="prompt" i], textarea[placeholder*="system" i], textarea[aria-label*="system" i]', // confirmed 2026-06 (aria-label part, the playground's system prompt: unconfirmed 2026-11)
      'main textarea', // unconfirmed 2026-11
      // Last resort after a redesign: on a console every visible text field is a prompt field.
      'textarea, [contenteditable="true"]', // unconfirmed 2026-11
    ],
    composerContainer: [
      'form', // unconfirmed 2026-11
      'section', // unconfirmed 2026-11
    ],
    send: [
      'button[data-testid="run-button"]', // confirmed 2026-06
      'button[aria-label="Run"]', // confirmed 2026-06
    ],
    stop: [
      'button[aria-label="Stop"]', // confirmed 2026-06
    ],
    streaming: [
      '[data-is-streaming="true"]', // unconfirmed 2026-11
    ],
    userMessage: [
      '[data-role="user"]', // confirmed 2026-06
    ],
    assistantMessage: [
      '[data-role="assistant"]', // confirmed 2026-06
    ],
    model: [
      '[data-testid="model-selector"]', // confirmed 2026-06
      'button[aria-label*="model" i]', // unconfirmed 2026-11
      'select[name="model"]', // unconfirmed 2026-11
    ],
  },
};
