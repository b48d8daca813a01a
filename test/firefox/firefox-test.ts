import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from '@/test/firefox/firefox-session';

/**
 * Playwright's runner (timeouts, retries, expect.poll) around a puppeteer-driven Firefox:
 * each test gets a fresh browser, profile and add-on install.
 */
export const test = base.extend<{ firefox: FirefoxSession; firefoxPrefs: Record<string, unknown> }>({
  /** More Firefox prefs for a describe block: test.use({ firefoxPrefs: { ... } }). */
  firefoxPrefs: [{}, { option: true }],
  firefox: async ({ firefoxPrefs }, use) => {
    const session = await launchFirefox({ prefs: firefoxPrefs });
    try {
      await use(session);
    } finally {
      await session.close();
    }
  },
});
export { expect };

/** The badge host's public contract attributes (the only badge on a fixture page). */
export async function badgeState(page: Page): Promise<Record<string, string> | null> {
  return page.evaluate(() => {
    const host = document.querySelector('tokentally-badge');
    if (!host) return null;
    return Object.fromEntries(Array.from(host.attributes, (a) => [a.name, a.value]));
  });
}

/** The popup card's contract attributes for `provider`, or null while it is not shown. */
export async function popupCard(popup: Page, provider: string): Promise<Record<string, string> | null> {
  return popup.evaluate((id) => {
    const card = document.querySelector(`[data-provider="${id}"]`);
    if (!card) return null;
    return Object.fromEntries(Array.from(card.attributes, (a) => [a.name, a.value]));
  }, provider);
}

/** Requests that went anywhere but the origin of the page that made them (extension pages have none). */
export function offOriginRequests(session: FirefoxSession): string[] {
  return session.requests
    .filter(({ url, from }) => {
      const { protocol, origin } = new URL(url);
      if (protocol !== 'http:' && protocol !== 'https:') return false; // data:, blob:, moz-extension:
      return !/^https?:/.test(from) || origin !== new URL(from).origin;
    })
    .map(({ url, from }) => `${from} -> ${url}`);
}

/** Nothing left a page's origin, and nothing (background page included) bypassed interception. */
export function expectNoRequestLeftTheOrigin(session: FirefoxSession): void {
  expect(offOriginRequests(session), 'requests to another origin').toEqual([]);
  expect(session.trapped, 'requests that bypassed interception (background page, other tabs)').toEqual([]);
}
