import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, serviceWorkerOf } from '@/test/e2e/extension-fixture';
import { badgeAfter, expectCount, o200kTokens, openFixture } from '@/test/e2e/badge-helpers';

/**
 * "Hide on this site" is never a dead end: Undo on the spot, then a way back from the popup,
 * from Options → Sites (its list and its Show switch), each clearing the stored badgeHidden.
 */

const storedHidden = async (context: BrowserContext, host: string) =>
  (await serviceWorkerOf(context)).evaluate(async (h) => {
    const got = await chrome.storage.sync.get('settings.sites');
    const sites = (got['settings.sites'] as { sites?: Record<string, { badgeHidden?: boolean }> } | undefined)?.sites ?? {};
    return sites[h]?.badgeHidden ?? false;
  }, host);

async function hideFromBadge(page: Page, context: BrowserContext): Promise<void> {
  const badge = badgeAfter(page.locator('#prompt-textarea'));
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await badge.locator('button.chip').click();
  await badge.getByRole('button', { name: 'Hide on this site' }).click();
  await badge.getByRole('button', { name: 'Hide now' }).click();
  await expect(page.locator('tokentally-badge')).toHaveCount(0);
  await expect.poll(() => storedHidden(context, 'chatgpt.com')).toBe(true);
}

async function expectBadgeBack(page: Page): Promise<void> {
  await page.reload();
  const field = page.locator('#prompt-textarea');
  await field.click();
  await page.keyboard.type('back again');
  await expectCount(badgeAfter(field), o200kTokens('back again'));
}

test('hide → Undo keeps the badge; the keyboard lands on Undo', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const badge = badgeAfter(page.locator('#prompt-textarea'));
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await badge.locator('button.chip').focus();
  await page.keyboard.press('Enter');
  await badge.getByRole('button', { name: 'Hide on this site' }).click();
  const notice = badge.getByTestId('hide-notice');
  await expect(notice).toContainText('Badge hidden on chatgpt.com');
  await expect(badge.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);
  await expect(badge.locator('button.chip')).toBeVisible();
  // Undone: nothing was stored, and it stays after the undo window would have passed.
  await page.waitForTimeout(8_500);
  await expect(badge.locator('button.chip')).toBeVisible();
  expect(await storedHidden(context, 'chatgpt.com')).toBe(false);
});

test('hide with no click: the badge goes by itself after the undo time', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const badge = badgeAfter(page.locator('#prompt-textarea'));
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await badge.locator('button.chip').click();
  await badge.getByRole('button', { name: 'Hide on this site' }).click();
  await expect(badge.getByTestId('hide-notice')).toBeVisible();
  expect(await storedHidden(context, 'chatgpt.com')).toBe(false);
  await expect(page.locator('tokentally-badge')).toHaveCount(0, { timeout: 12_000 });
  await expect.poll(() => storedHidden(context, 'chatgpt.com')).toBe(true);
});

test('hidden → Show from the popup brings it back', async ({ context, openExtensionPage }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  await hideFromBadge(page, context);
  const popup = await openExtensionPage('popup.html');
  const row = popup.getByTestId('hidden-sites').locator('li[data-host="chatgpt.com"]');
  await expect(row).toContainText('Badge hidden on chatgpt.com');
  await row.getByRole('button', { name: 'Show' }).click();
  await expect(popup.getByTestId('hidden-sites')).toContainText('The badge is back on chatgpt.com.');
  await expect.poll(() => storedHidden(context, 'chatgpt.com')).toBe(false);
  await expectBadgeBack(page);
});

test('hidden → Options → Sites lists it, and Show there brings it back at once', async ({ context, openExtensionPage }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  await hideFromBadge(page, context);
  const options = await openExtensionPage('options.html');
  const sites = options.locator('#sites');
  const checkbox = sites.getByLabel('Show the badge on chatgpt.com');
  await expect(checkbox).not.toBeChecked();
  const row = sites.getByTestId('hidden-badges').locator('li[data-host="chatgpt.com"]');
  await row.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => storedHidden(context, 'chatgpt.com')).toBe(false);
  await expect(checkbox).toBeChecked();
  await expect(options.getByTestId('save-status')).not.toContainText('Unsaved');
  await expectBadgeBack(page);
});

test('hidden → ticking the Show switch in Options → Sites and saving really shows it', async ({ context, openExtensionPage }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  await hideFromBadge(page, context);
  const options = await openExtensionPage('options.html');
  const checkbox = options.locator('#sites').getByLabel('Show the badge on chatgpt.com');
  await expect(checkbox).not.toBeChecked();
  await checkbox.check();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved');
  await expect.poll(() => storedHidden(context, 'chatgpt.com')).toBe(false);
  await expectBadgeBack(page);
});
