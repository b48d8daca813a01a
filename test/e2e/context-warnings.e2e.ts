import { test, expect } from '@/test/e2e/extension-fixture';
import { badgeAfter, expectCount, o200kTokens, openFixture, setEditorHtml } from '@/test/e2e/badge-helpers';

/**
 * The context-window warnings in the built extension: at 80% and at 95% of the window the chip
 * changes and the details panel says what to do. GPT-4 (an 8,192-token window) is picked on
 * chatgpt.com so a prompt alone can fill it.
 */

/** About `tokens` o200k tokens of filler (each "w3" is two tokens). */
const filler = (tokens: number) => Array.from({ length: Math.round(tokens / 2) }, (_, i) => `w${i % 10}`).join(' ');

test('the chip and the panel warn at 80% and 95% of the window, and say to start a new conversation', async ({ context }) => {
  const page = await openFixture(context, 'https://chatgpt.com/', 'chatgpt.html');
  const field = page.locator('#prompt-textarea');
  const badge = badgeAfter(field);
  await expect(badge).toHaveAttribute('data-state', 'ready');
  const chip = badge.locator('button.chip');
  await chip.click();
  await badge.locator('[role="dialog"] select').selectOption('gpt-4');
  await expect(badge).toHaveAttribute('data-model', 'gpt-4');
  await page.keyboard.press('Escape');

  const steps = [
    { tokens: 6_000, level: 'ok', advice: null },
    { tokens: 7_000, level: 'near', advice: 'Context 80% full: start a new conversation.' },
    { tokens: 7_900, level: 'full', advice: 'Context 95% full: start a new conversation.' },
  ] as const;
  for (const step of steps) {
    const text = filler(step.tokens);
    await setEditorHtml(field, `<p>${text}</p>`);
    await expectCount(badge, o200kTokens(text));
    await expect(chip).toHaveAttribute('data-context', step.level);
    if (step.level === 'full') await expect(chip).toContainText(/context 9[5-9]% full/);
    await chip.click();
    const advice = badge.locator('[data-field="context-advice"]');
    if (step.advice) {
      await expect(advice).toHaveText(step.advice);
      await expect(advice).toHaveAttribute('data-action', 'new-conversation');
    } else {
      await expect(advice).toHaveCount(0);
    }
    await page.keyboard.press('Escape');
  }
});
