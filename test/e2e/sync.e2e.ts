import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, launchWithExtension, serviceWorkerOf } from '@/test/e2e/extension-fixture';
import { seedEvent, type SeedEvent } from '@/test/e2e/stored-usage';

/**
 * "All your browsers" through browser sync, on the built extension: another browser's
 * aggregates are written into storage.sync as that browser would (or copied whole from a
 * second profile, as Chrome Sync does), and the popup's scopes, the options page's list and its
 * Remove are checked against numbers summed here.
 */

async function record(page: Page, events: SeedEvent[]): Promise<void> {
  for (const e of events) expect(await page.evaluate((ev) => chrome.runtime.sendMessage({ type: 'record-usage', event: ev }), e)).toMatchObject({ ok: true });
}

/** The current billing period's start with the default cycle (1st of the month, UTC), as the popup computes it. */
function periodStart(now = new Date()): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
}

const OTHER = 'feedface00000001';
const STALE = 'feedface00000002';
const HOSTILE = 'feedface00000003';

function otherBrowserItems(): Record<string, unknown> {
  const from = periodStart();
  return {
    // A desktop that synced a minute ago: OpenAI gpt-5 (prompt 500, context 250, output 50, 1 turn, $0.25) and a Claude turn.
    [`tt-sync:${OTHER}:m`]: { v: 1, n: 'Work desktop', u: Date.now() - 60_000, c: 1, d: 0 },
    [`tt-sync:${OTHER}:0`]: [
      ['openai', from, [['gpt-5', 500, 250, 50, 1, 0.25]]],
      ['anthropic', from, [['claude-opus-4-8', 70, 0, 30, 1, 1]]],
      ['openai', from - 40 * 86_400_000, [['gpt-5', 99_999, 0, 99_999, 9]]],
    ],
    // A laptop last seen ten days ago: still counted, marked stale.
    [`tt-sync:${STALE}:m`]: { v: 1, n: 'Old laptop', u: Date.now() - 10 * 86_400_000, c: 1, d: 0 },
    [`tt-sync:${STALE}:0`]: [['openai', from, [['gpt-4o', 10, 0, 5, 1, 0.01]]]],
    // What a hostile content script could write in Firefox: impossible numbers, markup in the name, a forged settings key is left alone.
    [`tt-sync:${HOSTILE}:m`]: { v: 1, n: '<img src=x onerror=alert(1)>', u: Date.now(), c: 1, d: 0 },
    [`tt-sync:${HOSTILE}:0`]: [['openai', from, [['gpt-5', 1e15, 0, -1, 1], ['gpt-4o', 'many']]]],
  };
}

async function card(page: Page, provider: string) {
  const el = page.locator(`[data-provider="${provider}"]`);
  return { input: Number(await el.getAttribute('data-input-tokens')), output: Number(await el.getAttribute('data-output-tokens')), cost: Number(await el.getAttribute('data-cost-usd')) };
}

test('"All your browsers" sums this browser with the others in sync, "This browser" shows only its own; the choice persists; Remove takes one off', async ({ openExtensionPage }) => {
  const seeder = await openExtensionPage('popup.html');
  await record(seeder, [seedEvent({ provider: 'openai', model: 'gpt-5', promptTokens: 1000, contextTokens: 0, outputTokens: 100, costUsd: 0.5 })]);
  await seeder.evaluate((items) => chrome.storage.sync.set(items), otherBrowserItems());
  const settingsBefore = await seeder.evaluate(() => chrome.storage.sync.get('settings.limits'));

  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('[data-scope="all"]')).toHaveAttribute('aria-pressed', 'true');
  // 1000 + 750 + 10 input, 100 + 50 + 5 output: the hostile device's rows are rejected, older months are not this period.
  await expect(popup.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '1760');
  expect(await card(popup, 'openai')).toEqual({ input: 1760, output: 155, cost: 0.76 });
  expect(await card(popup, 'anthropic')).toMatchObject({ input: 70, output: 30 });
  await expect(popup.getByTestId('other-browsers')).toContainText('Work desktop');
  await expect(popup.getByTestId('other-browsers')).toContainText('1 not updated for over a week');

  await popup.locator('[data-scope="this"]').click();
  await expect(popup.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '1000');
  await expect(popup.locator('[data-provider="anthropic"]')).toHaveCount(0);
  await expect(popup.locator('[data-scope="this"]')).toHaveAttribute('aria-pressed', 'true');

  // The choice persists across opens.
  const again = await openExtensionPage('popup.html');
  await expect(again.locator('[data-scope="this"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(again.locator('[data-provider="openai"]')).toHaveAttribute('data-output-tokens', '100');
  await again.locator('[data-scope="all"]').click();
  await expect(again.locator('[data-provider="openai"]')).toHaveAttribute('data-output-tokens', '155');

  // The options page lists them, marks the stale one, and removes the desktop.
  const options = await openExtensionPage('options.html');
  const rows = options.locator('#devices [data-device-id]');
  await expect(options.locator(`[data-device-id="${OTHER}"]`)).toContainText('Work desktop');
  await expect(options.locator(`[data-device-id="${STALE}"]`)).toHaveAttribute('data-stale', 'true');
  await expect(options.locator(`[data-device-id="${HOSTILE}"]`)).toContainText('<img src=x onerror=alert(1)>');
  expect(await options.locator(`[data-device-id="${HOSTILE}"] img`).count()).toBe(0);
  const before = await rows.count();
  await options.locator(`[data-device-id="${OTHER}"]`).getByRole('button', { name: 'Remove Work desktop' }).click();
  await expect(options.locator(`[data-device-id="${OTHER}"]`)).toHaveCount(0);
  await expect(rows).toHaveCount(before - 1);
  const left = await options.evaluate(() => chrome.storage.sync.get(null));
  expect(Object.keys(left).filter((k) => k.includes('feedface00000001'))).toEqual([]);
  expect(Object.keys(left)).toContain(`tt-sync:${STALE}:m`);

  // The open popup follows: the desktop's numbers are gone, the stale laptop's remain.
  await expect(again.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '1010');
  await expect(again.locator('[data-provider="anthropic"]')).toHaveCount(0);
  // Nothing read from sync changed this browser's settings.
  expect(await seeder.evaluate(() => chrome.storage.sync.get('settings.limits'))).toEqual(settingsBefore);
});

async function syncItems(context: BrowserContext, id: string): Promise<Record<string, unknown>> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  const all = await page.evaluate(() => chrome.storage.sync.get(null));
  await page.close();
  return all;
}

