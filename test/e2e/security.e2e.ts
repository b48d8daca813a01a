import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { importThroughOptions, readStoredEvents, seedEvent, type StoredEvent } from '@/test/e2e/stored-usage';
import { inContentScriptWorld } from '@/test/e2e/extension-control';

/**
 * An attack run against the built extension. A content script runs in the site's renderer,
 * so a compromised renderer can run any code in TokenTally's content-script world; a hostile
 * page runs code in its own world. From both, try each attack (delete everything, forge
 * records for another site, import, absurd records, read the API key): the real records must
 * survive unchanged and nothing forged may land. The content-script
 * world is reached through the DevTools protocol (the isolated world Chromium names after the
 * extension), so the attack runs with exactly a content script's powers.
 */

const KEY = 'sk-ant-api03-securityE2eKeyAbcdefghijklmnopqrstuvwxyz';

const realEvent = (i: number) =>
  seedEvent({ id: `real-record-${String(i).padStart(4, '0')}`, time: Date.now() - i * 3_600_000, provider: 'openai', model: 'gpt-4o', promptTokens: 100 + i, contextTokens: 1000, outputTokens: 300, costUsd: 0.005, priceDate: '2026-09-23' });
const REAL = [realEvent(1), realEvent(2), realEvent(3)];

/** Every record in the usage database's events store, read from an extension page, in id order. */
async function storedEvents(extensionPage: Page): Promise<StoredEvent[]> {
  return (await readStoredEvents(extensionPage)).sort((a, b) => a.id.localeCompare(b.id));
}

/** The options page with real records imported through its own Import button and a key saved through its field. */
async function seedRealData(openExtensionPage: (name: 'options.html') => Promise<Page>): Promise<Page> {
  const options = await openExtensionPage('options.html');
  await importThroughOptions(options, REAL);
  await options.locator('#accuracy summary').click(); // Accuracy starts collapsed
  await options.getByLabel('Anthropic API key').fill(KEY);
  await options.getByRole('button', { name: 'Save key' }).click();
  await expect(options.getByText(/Stored: sk-ant-api03-s…/)).toBeVisible();
  return options;
}

const forged = (patch: Record<string, unknown>) => JSON.stringify({ ...realEvent(9), id: `forged-${Math.random().toString(36).slice(2, 10)}`, ...patch });

