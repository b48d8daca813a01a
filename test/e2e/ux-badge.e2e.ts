import type { Locator, Page } from '@playwright/test';
import { test, expect } from '@/test/e2e/extension-fixture';
import { badgeAfter, expectCount, o200kTokens, openFixture, setEditorHtml } from '@/test/e2e/badge-helpers';

/** The badge's details panel, context warning and model picker, in the built extension at the real site URLs. */

/** About `tokens` o200k tokens of filler (each "w3" is two tokens). */
const filler = (tokens: number) => Array.from({ length: Math.round(tokens / 2) }, (_, i) => `w${i % 10}`).join(' ');

async function readyBadge(page: Page, fieldSelector: string): Promise<{ field: Locator; badge: Locator }> {
  const field = page.locator(fieldSelector);
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  return { field, badge };
}

test('context: the chip warns near the window and says "over context" past it (GPT-4 picked on chatgpt.com)', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const { field, badge } = await readyBadge(page, '#prompt-textarea');
  const chip = badge.locator('button.chip');
  await chip.click();
  await badge.locator('[role="dialog"] select').selectOption('gpt-4');
  await expect(badge).toHaveAttribute('data-model', 'gpt-4');
  await page.keyboard.press('Escape');

  const near = filler(7_000);
  // GPT-4's window is 8,192: 80% of it is 6,554.
  expect(o200kTokens(near)).toBeGreaterThan(6_554);
  expect(o200kTokens(near)).toBeLessThan(8_192);
  await setEditorHtml(field, `<p>${near}</p>`);
  await expectCount(badge, o200kTokens(near));
  await expect(chip).toHaveAttribute('data-context', 'near');
  await expect(chip).not.toContainText('over context');

  const over = filler(8_402);
  expect(o200kTokens(over)).toBeGreaterThan(8_192);
  await setEditorHtml(field, `<p>${over}</p>`);
  await expectCount(badge, o200kTokens(over));
  await expect(chip).toHaveAttribute('data-context', 'over');
  await expect(chip).toContainText('over context');
  const colours = await chip.evaluate((el) => ({ color: getComputedStyle(el).color, border: getComputedStyle(el).borderTopColor }));
  expect(colours.color).toBe(colours.border);
  await chip.click();
  await expect(badge.locator('[data-field="context"]')).toHaveAttribute('data-level', 'over');
  await expect(badge.locator('[data-field="context-window"]')).toHaveText('of 8,192, API');

  await setEditorHtml(field, '<p>short again</p>');
  await expectCount(badge, o200kTokens('short again'));
  await expect(chip).toHaveAttribute('data-context', 'ok');
});

test('context: claude.ai measures against its own 200k window and says so; costs say API-equiv.', async ({ context }) => {
  const page = await openFixture(context, 'https://claude.ai/new', 'claude.html');
  const { badge } = await readyBadge(page, 'fieldset .ProseMirror');
  await expect(badge.locator('.chip .text')).toContainText('API-equiv. $');
  await badge.locator('button.chip').click();
  await expect(badge.locator('[data-field="context-window"]')).toHaveText('of 200k, claude.ai');
  await expect(badge.locator('[data-field="input-cost"]')).toHaveText(/^API-equiv\. \$/);
  await expect(badge.locator('[data-field="api-equivalent"]')).toBeVisible();
});

test('a console site keeps plain prices', async ({ context }) => {
  const page = await openFixture(context, 'https://platform.openai.com/playground/chat', 'openai-playground.html');
  const badge = page.locator('tokentally-badge').first();
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await expect(badge.locator('.chip .text')).not.toContainText('API-equiv.');
});

test('panel: Escape from the page closes it; so does focus leaving it; Tab inside keeps it open', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const { field, badge } = await readyBadge(page, '#prompt-textarea');
  const chip = badge.locator('button.chip');
  const panel = badge.locator('[role="dialog"]');

  await chip.click();
  await expect(panel).toBeVisible();
  await page.dispatchEvent('body', 'keydown', { key: 'Escape', bubbles: true });
  await expect(panel).toHaveCount(0);

  await chip.click();
  await expect(panel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel).toBeVisible();
  await field.focus();
  await expect(panel).toHaveCount(0);
  await expect(chip).toHaveAttribute('aria-expanded', 'false');

  // Tab past the last control leaves the badge: the panel closes.
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Tab');
  await expect(panel).toHaveCount(0);
});

