import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from '@/test/e2e/extension-fixture';
import { seedEvent } from '@/test/e2e/stored-usage';

/** Everything the extension keeps in storage.sync, read from an extension page. */
const syncStorage = (page: Page) => page.evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, any>>;

const openaiLimit = (page: Page) => page.locator('fieldset[data-provider="openai"]').getByLabel('Monthly token limit');

async function saveAndWait(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

test('a limit set on the options page is stored and drives the popup bar', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('heading', { level: 1, name: /TokenTally settings/ })).toBeVisible();
  await openaiLimit(page).fill('120,000');
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
  await saveAndWait(page);
  expect((await syncStorage(page))['settings.limits'].limits.openai.monthlyTokenLimit).toBe(120_000);

  // 25,000 input (prompt + context) + 5,000 output = 30,000 of 120,000 tokens.
  const reply = await page.evaluate(() =>
    chrome.runtime.sendMessage({
      type: 'record-usage',
      event: {
        id: 'e2e-options-limit-0001',
        time: Date.now(),
        site: 'chatgpt.com',
        provider: 'openai',
        model: 'gpt-4o',
        promptTokens: 20_000,
        contextTokens: 5_000,
        outputTokens: 5_000,
        costUsd: 0.1,
        priceDate: '2026-09-23',
        exact: true,
        kind: 'chat',
      },
    }),
  );
  expect(reply).toMatchObject({ ok: true });

  const popup = await openExtensionPage('popup.html');
  const card = popup.locator('[data-provider="openai"]');
  await expect(card).toHaveAttribute('data-limit-used', /\d/);
  expect(Number(await card.getAttribute('data-limit-used'))).toBeCloseTo(0.25, 6);

  // A new limit set on the options page moves the open popup's bar.
  await openaiLimit(page).fill('60000');
  await saveAndWait(page);
  await expect(card).toHaveAttribute('data-limit-used', '0.5');
});

test('bad input is refused with a visible message and the stored value is kept', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await openaiLimit(page).fill('5000');
  await saveAndWait(page);
  const before = await syncStorage(page);

  for (const [typed, message] of [
    ['-5', 'Must be 0 or more'],
    ['abc', 'Enter a number'],
    ['1e20', 'Must be at most 10,000,000,000,000'],
  ] as const) {
    await openaiLimit(page).fill(typed);
    await expect(page.locator('fieldset[data-provider="openai"]').getByText(message)).toBeVisible();
    await expect(openaiLimit(page)).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-status')).toContainText('Not saved');
    // Focus goes to the field to fix.
    await expect(openaiLimit(page)).toBeFocused();
  }
  // An empty cycle day is refused too (it has no "no limit" meaning).
  await page.locator('fieldset[data-provider="anthropic"]').getByLabel('Cycle starts on day').fill('');
  await expect(page.locator('fieldset[data-provider="anthropic"]').getByText('Enter a day from 1 to 28')).toBeVisible();
  // A valid change elsewhere in the same form must not be saved while any field is invalid.
  await page.locator('fieldset[data-provider="google"]').getByLabel('Monthly budget').fill('25');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-status')).toContainText('Not saved');
  expect(await syncStorage(page)).toEqual(before);

  // A malformed API key is refused and nothing reaches storage.local (Accuracy starts collapsed).
  await page.locator('#accuracy summary').click();
  await page.getByLabel('Anthropic API key').fill('sk-ant-oops');
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText('does not look like a complete Anthropic API key')).toBeVisible();
  expect(await page.evaluate(() => chrome.storage.local.get('anthropicApiKey'))).toEqual({});

  // After a reload the stored value is what shows.
  await page.reload();
  await expect(openaiLimit(page)).toHaveValue('5000');
});

