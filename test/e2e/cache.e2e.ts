import type { Page } from '@playwright/test';
import { test, expect } from '@/test/e2e/extension-fixture';
import { fixtureCall, openChatSite, type ChatSite } from '@/test/e2e/two-turns-check';
import { readStoredEvents, type StoredEvent } from '@/test/e2e/stored-usage';
import { modelForId } from '@/utils/core/models/model-registry';
import { billedCostUsd } from '@/utils/core/models/cost';

/**
 * The prompt cache on the 2026 Claude page, plain and scrambled: after the first reply the badge
 * says when the conversation's cache expires (`data-cache-expires-at` = the reply's end + the TTL)
 * and counts down; a second turn sent at once records its context as `cacheReadTokens` and costs
 * less than the same tokens as fresh input. The scrambled run sets the TTL to 5 minutes on the
 * options page first, so both settings are checked.
 */

const CLAUDE: ChatSite = {
  name: 'Claude',
  file: 'claude-2026.html',
  url: 'https://claude.ai/new',
  provider: 'anthropic',
  countModel: 'claude-sonnet-5',
  tolerance: 0.05,
  exact: false,
  prompts: ['What does a prompt cache keep between two messages of a conversation?', 'And how long does it keep it?'],
};

type CacheEvent = StoredEvent & { cacheReadTokens?: number };

/** Waits in the page for the fixture's `n`th reply to end and returns that moment (epoch ms), to within a few ms. */
const replyEnd = (page: Page, n: number) =>
  page.evaluate(
    (count) =>
      new Promise<number>((resolve) => {
        const f = (window as unknown as { __fixture: { turnsDone: number } }).__fixture;
        const check = setInterval(() => {
          if (f.turnsDone >= count) {
            clearInterval(check);
            resolve(Date.now());
          }
        }, 10);
      }),
    n,
  );

async function setTtl(openExtensionPage: (name: 'options.html') => Promise<Page>, minutes: 5 | 60): Promise<void> {
  const options = await openExtensionPage('options.html');
  await options.goto(`${options.url().split('#')[0]}#prices`);
  await options.getByLabel("Claude's prompt cache lasts").selectOption(String(minutes));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved');
  await options.close();
}

for (const scramble of [undefined, 'random' as const]) {
  const ttlMinutes = scramble ? 5 : 60;
  test(`Claude${scramble ? ' (scrambled)' : ''}: the cache countdown after a reply, and the next turn's context as cache reads (TTL ${ttlMinutes} min)`, async ({ context, openExtensionPage }) => {
    test.setTimeout(120_000);
    if (ttlMinutes !== 60) await setTtl(openExtensionPage, ttlMinutes);
    const page = await openChatSite(context, CLAUDE, { scramble, fixture: { wordMs: 8 } });
    test.info().annotations.push({ type: 'fixture seed', description: String(await fixtureCall<number>(page, 'seed')) });
    const composer = page.locator(await fixtureCall<string>(page, 'selector', 'composer'));
    const badge = page.locator('tokentally-badge').first();

    await composer.click();
    await page.keyboard.type(CLAUDE.prompts[0]);
    await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    await expect(badge).not.toHaveAttribute('data-cache-expires-at', /.*/);
    const ended = replyEnd(page, 1);
    await page.keyboard.press('Enter');
    const firstEnd = await ended;

    // The badge says when the cache expires, in ISO 8601, and counts down to it.
    await expect(badge).toHaveAttribute('data-cache-expires-at', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, { timeout: 15_000 });
    const expiresAt = Date.parse((await badge.getAttribute('data-cache-expires-at'))!);
    expect(Math.abs(expiresAt - (firstEnd + ttlMinutes * 60_000)), `expires ${new Date(expiresAt).toISOString()}, reply ended ${new Date(firstEnd).toISOString()}`).toBeLessThanOrEqual(2_000);
    test.info().annotations.push({ type: 'expiry minus (reply end + TTL), ms', description: String(expiresAt - (firstEnd + ttlMinutes * 60_000)) });
    const countdown = badge.locator('[data-field="cache-countdown"]');
    await expect(countdown).toHaveText(new RegExp(`^cache warm · (${ttlMinutes}|${ttlMinutes - 1}):\\d\\d left$`));
    await expect(countdown).toHaveAttribute('data-urgent', 'false');
    const shown = await countdown.textContent();
    await expect(countdown).not.toHaveText(shown!, { timeout: 3_000 });

    // The second turn, sent at once: its context is read from the cache.
    await composer.click();
    await page.keyboard.type(CLAUDE.prompts[1]);
    const endedAgain = replyEnd(page, 2);
    await page.keyboard.press('Enter');
    const secondEnd = await endedAgain;
    await expect
      .poll(async () => Date.parse((await badge.getAttribute('data-cache-expires-at')) ?? ''), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(secondEnd + ttlMinutes * 60_000 - 2_000);

    const extensionPage = await openExtensionPage('popup.html');
    await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(2);
    const [one, two] = ((await readStoredEvents(extensionPage)) as CacheEvent[]).sort((a, b) => a.time - b.time) as [CacheEvent, CacheEvent];
    expect(one.cacheReadTokens, 'the first turn of a new chat reads nothing from a cache').toBeUndefined();
    expect(two.contextTokens).toBeGreaterThan(10);
    expect(two.cacheReadTokens).toBe(two.contextTokens);

    // Priced at the model's cache-read price: less than the same tokens as fresh input.
    const model = modelForId(two.model)!;
    const input = two.promptTokens + two.contextTokens;
    const fresh = billedCostUsd(model, { inputTokens: input, outputTokens: two.outputTokens })!;
    const cached = billedCostUsd(model, { inputTokens: input, cacheReadTokens: two.cacheReadTokens, outputTokens: two.outputTokens })!;
    expect(two.costUsd).toBeCloseTo(cached, 10);
    expect(two.costUsd!).toBeLessThan(fresh);
  });
}

test('ChatGPT: no cache countdown and no cache reads (no published rule for the app)', async ({ context, openExtensionPage }) => {
  const site: ChatSite = { ...CLAUDE, name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/', provider: 'openai', countModel: 'gpt-5', exact: true };
  const page = await openChatSite(context, site, { fixture: { wordMs: 8 } });
  const composer = page.locator(await fixtureCall<string>(page, 'selector', 'composer'));
  const badge = page.locator('tokentally-badge').first();
  for (const [i, prompt] of site.prompts.entries()) {
    await composer.click();
    await page.keyboard.type(prompt);
    await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(i + 1);
  }
  const extensionPage = await openExtensionPage('popup.html');
  await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(2);
  const events = (await readStoredEvents(extensionPage)) as CacheEvent[];
  expect(events.map((e) => e.cacheReadTokens)).toEqual([undefined, undefined]);
  await expect(badge).not.toHaveAttribute('data-cache-expires-at', /.*/);
  await expect(badge.locator('[data-field="cache-countdown"]')).toHaveCount(0);
});