for (const site of [
  { url: 'https://chatgpt.com/', file: 'chatgpt.html', field: '#prompt-textarea' },
  { url: 'https://claude.ai/new', file: 'claude.html', field: 'fieldset .ProseMirror' },
  { url: 'https://gemini.google.com/app', file: 'gemini.html', field: 'rich-textarea .ql-editor' },
]) {
  test(`panel on ${new URL(site.url).host} opens clear of the prompt text`, async ({ context }) => {
    const page = await openFixture(context, site.url, site.file);
    const { field, badge } = await readyBadge(page, site.field);
    await field.click();
    await page.keyboard.type('The first line of the prompt must stay readable.');
    await badge.locator('button.chip').click();
    const panel = badge.locator('[role="dialog"]');
    await expect(panel).toBeVisible();
    const [p, f] = await Promise.all([panel.boundingBox(), field.boundingBox()]);
    const overlaps = p!.x < f!.x + f!.width && f!.x < p!.x + p!.width && p!.y < f!.y + f!.height && f!.y < p!.y + p!.height;
    expect(overlaps, `panel ${JSON.stringify(p)} covers field ${JSON.stringify(f)}`).toBe(false);
  });
}

test('model picker: the site’s own models first, grouped by provider, with the full label visible', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const { badge } = await readyBadge(page, '#prompt-textarea');
  await badge.locator('button.chip').click();
  const select = badge.locator('[role="dialog"] select');
  const groups = await select.locator('optgroup').evaluateAll((els) => els.map((g) => (g as HTMLOptGroupElement).label));
  expect(groups[0]).toBe('OpenAI (this site)');
  expect(groups).toContain('Anthropic');
  const first = await select.locator('optgroup').first().locator('option').allTextContents();
  expect(first.length).toBeGreaterThan(3);
  expect(first.every((label) => !/claude|gemini/i.test(label))).toBe(true);
  expect([...first].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }))).toEqual(first);
  // The chosen value is not cut off: the select is as wide as the panel allows, and its text fits.
  const fits = await select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    const probe = document.createElement('span');
    probe.style.cssText = `font: ${getComputedStyle(s).font}; white-space: nowrap; position: fixed;`;
    probe.textContent = s.selectedOptions[0]!.textContent;
    s.getRootNode().appendChild(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width + 30 <= s.clientWidth;
  });
  expect(fits).toBe(true);
});

test('the open panel, the hide notice and a warning chip pass axe on a dark (ChatGPT) and a light (Claude) page', async ({ context }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const site of [
    { url: 'https://chatgpt.com/', file: 'chatgpt.html', field: '#prompt-textarea' },
    { url: 'https://claude.ai/new', file: 'claude.html', field: 'fieldset .ProseMirror' },
  ]) {
    const page = await openFixture(context, site.url, site.file);
    const { field, badge } = await readyBadge(page, site.field);
    await setEditorHtml(field, `<p>${filler(2_000)}</p>`);
    await expect(badge).toHaveAttribute('data-state', 'ready');
    await badge.locator('button.chip').click();
    const serious = async (label: string) => {
      const results = await new AxeBuilder({ page }).include('tokentally-badge').analyze();
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await serious(`${site.url} panel`)).toEqual([]);
    await badge.getByRole('button', { name: 'Hide on this site' }).click();
    await expect(badge.getByTestId('hide-notice')).toBeVisible();
    expect(await serious(`${site.url} hide notice`)).toEqual([]);
    await badge.getByRole('button', { name: 'Undo' }).click();
  }
});

test('at 400 px the chip stays inside ChatGPT’s composer, its cost label whole', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  await page.setViewportSize({ width: 400, height: 700 });
  const { field, badge } = await readyBadge(page, '#prompt-textarea');
  await setEditorHtml(field, `<p>${filler(3_000)}</p>`);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  const chip = badge.locator('button.chip');
  await expect(chip).toContainText(/API-equiv\. \$[\d.]+/);
  const [c, host] = await Promise.all([chip.boundingBox(), badge.boundingBox()]);
  expect(c!.x).toBeGreaterThanOrEqual(host!.x - 1);
  expect(c!.x + c!.width).toBeLessThanOrEqual(Math.min(400, host!.x + host!.width) + 1);
});
