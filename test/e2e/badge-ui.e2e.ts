import { test, expect, serviceWorkerOf, servePage } from '@/test/e2e/extension-fixture';
import { setTrustedSettings } from '@/test/e2e/extension-storage';
import { badgeAfter, badgeText, expectCount, o200kTokens, openFixture, setEditorHtml } from '@/test/e2e/badge-helpers';

test('reads ProseMirror paragraphs and line breaks the way ChatGPT sends them, ignoring the placeholder', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const field = page.locator('#prompt-textarea');
  const badge = badgeAfter(field);
  // Empty editor: only the placeholder paragraph ("Ask anything" via data-placeholder) is there.
  await expect(field.locator('p.placeholder')).toHaveCount(1);
  await expectCount(badge, 0);
  await setEditorHtml(
    field,
    '<p>First paragraph with <strong>bold</strong> text.</p><p><br class="ProseMirror-trailingBreak"></p><p>Third line<br>and a soft break</p><ul><li><p>item one</p></li><li><p>item two</p></li></ul>',
  );
  await expectCount(badge, o200kTokens('First paragraph with bold text.\n\nThird line\nand a soft break\nitem one\nitem two'));
  // A placeholder paragraph that renders real text is still not part of the prompt.
  // (Set without an input event so the fixture's own placeholder logic stays out of it;
  // the badge notices DOM changes by itself.)
  await field.evaluate((el) => {
    el.innerHTML = '<p class="placeholder" data-placeholder="Ask anything">Ask anything</p>';
  });
  await expectCount(badge, 0);
});

test('Gemini: Quill paragraphs are read and ql-blank counts as empty', async ({ context }) => {
  const page = await openFixture(context, 'https://gemini.google.com/app', 'gemini.html');
  const field = page.locator('rich-textarea .ql-editor');
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await expect(badge).toHaveAttribute('data-tokens', '0');
  await setEditorHtml(field, '<p>one</p><p><br></p><p>three</p>');
  await expect(badge).toHaveAttribute('data-tokens', /^[1-9]\d*$/);
  const filled = Number(await badge.getAttribute('data-tokens'));
  await field.evaluate((el) => {
    el.classList.add('ql-blank');
    el.innerHTML = '<p><br></p>';
  });
  await expect(badge).toHaveAttribute('data-tokens', '0');
  expect(filled).toBeGreaterThan(0);
});

for (const [host, url] of [
  ['chatgpt.com', 'https://chatgpt.com/'],
  ['claude.ai', 'https://claude.ai/new'],
] as const) {
  test(`redesigned ${host}: known selectors fail, the focused field still gets a badge`, async ({ context }) => {
    const page = await openFixture(context, url, 'redesigned.html');
    await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
    await page.waitForTimeout(600);
    await expect(page.locator('tokentally-badge')).toHaveCount(0);
    const field = page.locator('.cmp-v3__input');
    await field.click();
    const badge = badgeAfter(field);
    await expect(badge).toHaveCount(1);
    await page.keyboard.type('Fallback fields are counted too.');
    await expect(badge).toHaveAttribute('data-state', 'ready');
    if (host === 'chatgpt.com') await expectCount(badge, o200kTokens('Fallback fields are counted too.'));
    else {
      await expect(badge).toHaveAttribute('data-tokens', /^[1-9]\d*$/);
      await expect(badge).toHaveAttribute('data-exact', 'false');
    }
    // The field goes away (re-render): its badge goes with it, nothing is left behind.
    await field.evaluate((el) => el.parentElement!.replaceChildren());
    await expect(page.locator('tokentally-badge')).toHaveCount(0);
  });
}

test('expanded view: keyboard open/close, model override remembered, output projection, hide on this site', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const field = page.locator('#prompt-textarea');
  const badge = badgeAfter(field);
  await field.click();
  await page.keyboard.type('Plan a three day trip to Lisbon.');
  await expectCount(badge, o200kTokens('Plan a three day trip to Lisbon.'));

  const chip = badge.locator('button.chip');
  await chip.focus();
  await page.keyboard.press('Enter');
  const panel = badge.locator('[role="dialog"]');
  await expect(panel).toBeVisible();
  await expect(chip).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeFocused();
  // ChatGPT is a subscription: its costs say they are API prices.
  await expect(panel.locator('[data-field="input-cost"]')).toHaveText(/^API-equiv\. \$/);
  await expect(panel.locator('[data-field="output-cost"]')).toHaveText(/^API-equiv\. \$/);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(chip).toBeFocused();
  // Escape in the badge must not reach the page (its shortcuts); Space opens too.
  await page.keyboard.press('Space');
  await expect(panel).toBeVisible();

  // Projected output cost follows the chosen max output length.
  const output = panel.locator('input[type="number"]');
  const before = await panel.locator('[data-field="output-cost"]').textContent();
  await output.fill('4000');
  await output.press('Tab');
  await expect(panel.locator('[data-field="output-cost"]')).not.toHaveText(before!);

  // Override the model: the count and the attribute follow and the choice survives a reload.
  await panel.locator('select').selectOption('gpt-4.1-mini');
  await expect(badge).toHaveAttribute('data-model', 'gpt-4.1-mini');
  await page.reload();
  const reloaded = badgeAfter(page.locator('#prompt-textarea'));
  await expect(reloaded).toHaveAttribute('data-model', 'gpt-4.1-mini');
  // Once the user has picked, the page's model picker does not override the pick.
  await page.evaluate(() => (window as unknown as { fixture: { setModel(l: string): void } }).fixture.setModel('o3'));
  await page.waitForTimeout(500);
  await expect(reloaded).toHaveAttribute('data-model', 'gpt-4.1-mini');

  // Hide on this site: gone now and after a reload.
  await reloaded.locator('button.chip').click();
  await reloaded.getByRole('button', { name: 'Hide on this site' }).click();
  await reloaded.getByRole('button', { name: 'Hide now' }).click();
  await expect(page.locator('tokentally-badge')).toHaveCount(0);
  await page.reload();
  await page.locator('#prompt-textarea').click();
  await page.keyboard.type('still hidden');
  await page.waitForTimeout(800);
  await expect(page.locator('tokentally-badge')).toHaveCount(0);
  // Other sites are unaffected.
  const claude = await openFixture(context, 'https://claude.ai/new', 'claude.html');
  await expect(badgeAfter(claude.locator('fieldset .ProseMirror'))).toHaveAttribute('data-state', 'ready');
});

