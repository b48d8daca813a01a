import type { Page } from '@playwright/test';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { onlyStoredEvent, readStoredEvents } from '@/test/e2e/stored-usage';

/**
 * A hostile page at claude.ai turns the person's ordinary clicks into replies: its own
 * invisible buttons cover the page (outside the thread, or inside the last reply's action bar,
 * or through a small button whose child covers the page), and each click writes a prompt and
 * streams a reply. None of those clicks is a regeneration, so nothing is recorded; the page's
 * genuine Retry, next to the last reply, still records its one turn.
 */

const URL = 'https://claude.ai/new';
const repliesDone = (page: Page) => page.evaluate(() => Number(document.body.dataset.replyDone || 0));

test('trusted clicks on a page\'s own page-covering buttons record nothing; a real Retry next to the last reply records one turn', async ({ context, openExtensionPage }) => {
  test.setTimeout(120_000);
  await servePage(context, URL, fixtureHtml('hostile-claude.html'));
  const page = await context.newPage();
  await page.goto(URL);
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  await page.waitForTimeout(1500); // the page settles, as a person would read it first

  const points = [[200, 150], [640, 400], [900, 250], [400, 600], [1000, 650], [120, 500]] as const;
  let clicks = 0;
  for (const kind of ['overlay', 'in-reply', 'pointer-events']) {
    await page.evaluate((k) => (window as unknown as { __hostile: { install(k: string): void } }).__hostile.install(k), kind);
    for (const [x, y] of points.slice(0, 2)) {
      const before = await repliesDone(page);
      await page.mouse.click(x, y);
      clicks++;
      // The page took the click: its forged reply streams to the end.
      await expect.poll(() => repliesDone(page), { timeout: 15_000 }).toBe(before + 1);
      await page.waitForTimeout(500);
    }
    await page.evaluate(() => (window as unknown as { __hostile: { removeAll(): void } }).__hostile.removeAll());
  }
  expect(await page.evaluate(() => (window as unknown as { __hostile: { forged(): number } }).__hostile.forged())).toBe(clicks);

  const extensionPage = await openExtensionPage('popup.html');
  // Longer than a turn takes to be recorded after its reply.
  await page.waitForTimeout(4000);
  expect(await readStoredEvents(extensionPage)).toEqual([]);

  // The genuine Retry on the last reply: one regeneration, recorded once.
  const before = await repliesDone(page);
  await page.bringToFront();
  await page.locator('[data-testid="action-bar-retry"]').last().click();
  await expect.poll(() => repliesDone(page), { timeout: 15_000 }).toBe(before + 1);
  const event = await onlyStoredEvent(extensionPage);
  expect(event).toMatchObject({ site: 'claude.ai', provider: 'anthropic', kind: 'chat' });
  expect(event.outputTokens).toBeGreaterThan(10);
});
