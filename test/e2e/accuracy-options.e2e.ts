import { test, expect } from '@/test/e2e/extension-fixture';
import { setStoredCorrections, storedCorrections } from '@/test/e2e/extension-storage';
import { CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';

test('the Accuracy section states each estimate\'s band and source, and shows and resets what exact counts taught', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  const section = page.locator('#accuracy');
  await section.locator('summary').click();
  const newer = section.locator('tr[data-rule="claude-4.7"]');
  await expect(newer.locator('[data-field="band"]')).toHaveText(`±${Math.round(CLAUDE_FACTORS['claude47-estimate'].band * 100)}%`);
  await expect(newer).toContainText('count_tokens');
  await expect(section.locator('tr[data-rule="o200k"] [data-field="band"]')).toHaveText('exact');
  await expect(section.locator('tr[data-rule="gemini-gemma4"]')).toContainText('Assumed, not measured');

  const learned = section.locator('[data-field="estimate-corrections"]');
  await expect(learned.locator('li[data-estimator="claude47-estimate"]')).toContainText('no exact counts yet');
  // What the background writes after exact counts (ratios only); it tells open pages, a written value needs a reload.
  await setStoredCorrections(page, { 'claude47-estimate': { ratio: 1.05, samples: 3, updated: Date.parse('2026-11-20T10:00:00Z') } });
  await page.reload();
  await section.locator('summary').click();
  await expect(learned.locator('li[data-estimator="claude47-estimate"]')).toContainText('×1.050 from 3 exact counts (last 2026-11-20)');
  await learned.getByRole('button', { name: 'Reset learned corrections' }).click();
  await expect(learned.locator('li[data-estimator="claude47-estimate"]')).toContainText('no exact counts yet');
  expect(await storedCorrections(page)).toBeUndefined();
});
