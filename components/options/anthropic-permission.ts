import { browser } from 'wxt/browser';
import { ANTHROPIC_API_ORIGIN } from '@/utils/core/accuracy/anthropic-api';

/**
 * api.anthropic.com is not in the manifest's host permissions (the extension makes
 * no network request by default). Turning exact counts on asks for it; the browser
 * only shows the prompt from a user gesture, so call this from the click handler.
 */
export async function requestAnthropicAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [ANTHROPIC_API_ORIGIN] });
  } catch {
    return false;
  }
}

export async function releaseAnthropicAccess(): Promise<void> {
  await browser.permissions.remove({ origins: [ANTHROPIC_API_ORIGIN] }).catch(() => false);
}