test('chat sites show the conversation total and a context-window bar', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const field = page.locator('#prompt-textarea');
  await field.click();
  await page.keyboard.type('What is a token?');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-message-author-role="user"]')).toHaveCount(1);
  await expect(page.locator('button[data-testid="stop-button"]')).toHaveCount(0, { timeout: 5000 });
  const badge = badgeAfter(field);
  await expectCount(badge, 0);
  await field.click();
  await page.keyboard.type('And a follow-up.');
  await badge.locator('button.chip').click();
  const panel = badge.locator('[role="dialog"]');
  const conversationText = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-message-author-role]'))
      .map((el) => el.textContent ?? '')
      .join('\n\n'),
  );
  await expect(panel.locator('[data-field="conversation-tokens"]')).toHaveText(`${o200kTokens(conversationText)} tokens`);
  const bar = panel.getByRole('progressbar', { name: 'Context window used' });
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  // No ChatGPT plan chosen: the API's window, and the badge says whose it is.
  await expect(panel.locator('[data-field="context-window"]')).toHaveText('of 128k, API');
});

test('site CSS does not leak into the badge, and the badge follows the page theme', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const badge = badgeAfter(page.locator('#prompt-textarea'));
  await expect(badge).toHaveAttribute('data-state', 'ready');
  // chatgpt.html sets `* { font-size: 16px !important }`.
  const fontSize = await badge.evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.chip')!).fontSize);
  expect(fontSize).toBe('12px');
  await expect(badge).toHaveAttribute('data-theme', 'dark');
  const claude = await openFixture(context, 'https://claude.ai/new', 'claude.html');
  await expect(badgeAfter(claude.locator('fieldset .ProseMirror'))).toHaveAttribute('data-theme', 'light');
  // The badge's own styles don't reach the page.
  const pageButton = await page.locator('button[data-testid="send-button"]').evaluate((b) => getComputedStyle(b).borderRadius);
  expect(pageButton).toBe('50%');
  expect(await badgeText(badge)).toBe('0 tokens · API-equiv. $0');
});

test('counting paused on a site (enabled: false) shows no badge until re-enabled', async ({ context }) => {
  const worker = await serviceWorkerOf(context);
  await setTrustedSettings(worker, { siteEnabled: { 'chatgpt.com': false } });
  await worker.evaluate(() => chrome.storage.sync.set({ 'settings.sites': { sites: { 'chatgpt.com': { enabled: false } }, extraSites: [] } }));
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  await page.locator('#prompt-textarea').click();
  await page.keyboard.type('paused');
  await page.waitForTimeout(800);
  await expect(page.locator('tokentally-badge')).toHaveCount(0);
  await setTrustedSettings(worker, { siteEnabled: {} });
  await worker.evaluate(() => chrome.storage.sync.set({ 'settings.sites': { sites: { 'chatgpt.com': { enabled: true } }, extraSites: [] } }));
  await expectCount(badgeAfter(page.locator('#prompt-textarea')), o200kTokens('paused'));
});

test('a field focused before the extension was ready (a restored draft, no known selector) still gets its badge', async ({ context }) => {
  // The page focuses its composer and restores a draft while it parses, before the content
  // script (document_idle) listens: no focus or input event reaches it afterwards.
  const draft = 'A draft the page restored before anything else ran.';
  await servePage(
    context,
    'https://claude.ai/new',
    `<!doctype html><html><body><main><div class="x9-box"><div class="x9-in" contenteditable="true" role="textbox">${draft}</div><button type="button">Go</button></div></main>` +
      `<script>document.querySelector('.x9-in').focus();</script></body></html>`,
  );
  const page = await context.newPage();
  await page.goto('https://claude.ai/new');
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('x9-in');
  const badge = badgeAfter(page.locator('.x9-in'));
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await expect(badge).toHaveAttribute('data-tokens', /^[1-9]\d*$/);
});
