/**
 * Match patterns of every site TokenTally supports out of the box.
 * Used for the manifest's host permissions and the content script's matches,
 * so the two can never drift apart.
 */
export const SUPPORTED_SITE_MATCHES = [
  'https://chatgpt.com/*',
  'https://chat.openai.com/*',
  'https://claude.ai/*',
  'https://gemini.google.com/*',
  'https://platform.openai.com/*',
  'https://console.anthropic.com/*',
  'https://platform.claude.com/*',
  'https://aistudio.google.com/*',
  'https://app.clay.com/*',
] as const;