test('settings export and import round-trip, and a bad file is refused', async ({ openExtensionPage }, testInfo) => {
  const page = await openExtensionPage('options.html');
  await openaiLimit(page).fill('777777');
  await page.locator('fieldset[data-provider="anthropic"]').getByLabel('Monthly budget').fill('42.5');
  await page.getByLabel('Alert thresholds').fill('50, 90, 100');
  await page.locator('#prices summary').click();
  await page.getByRole('row', { name: /gpt-4o-mini/ }).getByLabel(/input price override/).fill('0.2');
  await page.getByRole('row', { name: /gpt-4o-mini/ }).getByLabel(/output price override/).fill('0.8');
  await saveAndWait(page);
  const original = await syncStorage(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
  const file = testInfo.outputPath('settings.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('tokentally-settings');
  expect(exported.settings.limits.openai.monthlyTokenLimit).toBe(777_777);
  expect(JSON.stringify(exported)).not.toContain('sk-ant');

  // Change things, then import the file back: storage returns to the exported state.
  await openaiLimit(page).fill('1');
  await page.getByLabel('Alert thresholds').fill('100');
  await saveAndWait(page);
  expect(await syncStorage(page)).not.toEqual(original);
  // The file's changes are listed first; cancelling saves nothing, confirming saves them.
  await page.getByTestId('import-settings').setInputFiles(file);
  const preview = page.getByTestId('settings-import-preview');
  await expect(preview).toContainText('This file changes 2 settings:');
  await expect(preview.locator('li[data-path="limits.openai.monthlyTokenLimit"]')).toHaveText('Limits › OpenAI › Monthly token limit: 1 → 777,777');
  await expect(preview.locator('li[data-path="alertThresholds"]')).toHaveText('Alert thresholds: [1] → [0.5,0.9,1]');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('settings-import-result')).toContainText('nothing was changed');
  expect(await syncStorage(page)).not.toEqual(original);
  await page.getByTestId('import-settings').setInputFiles(file);
  await preview.getByRole('button', { name: 'Save these settings' }).click();
  await expect(page.getByTestId('settings-import-result')).toContainText('Settings imported and saved');
  expect(await syncStorage(page)).toEqual(original);
  await expect(openaiLimit(page)).toHaveValue('777777');

  // A stray file is refused with a reason, and resets nothing.
  for (const [name, content, message] of [
    ['empty.json', '{}', 'holds no TokenTally settings'],
    ['hello.json', '{"hello": 1}', 'holds no TokenTally settings'],
    ['usage.json', JSON.stringify({ format: 'tokentally-usage', version: 1, exportedAt: '2026-11-01T00:00:00Z', events: [] }), 'usage export, not settings'],
  ] as const) {
    await page.getByTestId('import-settings').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByTestId('settings-import-result')).toContainText(message);
    await expect(preview).toHaveCount(0);
    expect(await syncStorage(page)).toEqual(original);
  }

  // A file with an invalid value is refused, naming the field, and changes nothing.
  const bad = structuredClone(exported);
  bad.settings.limits.openai.monthlyTokenLimit = -3;
  await page.getByTestId('import-settings').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('settings-import-result')).toContainText('Limits › OpenAI › Monthly token limit: Must be 0 or more');
  await expect(page.getByTestId('settings-import-result')).not.toContainText('limits.openai');
  expect(await syncStorage(page)).toEqual(original);
});

test('usage data: import a file, export it, delete all only after confirming', async ({ openExtensionPage }, testInfo) => {
  const page = await openExtensionPage('options.html');
  const event = (i: number) =>
    seedEvent({ id: `e2e-import-${String(i).padStart(4, '0')}`, time: Date.now() - i * 60_000, provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 100 + i, outputTokens: 50, costUsd: null, priceDate: null });
  const file = { name: 'usage.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'tokentally-usage', version: 1, events: [event(1), event(2), event(3)] })) };
  await page.getByLabel('Import usage (JSON)').setInputFiles(file);
  await expect(page.getByText('Imported 3 records.')).toBeVisible();

  const exportEvents = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export usage (JSON)' }).click()]);
    const path = testInfo.outputPath(name);
    await download.saveAs(path);
    return JSON.parse(readFileSync(path, 'utf8')).events as Array<{ id: string }>;
  };
  expect((await exportEvents('a.json')).map((e) => e.id).sort()).toEqual(['e2e-import-0001', 'e2e-import-0002', 'e2e-import-0003']);

  // Cancelling the confirmation deletes nothing.
  await page.getByRole('button', { name: 'Delete all usage records…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await exportEvents('b.json')).toHaveLength(3);

  await page.getByRole('button', { name: 'Delete all usage records…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('All usage records deleted.')).toBeVisible();
  expect(await exportEvents('c.json')).toHaveLength(0);

  // A file that isn't a usage export is refused with a message.
  await page.getByLabel('Import usage (JSON)').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByText(/not a TokenTally usage export/)).toBeVisible();
});

test('the options page has no serious accessibility violations, in light and dark', async ({ openExtensionPage }) => {
  // axe walks ~2,000 timezone options and the price table twice: slow on a shared 2-core machine.
  test.setTimeout(150_000);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await openaiLimit(page).fill('-1'); // include the error state
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // The closed selects' ~2,000 timezone options dominate axe's run time and are checked as their select.
    const results = await new AxeBuilder({ page }).exclude('select > option').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), colorScheme).toEqual([]);
  }
});
