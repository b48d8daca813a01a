import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { setStoredCorrections } from '@/test/e2e/extension-storage';
import { test, expect, serviceWorkerOf } from '@/test/e2e/extension-fixture';
import { workerControl } from '@/test/e2e/extension-control';
import { badgeAfter, o200kTokens, openFixture } from '@/test/e2e/badge-helpers';
import { modelForId } from '@/utils/core/models/model-registry';
import { estimateClaudeTokens, isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';

/**
 * Counts after Chrome stops the idle service worker. The tokenizers live in the
 * counting document (an offscreen document), which the worker's stop does not touch: the next
 * edit is counted, exactly, without waking the worker. Without that document (Firefox has none;
 * here it is closed) the background counts itself.
 */

const CLAUDE = { url: 'https://claude.ai/new', file: 'claude.html', field: 'fieldset .ProseMirror' };
const PLAYGROUND = { url: 'https://platform.openai.com/playground/chat', file: 'openai-playground.html', field: 'textarea[aria-label="User message"]' };


/**
 * Waits until the page has sent what it sends once at start (its site health, 3 s after the
 * script starts): a stop before that would see the worker woken by it, not by counting.
 */
async function startupMessagesSent(context: BrowserContext, host: string): Promise<void> {
  const sw = await serviceWorkerOf(context);
  await expect
    .poll(() => sw.evaluate(async (h) => !!((await chrome.storage.local.get('siteHealth')).siteHealth as Record<string, unknown> | undefined)?.[h], host), { timeout: 15_000 })
    .toBe(true);
}

async function typeAndExpectCount(page: Page, text: string): Promise<void> {
  const field = page.locator(PLAYGROUND.field);
  await field.press('End');
  await page.keyboard.type(text);
  await expect(badgeAfter(field)).toHaveAttribute('data-tokens', String(o200kTokens(await field.inputValue())));
}

test('after the service worker is stopped, the next edits are counted exactly without waking it', async ({ context }) => {
  const worker = await workerControl(context);
  const page = await openFixture(context, PLAYGROUND.url, PLAYGROUND.file);
  const field = page.locator(PLAYGROUND.field);
  await field.click();
  await typeAndExpectCount(page, 'A prompt typed before the worker went idle.');
  await startupMessagesSent(context, 'platform.openai.com');
  for (const edit of [' Then one more sentence', ' and QZX #@ edits nobody predicted.']) {
    await worker.stop();
    await page.waitForTimeout(300); // the port's disconnect (if any) reaches the page
    await typeAndExpectCount(page, edit);
    expect(worker.running(), 'counting needed the stopped worker').toBe(false);
  }
});

test('without the counting document the background counts, and reopens it', async ({ context }) => {
  const page = await openFixture(context, PLAYGROUND.url, PLAYGROUND.file);
  const field = page.locator(PLAYGROUND.field);
  await field.click();
  await typeAndExpectCount(page, 'Counted by the counting document.');
  const sw = await serviceWorkerOf(context);
  const isOpen = () => sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length > 0);
  expect(await isOpen()).toBe(true);
  await sw.evaluate(() => chrome.offscreen.closeDocument());
  expect(await isOpen()).toBe(false);
  await typeAndExpectCount(page, ' Counted while it is closed.');
  await typeAndExpectCount(page, ' And again.');
  await expect.poll(isOpen).toBe(true);
  // Once reopened, the counting document answers again after a worker stop.
  const worker = await workerControl(context);
  await worker.stop();
  await page.reload();
  await page.locator(PLAYGROUND.field).click();
  await typeAndExpectCount(page, 'After a reload.');
});

test('Claude estimates too: counted after a stop without waking the worker, with the stored correction applied once', async ({ context }) => {
  const worker = await workerControl(context);
  const ratio = 1.1;
  const sw = await serviceWorkerOf(context);
  await setStoredCorrections(sw, { 'claude47-estimate': { ratio, samples: 5, updated: Date.now() }, 'claude3-estimate': { ratio, samples: 5, updated: Date.now() } });
  const page = await openFixture(context, CLAUDE.url, CLAUDE.file);
  const field = page.locator(CLAUDE.field);
  const badge = badgeAfter(field);
  await field.click();
  // Independent of the extension's code path: the estimator on the whole text, with gpt-tokenizer's o200k.
  const expected = async () => {
    const counter = modelForId((await badge.getAttribute('data-model')) ?? '')?.counter;
    if (!counter || !isClaudeEstimator(counter)) throw new Error(`badge model is not a Claude model: ${await badge.getAttribute('data-model')}`);
    return String(Math.round(estimateClaudeTokens(await field.innerText(), counter, o200kTokens) * ratio));
  };
  await page.keyboard.type('A Claude prompt typed before the worker went idle.');
  await expect.poll(async () => (await badge.getAttribute('data-tokens')) === (await expected())).toBe(true);
  await startupMessagesSent(context, 'claude.ai');
  for (const edit of [' Then one more sentence', ' and QZX #@ edits nobody predicted.']) {
    await worker.stop();
    await page.waitForTimeout(300);
    await field.press('End');
    await page.keyboard.type(edit);
    await expect.poll(async () => (await badge.getAttribute('data-tokens')) === (await expected())).toBe(true);
    expect(worker.running(), 'a Claude estimate needed the stopped worker').toBe(false);
  }
});
