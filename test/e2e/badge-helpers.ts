import type { BrowserContext, Locator, Page } from '@playwright/test';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { expect, fixtureHtml, servePage } from '@/test/e2e/extension-fixture';

/** o200k count of `text` as a chat UI sends it (special-token strings stay plain text). */
export function o200kTokens(text: string): number {
  return encode(text, { disallowedSpecial: new Set() }).length;
}

export async function openFixture(context: BrowserContext, url: string, file: string, query = ''): Promise<Page> {
  await servePage(context, url, fixtureHtml(file));
  const page = await context.newPage();
  await page.goto(url + query);
  return page;
}

/** The badge host placed right after `field`. */
export function badgeAfter(field: Locator): Locator {
  return field.locator('xpath=following-sibling::tokentally-badge[1]');
}

export async function expectCount(badge: Locator, tokens: number): Promise<void> {
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await expect(badge).toHaveAttribute('data-tokens', String(tokens));
}

/** Replaces an editor's content the way a paste or the site would, then tells listeners. */
export async function setEditorHtml(field: Locator, html: string): Promise<void> {
  await field.evaluate((el, markup) => {
    el.innerHTML = markup;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, html);
}

/** The folded badge text, read through the shadow root. */
export async function badgeText(badge: Locator): Promise<string> {
  return badge.evaluate((host) => host.shadowRoot?.querySelector('.chip .text')?.textContent ?? '');
}
