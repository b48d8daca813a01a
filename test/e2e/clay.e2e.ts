import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import type { Page } from '@playwright/test';
import { readStoredEvents, seedEvent, type StoredEvent } from '@/test/e2e/stored-usage';

const CLAY_URL = 'https://app.clay.com/workspaces/1/tables/t_1';

/** The Clay runs the background stored (read straight from the extension's IndexedDB). */
async function storedClayRuns(page: Page): Promise<StoredEvent[]> {
  return (await readStoredEvents(page)).filter((e) => e.kind === 'clay-run');
}

async function openLatePanel(page: Page) {
  await servePage(page.context(), CLAY_URL, fixtureHtml('clay.html'));
  await page.goto(CLAY_URL);
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  // Nothing to badge before the panel exists.
  await expect(page.locator('tokentally-badge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add column · Use AI' }).click();
  const badge = page.locator('tokentally-badge');
  await expect(badge).toHaveCount(1, { timeout: 15_000 });
  await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  return badge;
}

test('the late AI panel gets a badge with a run estimate that reads rows and updates while typing', async ({ context }) => {
  const page = await context.newPage();
  const badge = await openLatePanel(page);
  await expect(badge).toHaveAttribute('data-model', 'gpt-4.1');
  const before = Number(await badge.getAttribute('data-tokens'));
  expect(before).toBeGreaterThan(5);

  await badge.getByRole('button', { name: /^TokenTally:/ }).click();
  const estimate = badge.locator('section.clay-run');
  await expect(estimate).toBeVisible();
  // "250 rows" is plain text in the table toolbar.
  await expect(estimate).toHaveAttribute('data-clay-rows', '250');
  await expect(estimate).toHaveAttribute('data-clay-rows-source', 'page');
  // Two column chips in the prompt.
  await expect(estimate).toHaveAttribute('data-clay-references', '2');
  await expect(estimate).toHaveAttribute('data-clay-credits', '250');
  const totalBefore = Number(await estimate.getAttribute('data-clay-total-tokens'));
  expect(totalBefore).toBeGreaterThan(250 * before);

  // Type into the prompt: tokens per row and totals follow. Focus moving to the prompt folds the
  // panel (it must never stay open behind the keyboard user), so it is opened again to read them.
  const editor = page.locator('.ProseMirror[contenteditable="true"]');
  await editor.focus();
  await expect(estimate).toHaveCount(0);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Answer in one short sentence, no preamble, and mention their main product line.');
  await expect.poll(async () => Number(await badge.getAttribute('data-tokens')), { timeout: 10_000 }).toBeGreaterThan(before + 10);
  await badge.getByRole('button', { name: /^TokenTally:/ }).click();
  await expect
    .poll(async () => Number(await estimate.getAttribute('data-clay-total-tokens')), { timeout: 10_000 })
    .toBeGreaterThan(totalBefore + 250 * 10);

  // Rows are editable; credits follow (1 credit per row for Use AI).
  const rows = estimate.getByRole('spinbutton', { name: 'Rows to run' });
  await rows.fill('1000');
  await expect(estimate).toHaveAttribute('data-clay-credits', '1000');
  await expect(estimate).toHaveAttribute('data-clay-rows-source', 'typed');

  // Own key: 0 credits, dollars instead.
  await estimate.getByRole('checkbox', { name: /Own API key/ }).check();
  await expect(estimate).toHaveAttribute('data-clay-credits', '0');
  await expect(estimate).not.toHaveAttribute('data-clay-cost-usd', '0');
});

test('starting the run from the page logs it as a clay-run usage event', async ({ context, openExtensionPage }) => {
  const page = await context.newPage();
  const badge = await openLatePanel(page);
  await badge.getByRole('button', { name: /^TokenTally:/ }).click();
  const estimate = badge.locator('section.clay-run');
  await expect(estimate).toHaveAttribute('data-clay-rows', '250');

  await page.getByRole('button', { name: 'Save and run' }).click();
  await expect(page.locator('#run-started')).toBeVisible();

  const ext = await openExtensionPage('popup.html');
  await expect.poll(async () => (await storedClayRuns(ext)).length, { timeout: 15_000 }).toBe(1);
  const [event] = await storedClayRuns(ext);
  expect(event).toMatchObject({ provider: 'clay', kind: 'clay-run', credits: 250, model: 'gpt-4.1', site: 'app.clay.com' });
  expect(Number(event!.promptTokens)).toBeGreaterThan(250 * 5);
  expect(event).not.toHaveProperty('text');
});

