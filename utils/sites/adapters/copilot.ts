import type { SiteAdapter } from '@/utils/core/sites/site-adapter';

/**
 * copilot.microsoft.com. Microsoft's Copilot runs OpenAI models, so its turns are OpenAI's
 * (o200k, exact) with the site shown. A textarea composer and a "Submit message" button; the mode
 * menu (Quick response, Think Deeper, Smart) names no model (app-modes.ts). The transcript is left
 * to the selector-free layer. Evidence: user scripts and extension code seen 2026-12.
 */
export const copilotAdapter: SiteAdapter = {
  id: 'copilot',
  name: 'Copilot',
  hosts: ['copilot.microsoft.com'],
  provider: 'openai',
  kind: 'chat',
  defaultModel: 'gpt-5',
  sendsOnEnter: true,
  selectors: {
    composer: [
      'textarea#userInput', // unconfirmed 2026-12
      'textarea[data-testid="composer-input"]', // unconfirmed 2026-12
      // Structure alone, for a redesign that renamed everything: the page's only prompt field.
      'textarea:not([readonly])', // unconfirmed 2026-12
      'div[contenteditable="true"][role="textbox"]', // unconfirmed 2026-12
      'div[contenteditable="true"]', // unconfirmed 2026-12
    ],
    send: [
      'button[aria-label="Submit message"]', // unconfirmed 2026-12
      'button[data-testid="submit-button"]', // unconfirmed 2026-12
    ],
  },
};
