/**
 * Anthropic's token-counting endpoint, the one destination of the opt-in exact Claude counts:
 * the options page asks for its host permission, the background calls it.
 * https://docs.anthropic.com/en/api/messages-count-tokens
 */
export const ANTHROPIC_COUNT_TOKENS_URL = 'https://api.anthropic.com/v1/messages/count_tokens';
/** Host permission the extension must hold (asked for when the user turns the feature on). */
export const ANTHROPIC_API_ORIGIN = 'https://api.anthropic.com/*';
