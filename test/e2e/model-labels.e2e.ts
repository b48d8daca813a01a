import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';

/**
 * The model the 2026 claude.ai pages show is the badge's model, read generically ("Sonnet 5",
 * "Opus 4.8"), in the English and the Japanese UI; a model newer than the catalog keeps its own
 * id and shows no price instead of borrowing another model's.
 */
for (const file of ['claude-2026.html', 'claude-2026-ja.html']) {
  test(`${file}: "Sonnet 5" and "Opus 4.8" are the badge's model, each estimate with its band`, async ({ context }) => {
    await servePage(context, 'https://claude.ai/new', fixtureHtml(file));
    const page = await context.newPage();
    await page.goto('https://claude.ai/new');
    await page.waitForFunction(() => 'fixture' in window);
    await page.locator('[data-testid="chat-input"]').click();
    await page.keyboard.type('Draft a polite reply declining the meeting, and suggest two other times next week.');
    const badge = page.locator('tokentally-badge').first();
    await expect(badge).toHaveAttribute('data-state', 'ready');
    await expect(badge).toHaveAttribute('data-model', 'claude-sonnet-5');
    await expect(badge).toHaveAttribute('data-exact', 'false');
    const band = `±${Math.round(CLAUDE_FACTORS['claude47-estimate'].band * 100)}%`;
    await expect.poll(() => badge.evaluate((h) => h.shadowRoot?.querySelector('.chip .text')?.textContent ?? '')).toContain(band);
    expect(Number(await badge.getAttribute('data-cost-usd'))).toBeGreaterThan(0);

    await page.evaluate(() => (window as any).fixture.setModel('Opus 4.8'));
    await expect(badge).toHaveAttribute('data-model', 'claude-opus-4-8');
    await page.evaluate(() => (window as any).fixture.setModel('Haiku 4.5'));
    await expect(badge).toHaveAttribute('data-model', 'claude-haiku-4-5');
    await page.evaluate(() => (window as any).fixture.setModel('Opus 6'));
    await expect(badge).toHaveAttribute('data-model', 'claude-opus-6');
    await expect(badge).toHaveAttribute('data-cost-usd', '');
  });
}