test('a compromised content-script world can delete, forge, import and read nothing', async ({ context, openExtensionPage }) => {
  const options = await seedRealData(openExtensionPage);
  const before = await storedEvents(options);
  expect(before.map((e) => e.id)).toEqual(REAL.map((e) => e.id));

  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt.html'));
  const page = await context.newPage();
  const run = await inContentScriptWorld(context, page, 'https://chatgpt.com/');
  const send = (message: string) => run(`chrome.runtime.sendMessage(${message})`) as Promise<{ ok: boolean; error?: string }>;

  // The content-script world really is TokenTally's: it may ask for a count.
  expect(await send(`{ type: 'count', tokenizer: 'o200k', segments: ['hello world'] }`)).toEqual({ ok: true, value: { counts: [2] } });

  for (const message of [
    `{ type: 'delete-all-usage' }`,
    `{ type: 'apply-retention' }`,
    `{ type: 'import-usage', events: [${forged({ site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' })}] }`,
    `{ type: 'record-usage', event: ${forged({ site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' })} }`,
    `{ type: 'record-usage', event: ${forged({ site: 'gemini.google.com', provider: 'google', model: 'gemini-2.5-pro' })} }`,
    `{ type: 'record-usage', event: ${forged({ site: 'chat.deepseek.com', provider: 'deepseek', model: 'deepseek-chat' })} }`,
    `{ type: 'record-usage', event: ${forged({ site: 'copilot.microsoft.com', provider: 'openai', model: 'gpt-5' })} }`,
    `{ type: 'record-usage', event: ${forged({ provider: 'deepseek', model: 'deepseek-chat' })} }`,
    `{ type: 'record-usage', event: ${forged({ provider: 'anthropic', model: 'claude-sonnet-4-5' })} }`,
    `{ type: 'record-usage', event: ${forged({ promptTokens: 5_000_000_000, costUsd: 75_000 })} }`,
    `{ type: 'record-usage', event: ${forged({ contextTokens: 900_000_000 })} }`,
    `{ type: 'record-usage', event: ${forged({ costUsd: 75_000 })} }`,
    `{ type: 'record-usage', event: ${forged({ time: 9e15 })} }`,
    `{ type: 'record-usage', event: ${forged({ costUsd: 1.7e308 })} }`,
    `{ type: 'record-usage', event: ${forged({ kind: 'clay-run', provider: 'clay', credits: 1e6 })} }`,
    `{ type: 'record-usage', event: { ...${forged({})}, text: 'smuggled prompt' } }`,
  ]) {
    const reply = await send(message);
    expect(reply, message.slice(0, 80)).toMatchObject({ ok: false });
  }
  // The long-lived request port gets the same checks.
  const viaPort = await run(`new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'tokentally-requests' });
    port.onMessage.addListener((m) => resolve(m));
    port.postMessage({ id: 1, request: { type: 'delete-all-usage' } });
  })`);
  expect(viaPort).toMatchObject({ id: 1, reply: { ok: false, refused: true } });

  // The API key is nowhere a content script can read.
  // Extension storage is closed to content scripts (storage-access.ts); the key would not be there anyway.
  const local = JSON.stringify(await run(`chrome.storage.local.get(null).then(JSON.stringify)`));
  expect(local).toContain('Access to storage is not allowed');
  expect(local).not.toContain('sk-ant');
  expect(JSON.stringify(await run(`chrome.storage.session.get(null).then(JSON.stringify, (e) => 'refused: ' + e.message)`))).not.toContain('sk-ant');
  expect(JSON.stringify(await run(`chrome.storage.sync.get(null).then(JSON.stringify)`))).not.toContain('sk-ant');
  // Its IndexedDB is the site's, not the extension's.
  expect(await run(`new Promise((resolve) => { const r = indexedDB.open('tokentally-secrets'); r.onsuccess = () => resolve(Array.from(r.result.objectStoreNames)); r.onerror = () => resolve('error'); })`)).toEqual([]);
  // No message hands it out: the exact-count reply carries a count or a reason, never the key.
  expect(JSON.stringify(await send(`{ type: 'count-exact', text: 'hi', modelId: 'claude-sonnet-4-5' }`))).not.toContain('sk-ant');

  // The real records are exactly as they were, and nothing forged is stored.
  expect(await storedEvents(options)).toEqual(before);
  await page.close();
});