test("copying one browser's whole storage.sync into another is enough for the second to show both", async () => {
  const a = await launchWithExtension();
  const b = await launchWithExtension();
  try {
    const idA = (await serviceWorkerOf(a.context)).url().split('/')[2]!;
    const idB = (await serviceWorkerOf(b.context)).url().split('/')[2]!;
    const pageA = await a.context.newPage();
    await pageA.goto(`chrome-extension://${idA}/popup.html`);
    await record(pageA, [
      seedEvent({ provider: 'openai', model: 'gpt-5', promptTokens: 300, contextTokens: 200, outputTokens: 40, costUsd: 0.1 }),
      seedEvent({ provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 120, contextTokens: 0, outputTokens: 60, costUsd: 0.2 }),
    ]);
    // A's background writes its aggregates on its own, batched after the recorded turns.
    await expect.poll(async () => Object.keys(await syncItems(a.context, idA)).filter((k) => k.startsWith('tt-sync:')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const copied = await syncItems(a.context, idA);
    const keysA = Object.keys(copied).filter((k) => k.startsWith('tt-sync:'));
    // Chrome's own count of the bytes A's aggregates take, against the per-browser budget (utils/core/sync/sync-format.ts).
    const bytesA = await pageA.evaluate((keys) => chrome.storage.sync.getBytesInUse(keys), keysA);
    console.log(`[sync] A's aggregates: ${keysA.length} items, ${bytesA} bytes`);
    expect(keysA.length).toBeLessThanOrEqual(3);
    expect(bytesA).toBeLessThanOrEqual(9_728);

    const pageB = await b.context.newPage();
    await pageB.goto(`chrome-extension://${idB}/popup.html`);
    await record(pageB, [seedEvent({ provider: 'openai', model: 'gpt-5', promptTokens: 1000, contextTokens: 0, outputTokens: 100, costUsd: 0.5 })]);
    await pageB.evaluate((items) => chrome.storage.sync.set(items), copied);

    const popupB = await b.context.newPage();
    await popupB.goto(`chrome-extension://${idB}/popup.html`);
    await expect(popupB.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '1500');
    await expect(popupB.locator('[data-provider="openai"]')).toHaveAttribute('data-output-tokens', '140');
    await expect(popupB.locator('[data-provider="anthropic"]')).toHaveAttribute('data-input-tokens', '120');
    await popupB.locator('[data-scope="this"]').click();
    await expect(popupB.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '1000');
    await expect(popupB.locator('[data-provider="anthropic"]')).toHaveCount(0);

    // B lists A; A's own view of itself is this browser, with no Remove.
    const optionsB = await b.context.newPage();
    await optionsB.goto(`chrome-extension://${idB}/options.html#devices`);
    await expect(optionsB.locator('#devices [data-device-id]:not([data-this-browser])')).toHaveCount(1);

    // A turns its syncing off: its keys leave its storage.sync, nothing else does.
    const optionsA = await a.context.newPage();
    await optionsA.goto(`chrome-extension://${idA}/options.html#devices`);
    await optionsA.locator('input[name="sync-enabled"]').uncheck();
    await expect.poll(async () => Object.keys(await syncItems(a.context, idA)).filter((k) => k.startsWith('tt-sync:')).length).toBe(0);
    expect(Object.keys(await syncItems(a.context, idA)).some((k) => k.startsWith('settings.'))).toBe(Object.keys(copied).some((k) => k.startsWith('settings.')));
  } finally {
    await a.close();
    await b.close();
  }
});
