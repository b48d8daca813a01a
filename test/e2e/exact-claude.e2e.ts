// Service-worker fetches only reach Playwright's routes with this flag (see platform-facts.md);
import { setTrustedSettings } from '@/test/e2e/extension-storage';
// it must be set before the browser is launched by the fixture.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import type { BrowserContext, Page, Route } from '@playwright/test';
import { test, expect } from '@/test/e2e/extension-fixture';
import { badgeAfter, badgeText, openFixture } from '@/test/e2e/badge-helpers';

const COUNT_TOKENS_URL = 'https://api.anthropic.com/v1/messages/count_tokens';
const KEY = 'sk-ant-api03-e2eTestKeyAbcdefghijklmnopqrstuvwxyz0123';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
};

/** Stubs Anthropic's count_tokens endpoint (registered after the fixture's catch-all abort, so it wins). */
async function stubCountTokens(context: BrowserContext, reply: (body: { model: string; messages: Array<{ content: string }> }) => { status: number; json: unknown }) {
  const requests: Array<{ model: string; text: string; key: string | null }> = [];
  await context.route(COUNT_TOKENS_URL, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    const body = request.postDataJSON() as { model: string; messages: Array<{ content: string }> };
    requests.push({ model: body.model, text: body.messages[0]!.content, key: await request.headerValue('x-api-key') });
    const { status, json } = reply(body);
    return route.fulfill({ status, contentType: 'application/json', headers: CORS, body: JSON.stringify(json) });
  });
  return requests;
}

/** Turns the switch on (or leaves it off) as a save from the options page does, and saves the key through the options page's own field. */
async function configure(openExtensionPage: (name: 'options.html') => Promise<Page>, on: boolean): Promise<void> {
  const options = await openExtensionPage('options.html');
  await options.locator('#accuracy summary').click(); // Accuracy starts collapsed
  await options.getByLabel('Anthropic API key').fill(KEY);
  await options.getByRole('button', { name: 'Save key' }).click();
  await expect(options.getByText('sk-ant-api03-e…0123')).toBeVisible();
  await setTrustedSettings(options, { anthropicExactCounts: on });
  await options.evaluate(async (enabled) => {
    const section = ((await chrome.storage.sync.get('settings.accuracy'))['settings.accuracy'] ?? {}) as Record<string, unknown>;
    await chrome.storage.sync.set({ 'settings.accuracy': { ...section, anthropicExactCounts: enabled } });
  }, on);
  // The key is kept where no content script can read it.
  expect(JSON.stringify(await options.evaluate(() => chrome.storage.local.get(null)))).not.toContain(KEY);
  await options.close();
}

async function typeOnClaude(context: BrowserContext, text: string) {
  const page = await openFixture(context, 'https://claude.ai/new', 'claude.html');
  const field = page.locator('fieldset .ProseMirror');
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await field.click();
  await page.keyboard.type(text);
  return { page, badge };
}

test('switch on: after a typing pause the Claude badge shows Anthropic’s count as exact, with its source', async ({ context, openExtensionPage }) => {
  const requests = await stubCountTokens(context, () => ({ status: 200, json: { input_tokens: 4321 } }));
  await configure(openExtensionPage, true);
  const { badge } = await typeOnClaude(context, 'Count this prompt exactly, please.');

  await expect(badge).toHaveAttribute('data-exact', 'true', { timeout: 10_000 });
  await expect(badge).toHaveAttribute('data-tokens', '4321');
  expect(await badgeText(badge)).toMatch(/^4,321 tokens/); // no ≈
  // One request for the pause, carrying the text as typed, the page's model and the stored key.
  expect(requests).toEqual([{ model: 'claude-sonnet-4-5', text: 'Count this prompt exactly, please.', key: KEY }]);
  await badge.locator('button.chip').click();
  await expect(badge.locator('[data-field="count-source"]')).toContainText('Anthropic token counting API');
  await expect(badge.locator('[data-field="prompt-tokens"]')).toHaveText('4,321 tokens');
});

test('switch on, Anthropic refuses: the estimate stays and the expanded view says why', async ({ context, openExtensionPage }) => {
  const requests = await stubCountTokens(context, () => ({ status: 401, json: { error: { message: 'invalid x-api-key' } } }));
  await configure(openExtensionPage, true);
  const { badge } = await typeOnClaude(context, 'This key is wrong.');

  await expect.poll(() => requests.length, { timeout: 10_000 }).toBe(1);
  await badge.locator('button.chip').click();
  await expect(badge.locator('[data-field="exact-note"]')).toContainText('Anthropic rejected the API key', { timeout: 10_000 });
  await expect(badge).toHaveAttribute('data-exact', 'false');
  expect(await badgeText(badge)).toMatch(/^≈/);
});

test('switch off: nothing is sent to Anthropic, even with a key stored', async ({ context, openExtensionPage }) => {
  const requests = await stubCountTokens(context, () => ({ status: 200, json: { input_tokens: 1 } }));
  await configure(openExtensionPage, false);
  const { page, badge } = await typeOnClaude(context, 'Stay on this machine.');
  await expect(badge).toHaveAttribute('data-tokens', /^[1-9]\d*$/);
  await page.waitForTimeout(2500); // well past the 800 ms pause
  expect(requests).toEqual([]);
  await expect(badge).toHaveAttribute('data-exact', 'false');
});
