import type { Page } from '@playwright/test';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import type { FixtureOptions } from '@/test/e2e/fixture-html';
import { CHAT_FIXTURES } from '@/test/unit/fixture-dom';

/**
 * The 2026 fixture pages behave like the live sites in a real browser, with the extension loaded
 * and on their scrambled variants: typing with Shift+Enter, a send by click and one by Enter, the
 * composer cleared, the reply pausing at least 1.5 s half-way with the stop control showing, the
 * action buttons only once the reply is done, the conversation URL after the first send. These
 * check the pages themselves (read through the page's own references), not TokenTally.
 */

async function openPage(page: Page, file: string, url: string, options: FixtureOptions): Promise<void> {
  await servePage(page.context(), url, fixtureHtml(file, options));
  await page.goto(url);
  await page.waitForFunction(() => 'fixture' in window && '__fixture' in window);
}

const locatorFor = async (page: Page, role: string) => page.locator(await page.evaluate((r) => (window as any).__fixture.selector(r), role));

/** Starts watching the reply: the longest stretch with no new text while the stop control was showing. */
async function watchStream(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__watch = { lastGrowth: 0, longestStill: 0, actionsBeforeDone: false, sawStop: false };
    const thread = w.__fixture.refs().thread as HTMLElement;
    let length = thread.textContent!.length;
    const check = () => {
      const refs = w.__fixture.refs();
      const now = performance.now();
      const stopShown = !!refs.stop && refs.stop.checkVisibility();
      if (stopShown) w.__watch.sawStop = true;
      const grown = thread.textContent!.length;
      if (grown !== length) {
        if (w.__watch.lastGrowth && stopShown) w.__watch.longestStill = Math.max(w.__watch.longestStill, now - w.__watch.lastGrowth);
        w.__watch.lastGrowth = now;
        length = grown;
      }
      if (refs.lastActions && w.__fixture.phase !== 'done' && w.__fixture.phase !== 'lingering') w.__watch.actionsBeforeDone = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

for (const site of CHAT_FIXTURES) {
  for (const scramble of [undefined, 'random' as const]) {
    test(`${site.name}${scramble ? ' (scrambled)' : ''}: two turns behave like the live site`, async ({ page }) => {
      await openPage(page, site.file, site.url, { wordMs: 8, ...(scramble ? { scramble } : {}) });
      const seed = await page.evaluate(() => (window as any).__fixture.seed);
      test.info().annotations.push({ type: 'seed', description: String(seed) });
      const composer = await locatorFor(page, 'composer');
      await composer.click();
      await page.keyboard.type('First line of my question');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('and its second line');
      expect(await page.evaluate(() => (window as any).__fixture.prompts.length)).toBe(0); // Shift+Enter did not send
      await watchStream(page);
      await (await locatorFor(page, 'send')).click();

      await expect.poll(() => page.evaluate(() => (window as any).__fixture.refs().lastUser?.textContent)).toContain('First line of my question');
      await expect.poll(() => page.evaluate(() => (window as any).__fixture.refs().composer.textContent)).toBe('');
      await expect.poll(() => page.evaluate(() => (window as any).__fixture.phase), { timeout: 20_000 }).toBe('paused');
      await expect(await locatorFor(page, 'stop')).toBeVisible();
      await expect.poll(() => page.evaluate(() => (window as any).__fixture.turnsDone), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.evaluate(() => location.pathname)).not.toBe(new URL(site.url).pathname);

      await composer.click();
      await page.keyboard.type('A follow-up question');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => (window as any).__fixture.turnsDone), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => page.evaluate(() => (window as any).__fixture.phase)).toBe('done');

      const result = await page.evaluate(() => {
        const w = window as any;
        return { watch: w.__watch, prompts: w.__fixture.prompts, replies: w.__fixture.replies, actions: !!w.__fixture.refs().lastActions, stop: !!w.__fixture.refs().stop };
      });
      expect(result.prompts).toEqual(['First line of my question\nand its second line', 'A follow-up question']);
      expect(result.replies).toHaveLength(2);
      expect(result.replies[1]).not.toBe(result.replies[0]);
      expect(result.actions).toBe(true);
      expect(result.stop).toBe(false);
      expect(result.watch.sawStop).toBe(true);
      expect(result.watch.longestStill).toBeGreaterThanOrEqual(1500);
      expect(result.watch.actionsBeforeDone).toBe(false);
      if (scramble) {
        const leaked = await page.evaluate(() => document.querySelectorAll('[data-testid], [data-test-id], .ProseMirror, .ql-editor, [aria-label="Stop"], [aria-label="Send"]').length);
        expect(leaked).toBe(0);
      }
    });
  }
}

test('a test chooses the replies and stops one half-way', async ({ page }) => {
  await openPage(page, 'chatgpt-2026.html', 'https://chatgpt.com/', { wordMs: 5, pauseMs: 4000, reply: 'One two three four five six seven eight nine ten.' });
  const composer = await locatorFor(page, 'composer');
  await composer.click();
  await page.keyboard.type('Count to ten');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as any).__fixture.phase)).toBe('paused');
  await (await locatorFor(page, 'stop')).click();
  await expect.poll(() => page.evaluate(() => (window as any).__fixture.replies)).toEqual(['One two three four five']);
  expect(await page.evaluate(() => !!(window as any).__fixture.refs().lastActions)).toBe(true);
});
