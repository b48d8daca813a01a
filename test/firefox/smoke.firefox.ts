import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import type { Page } from 'puppeteer-core';
import { test, expect, badgeState, popupCard, offOriginRequests, expectNoRequestLeftTheOrigin } from './firefox-test';
import type { FirefoxSession } from './firefox-session';

/**
 * The built Firefox add-on (.output/firefox-mv3) in a real Firefox: counting, recording, the
 * popup and the options page, against fixture pages served at the real site URLs. Everything
 * is checked through public contracts: the badge's and the popup's data-* attributes.
 */

/** o200k count of `text` as a chat UI sends it (special-token strings stay plain text). */
const o200k = (text: string) => encode(text, { disallowedSpecial: new Set() }).length;

/** The project's own count of `text` for `model`, in Node (`npm run count`: same pipeline and data as the add-on). */
function projectCount(text: string, model: string): { tokens: number; exact: boolean } {
  const out = execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/count.ts', '--model', model, '--json', '-'], { input: text, encoding: 'utf8' });
  return JSON.parse(out) as { tokens: number; exact: boolean };
}

/** Paragraph-wise counting may split a merge at a paragraph edge: a sliver, never a different size. */
function expectNear(actual: number, expected: number, label: string): void {
  const slack = Math.max(2, Math.ceil(expected * 0.03));
  expect(Math.abs(actual - expected), `${label}: got ${actual}, expected about ${expected}`).toBeLessThanOrEqual(slack);
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector('html[data-tokentally="active"]');
  await page.waitForSelector(selector);
  await page.click(selector);
  await page.keyboard.type(text);
}

const CHATGPT = { url: 'https://chatgpt.com/', file: 'chatgpt.html', field: '#prompt-textarea' };
const CLAUDE = { url: 'https://claude.ai/new', file: 'claude.html', field: 'fieldset .ProseMirror' };
const CHATGPT_RECORDING = { url: 'https://chatgpt.com/', file: 'recording-chatgpt.html', field: '#prompt-textarea', send: 'button[data-testid="send-button"]' };

interface Turn {
  prompt: string;
  context: string;
  reply: string;
}

/** Types a prompt on the ChatGPT recording fixture, sends it and waits for the streamed reply. */
async function recordChatGptTurn(firefox: FirefoxSession, prompt: string): Promise<Turn> {
  const site = CHATGPT_RECORDING;
  const page = await firefox.openSite(site.url, site.file);
  const thread = () => page.$$eval('#thread > *', (messages) => messages.map((m) => m.textContent ?? ''));
  const context = (await thread()).join('\n\n');
  await typeInto(page, site.field, prompt);
  await page.click(site.send);
  await page.waitForSelector('body[data-reply-done="1"]', { timeout: 20_000 });
  return { prompt, context, reply: (await thread()).at(-1)! };
}

test('ChatGPT: the badge counts typed text exactly, equal to o200k in Node', async ({ firefox }) => {
  const page = await firefox.openSite(CHATGPT.url, CHATGPT.file);
  const text = 'Summarise the attached quarterly report in five bullet points — revenue, churn, hiring (2026 Q3).';
  await typeInto(page, CHATGPT.field, text);

  const expected = o200k(text);
  await expect
    .poll(async () => {
      const badge = await badgeState(page);
      return badge && { state: badge['data-state'], tokens: badge['data-tokens'] };
    })
    .toEqual({ state: 'ready', tokens: String(expected) });
  const badge = (await badgeState(page))!;
  expect(badge['data-exact']).toBe('true');
  expect(projectCount(text, badge['data-model']!)).toMatchObject({ tokens: expected, exact: true });
  expect(Number(badge['data-cost-usd'])).toBeGreaterThan(0);
  expectNoRequestLeftTheOrigin(firefox);
});