test('"Log this run" logs a run the page could not signal', async ({ context, openExtensionPage }) => {
  const page = await context.newPage();
  const badge = await openLatePanel(page);
  await badge.getByRole('button', { name: /^TokenTally:/ }).click();
  const estimate = badge.locator('section.clay-run');
  await estimate.getByRole('spinbutton', { name: 'Rows to run' }).fill('40');
  await estimate.getByRole('button', { name: 'Log this run' }).click();
  await expect(estimate).toHaveAttribute('data-clay-log-status', 'logged', { timeout: 15_000 });
  await expect(estimate.getByRole('status')).toContainText('40 credits');

  const ext = await openExtensionPage('popup.html');
  await expect.poll(async () => (await storedClayRuns(ext)).map((e) => e.credits), { timeout: 15_000 }).toEqual([40]);
});

test('the popup estimator is for Clay users, and gives the documented credit figures without a Clay page', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'TokenTally' })).toBeVisible();
  await expect(popup.locator('summary', { hasText: 'Clay run estimator' })).toHaveCount(0);
  // One recorded Clay run makes this person a Clay user.
  const run = seedEvent({ provider: 'clay', model: 'gpt-4o-mini', promptTokens: 100, outputTokens: 50, credits: 1 });
  expect(await popup.evaluate((ev) => chrome.runtime.sendMessage({ type: 'record-usage', event: ev }), run)).toMatchObject({ ok: true });
  await popup.reload();
  await popup.locator('summary', { hasText: 'Clay run estimator' }).click();
  const est = popup.locator('section.tt-clay-estimator');
  await expect(est).toBeVisible({ timeout: 10_000 });
  const credits = est.locator('[data-clay-result="credits"]');

  // 1,000 rows on one 1-credit enrichment = 1,000 credits.
  await est.getByRole('spinbutton', { name: 'Rows' }).fill('1000');
  await expect(credits).toHaveText('1,000 credits');

  // Enrich Person + Enrich Company + Find New Events = 3 credits per row.
  await est.getByRole('button', { name: 'Add enrichment column' }).click();
  await est.getByRole('button', { name: 'Add enrichment column' }).click();
  await est.getByRole('combobox', { name: 'Column 2 type' }).selectOption('enrich-company');
  await est.getByRole('combobox', { name: 'Column 3 type' }).selectOption('find-new-events');
  await est.getByRole('spinbutton', { name: 'Rows' }).fill('1');
  await expect(credits).toHaveText('3 credits');

  // Find Work Email costs 2; a formatter is free.
  await est.getByRole('combobox', { name: 'Column 3 type' }).selectOption('find-work-email');
  await est.getByRole('combobox', { name: 'Column 2 type' }).selectOption('formatter');
  await expect(credits).toHaveText('3 credits');

  // Own keys: no credits.
  for (const box of await est.getByRole('checkbox', { name: 'Own key' }).all()) await box.check();
  await expect(credits).toHaveText('0 credits');

  // An AI column on Clay credits adds credits; with an own key it answers in tokens, dollars and TPM.
  await est.getByRole('checkbox', { name: /Include an AI column/ }).check();
  await est.getByRole('spinbutton', { name: 'Rows' }).fill('250');
  await expect(credits).toHaveText('250 credits');
  await est.getByRole('checkbox', { name: /Own API key/ }).check();
  await expect(credits).toHaveText('0 credits');
  await expect(est.locator('[data-clay-result="tokens"]')).toContainText('≈');
  await expect(est.locator('[data-clay-result="usd"]')).toHaveText(/^\$/);
  await est.getByRole('combobox', { name: 'AI column type' }).selectOption('claygent');
  await expect(est.locator('[data-clay-result="tpm"]')).toContainText('450,000 TPM');
});