test('a hostile page cannot reach the background at all', async ({ context, openExtensionPage, extensionId }) => {
  const options = await seedRealData(openExtensionPage);
  const before = await storedEvents(options);
  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt.html'));
  const page = await context.newPage();
  await page.goto('https://chatgpt.com/');
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  const attempts = await page.evaluate(async (id) => {
    const results: string[] = [];
    const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome;
    for (const message of [{ type: 'delete-all-usage' }, { type: 'import-usage', events: [] }]) {
      try {
        const reply = await chromeApi?.runtime?.sendMessage?.(id, message);
        results.push(`reply: ${JSON.stringify(reply)}`);
      } catch (error) {
        results.push(`refused: ${(error as Error).message}`);
      }
    }
    // Messages to the content script's window are not an interface either.
    window.postMessage({ type: 'delete-all-usage' }, '*');
    window.postMessage({ type: 'record-usage', event: { id: 'forged-by-page', time: Date.now(), site: 'chatgpt.com' } }, '*');
    return results;
  }, extensionId);
  for (const attempt of attempts) expect(attempt).not.toMatch(/^reply: \{"ok":true/);
  await page.waitForTimeout(500);
  expect(await storedEvents(options)).toEqual(before);
});

test('records already stored out of bounds: the popup and export still work and say how many were skipped', async ({ openExtensionPage }, testInfo) => {
  const options = await seedRealData(openExtensionPage);
  // Written straight into the extension's IndexedDB, past every check on the way in.
  await options.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tokentally-usage');
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          for (const r of records) tx.objectStore('events').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [
      { ...realEvent(7), id: 'absurd-time-0001', time: 9e15 },
      { ...realEvent(8), id: 'absurd-cost-0001', costUsd: 1.7e308 },
      { ...realEvent(9), id: 'absurd-tokens-001', promptTokens: 2 ** 53 - 1 },
    ],
  );

  const popup = await openExtensionPage('popup.html');
  const card = popup.locator('[data-provider="openai"]');
  const expectedInput = REAL.reduce((n, e) => n + e.promptTokens + e.contextTokens, 0);
  await expect(card).toHaveAttribute('data-input-tokens', String(expectedInput));
  expect(Number(await card.getAttribute('data-cost-usd'))).toBeCloseTo(0.015, 9);
  await expect(popup.getByTestId('skipped-records')).toHaveText('3 records out of bounds skipped');
  await expect(popup.getByRole('img', { name: /Daily tokens/ })).toBeVisible();
  await expect(popup.locator('tr[data-event-id]')).toHaveCount(3);
  const text = await popup.locator('body').innerText();
  expect(text).not.toMatch(/NaN|∞|Invalid/);

  for (const format of ['CSV', 'JSON'] as const) {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: `Export usage (${format})` }).click()]);
    const path = testInfo.outputPath(`export.${format.toLowerCase()}`);
    await download.saveAs(path);
    await expect(options.getByText(`Exported ${format} (3 records out of bounds skipped).`)).toBeVisible();
    const content = readFileSync(path, 'utf8');
    if (format === 'JSON') expect(JSON.parse(content).events.map((e: { id: string }) => e.id)).toEqual([...REAL].reverse().map((e) => e.id)); // oldest first
    else expect(content.trim().split('\r\n')).toHaveLength(1 + REAL.length);
  }
});

test('the attack suite on the chats added in 2026-12: a compromised world on chat.deepseek.com records nothing for another site or provider', async ({ context, openExtensionPage }) => {
  const options = await seedRealData(openExtensionPage);
  const before = await storedEvents(options);
  await servePage(context, 'https://chat.deepseek.com/', fixtureHtml('deepseek-2026.html'));
  const page = await context.newPage();
  const run = await inContentScriptWorld(context, page, 'https://chat.deepseek.com/');
  const send = (message: string) => run(`chrome.runtime.sendMessage(${message})`) as Promise<{ ok: boolean; error?: string }>;
  // Its world is TokenTally's: it may count with DeepSeek's own vocabulary.
  expect(await send(`{ type: 'count', tokenizer: 'deepseek3', segments: ['hello world'] }`)).toMatchObject({ ok: true });
  for (const message of [
    `{ type: 'record-usage', event: ${forged({ site: 'chat.deepseek.com', provider: 'openai', model: 'gpt-5' })} }`,
    `{ type: 'record-usage', event: ${forged({ site: 'copilot.microsoft.com', provider: 'openai', model: 'gpt-5' })} }`,
    `{ type: 'record-usage', event: ${forged({ site: 'chat.qwen.ai', provider: 'alibaba', model: 'qwen3-max' })} }`,
    `{ type: 'record-usage', event: ${forged({ site: 'chat.deepseek.com', provider: 'deepseek', model: 'deepseek-chat', promptTokens: 5_000_000_000 })} }`,
    `{ type: 'delete-all-usage' }`,
  ]) {
    expect(await send(message), message.slice(0, 90)).toMatchObject({ ok: false });
  }
  expect(await storedEvents(options)).toEqual(before);
  await page.close();
});