test('Claude: the badge shows an estimate (data-exact="false"), the project\'s own estimate for the page\'s model', async ({ firefox }) => {
  const page = await firefox.openSite(CLAUDE.url, CLAUDE.file);
  const text = 'Draft a polite reply declining the meeting, and suggest two other times next week.';
  await typeInto(page, CLAUDE.field, text);

  await expect.poll(async () => (await badgeState(page))?.['data-model'] ?? '').toMatch(/^claude-/);
  const model = (await badgeState(page))!['data-model']!;
  const expected = projectCount(text, model);
  expect(expected.exact).toBe(false);
  // No public Claude tokenizer: the estimate must still track the text, not sit at ~0.
  expect(expected.tokens).toBeGreaterThanOrEqual(o200k(text));
  await expect
    .poll(async () => {
      const badge = await badgeState(page);
      return badge && { state: badge['data-state'], tokens: badge['data-tokens'], exact: badge['data-exact'] };
    })
    .toEqual({ state: 'ready', tokens: String(expected.tokens), exact: 'false' });
  expectNoRequestLeftTheOrigin(firefox);
});

test('a recorded ChatGPT turn shows in the popup\'s contract attributes', async ({ firefox }) => {
  const turn = await recordChatGptTurn(firefox, 'How many zebra quantum marmalade tokens fit in a short email, roughly?');

  const popup = await firefox.openExtensionPage('popup.html');
  await expect.poll(() => popupCard(popup, 'openai'), { timeout: 20_000 }).not.toBeNull();
  const card = (await popupCard(popup, 'openai'))!;
  expectNear(Number(card['data-input-tokens']), o200k(turn.prompt) + o200k(turn.context), 'input tokens (prompt + context)');
  expectNear(Number(card['data-output-tokens']), o200k(turn.reply), 'output tokens');
  expect(Number(card['data-cost-usd'])).toBeGreaterThan(0);
  // Exactly one turn: no other provider's card, and the totals are one event's.
  expect(await popup.$$eval('[data-provider]', (cards) => cards.map((c) => c.getAttribute('data-provider')))).toEqual(['openai']);
  expectNoRequestLeftTheOrigin(firefox);
});

test('a limit saved on the options page is shown by the popup (data-limit-used)', async ({ firefox }) => {
  await recordChatGptTurn(firefox, 'What does a billion input tokens cost on each provider today?');
  const options = await firefox.openExtensionPage('options.html');
  await expect.poll(() => options.$('fieldset[data-provider="openai"] input').then(Boolean)).toBe(true);
  const limitField = await options.evaluateHandle(
    () => Array.from(document.querySelectorAll<HTMLLabelElement>('fieldset[data-provider="openai"] label')).find((l) => l.textContent?.trim() === 'Monthly token limit')!.control!,
  );
  await limitField.click({ count: 3 });
  await options.keyboard.type('100,000');
  await options.click('button[type="submit"]');
  await expect.poll(() => options.$eval('[data-testid="save-status"]', (s) => s.textContent?.trim())).toBe('Saved');

  const popup = await firefox.openExtensionPage('popup.html');
  await expect.poll(async () => (await popupCard(popup, 'openai'))?.['data-limit-used'] ?? '', { timeout: 20_000 }).not.toBe('');
  const card = (await popupCard(popup, 'openai'))!;
  const used = Number(card['data-input-tokens']) + Number(card['data-output-tokens']);
  expect(used).toBeGreaterThan(0);
  expect(Number(card['data-limit-used'])).toBeCloseTo(used / 100_000, 9);
  expectNoRequestLeftTheOrigin(firefox);
});

test('the request log catches a request to another origin, from a page or from the background page', async ({ firefox }) => {
  // The checks above can fail: a page's request elsewhere is seen (and refused)...
  const page = await firefox.openSite(CHATGPT.url, CHATGPT.file);
  await page.evaluate(() => fetch('https://leak.example/from-page').catch(() => null));
  expect(offOriginRequests(firefox)).toEqual([`${CHATGPT.url} -> https://leak.example/from-page`]);

  // ...and so is one from the add-on's background page, which no tab's interception sees.
  const popup = await firefox.openExtensionPage('popup.html');
  await popup.evaluate(async () => {
    const background = (await browser.runtime.getBackgroundPage()) as unknown as typeof globalThis;
    await background.fetch('https://leak.example/from-background').catch(() => null);
  });
  expect(firefox.trapped).toEqual(['CONNECT leak.example:443']);
});
