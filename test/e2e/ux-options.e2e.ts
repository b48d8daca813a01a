import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from '@/test/e2e/extension-fixture';
import { seedEvent } from '@/test/e2e/stored-usage';

/** The options page a person can scan: collapsed sections, Prices search and "models I use", Clay for Clay users, Save only when there is something to save. */

const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });
const priceRows = (page: Page) => page.locator('#prices table.prices tbody tr');

test('Prices: collapsed until opened, then a search and a "models I use" filter', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  const prices = page.locator('#prices');
  await expect(prices.getByLabel('Search models')).toBeHidden();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Prices' }).click();
  const search = prices.getByLabel('Search models');
  await expect(search).toBeVisible();
  const all = await priceRows(page).count();
  expect(all).toBeGreaterThan(50);
  // No usage yet: nothing to filter to, all models are listed.
  await expect(prices.getByLabel(/Only models I use/)).toBeDisabled();

  await search.fill('sonnet');
  const labels = await priceRows(page).locator('th').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.length).toBeLessThan(all);
  expect(labels.every((l) => /sonnet/i.test(l))).toBe(true);
  await search.fill('gpt 4o mini');
  await expect(priceRows(page).first()).toHaveAttribute('data-model', /gpt-4o-mini/);
  await search.fill('no such model at all');
  await expect(priceRows(page)).toHaveCount(0);
  await expect(prices.getByTestId('price-count')).toHaveText(`Showing 0 of ${all} models`);
});

test('Prices: "models I use" lists the models in the usage records, on by default once there are some', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  for (const e of [seedEvent({ provider: 'openai', model: 'gpt-4o-mini', promptTokens: 10, outputTokens: 5 }), seedEvent({ provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 10, outputTokens: 5 })]) {
    expect(await page.evaluate((ev) => chrome.runtime.sendMessage({ type: 'record-usage', event: ev }), e)).toMatchObject({ ok: true });
  }
  await page.reload();
  await page.locator('#prices summary').click();
  const filter = page.locator('#prices').getByLabel(/Only models I use/);
  await expect(filter).toBeChecked();
  await expect(priceRows(page)).toHaveCount(2);
  expect((await priceRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')))).sort()).toEqual(['claude-sonnet-4-5', 'gpt-4o-mini']);
  await filter.uncheck();
  expect(await priceRows(page).count()).toBeGreaterThan(50);
});

test('Clay settings show only for Clay users or on request; Save is off with nothing to save', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('heading', { name: 'TokenTally settings' })).toBeVisible();
  await expect(page.locator('#clay')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clay' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show Clay settings' }).click();
  await expect(page.locator('#clay')).toHaveCount(1);

  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(save(page)).toBeDisabled();
  await page.locator('fieldset[data-provider="openai"]').getByLabel('Monthly token limit').fill('1000');
  await expect(save(page)).toBeEnabled();
  await save(page).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(save(page)).toBeDisabled();
});

test("README picture of the options page: its sections' navigation and the first of them", async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await page.setViewportSize({ width: 1000, height: 760 });
  await expect(page.getByRole('heading', { name: 'TokenTally settings' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/options.png' });
});

test('Tab never leaves the focused field under the fixed save bar', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await page.setViewportSize({ width: 1000, height: 600 });
  await expect(page.getByRole('heading', { name: 'TokenTally settings' })).toBeVisible();
  const hidden: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector('.save-bar');
      if (!el || !bar || bar.contains(el) || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return r.bottom > bar.getBoundingClientRect().top + 1 ? `${el.tagName}#${el.id}` : null;
    });
    if (covered) hidden.push(covered);
  }
  expect(hidden).toEqual([]);
});
