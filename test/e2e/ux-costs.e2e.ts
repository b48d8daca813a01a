import { test, expect } from '@/test/e2e/extension-fixture';
import { badgeAfter, badgeText, expectCount, o200kTokens, openFixture } from '@/test/e2e/badge-helpers';
import { importThroughOptions, seedEvent } from '@/test/e2e/stored-usage';

/** Honest cost labels (issue 26): a subscription's price beside the API-equivalent cost, and a site's chip without a cost. */

const saveOptions = async (options: import('@playwright/test').Page) => {
  await options.locator('button[type="submit"]').click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved');
};

test("the popup sets this period's API-equivalent cost against the subscription price the user entered", async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.locator('fieldset[data-provider="anthropic"]').getByLabel('Subscription price').fill('20');
  await saveOptions(options);
  await importThroughOptions(options, [seedEvent({ provider: 'anthropic', model: 'claude-sonnet-5', promptTokens: 1000, outputTokens: 500, costUsd: 31.5 })]);

  const popup = await openExtensionPage('popup.html');
  const value = popup.locator('[data-provider="anthropic"] [data-testid="plan-value"]');
  await expect(value).toHaveAttribute('data-plan-usd', '20');
  await expect(value).toContainText("1.6× your plan's price");
  // No price entered for OpenAI: no such line on its card, nor a card for it at all without usage.
  await expect(popup.locator('[data-provider="openai"] [data-testid="plan-value"]')).toHaveCount(0);
});

test('a site where the user turned the cost off shows the count alone in the chip', async ({ context, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const site = options.locator('fieldset[data-site="chatgpt.com"]');
  await site.getByLabel('Show the cost beside the count').uncheck();
  await saveOptions(options);

  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const field = page.locator('#prompt-textarea');
  await field.click();
  const text = 'How much would this cost on the API, roughly?';
  await page.keyboard.type(text);
  const badge = badgeAfter(field);
  await expectCount(badge, o200kTokens(text));
  expect(await badgeText(badge)).toBe(`${o200kTokens(text)} tokens`);
  // The public contract keeps the cost for tools that read it.
  expect(Number(await badge.getAttribute('data-cost-usd'))).toBeGreaterThan(0);

  // Another site keeps its cost.
  const claude = await openFixture(context, 'https://claude.ai/new', 'claude.html');
  const claudeField = claude.locator('fieldset .ProseMirror');
  await claudeField.click();
  await claude.keyboard.type(text);
  await expect.poll(() => badgeText(badgeAfter(claudeField))).toContain('API-equiv. $');
});
