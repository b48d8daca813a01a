import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { test, expect, serviceWorkerOf, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { seedEvent, type SeedEvent } from '@/test/e2e/stored-usage';

/**
 * The toolbar popup against the built extension: usage is seeded through the
 * background exactly as content scripts record it, limits through storage.sync, and the
 * expected numbers are summed here from what was sent, not read from the extension.
 */

const event = seedEvent;

async function record(page: Page, events: SeedEvent[]): Promise<void> {
  for (const e of events) {
    const reply = await page.evaluate((ev) => chrome.runtime.sendMessage({ type: 'record-usage', event: ev }), e);
    expect(reply).toMatchObject({ ok: true });
  }
}

/** Limits in the sectioned storage.sync layout ("settings.limits" holds limits + thresholds). */
async function setLimits(page: Page, limits: Record<string, { monthlyTokenLimit?: number | null; monthlyBudgetUsd?: number | null }>) {
  const full = Object.fromEntries(
    ['openai', 'anthropic', 'google'].map((p) => [
      p,
      { monthlyTokenLimit: null, monthlyBudgetUsd: null, cycleStartDay: 1, timezone: 'UTC', tpm: null, ...limits[p] },
    ]),
  );
  await page.evaluate((l) => chrome.storage.sync.set({ 'settings.limits': { limits: l, alertThresholds: [0.8, 1] } }), full);
}

function sum(events: SeedEvent[], provider: string) {
  const mine = events.filter((e) => e.provider === provider);
  return {
    input: mine.reduce((s, e) => s + e.promptTokens + e.contextTokens, 0),
    output: mine.reduce((s, e) => s + e.outputTokens, 0),
    cost: mine.reduce((s, e) => s + (e.costUsd ?? 0), 0),
    credits: mine.reduce((s, e) => s + (e.credits ?? 0), 0),
    turns: mine.length,
  };
}

async function expectNoSeriousA11yViolations(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const fmt = (n: number) => n.toLocaleString('en-US');
const usd = (n: number) => (n > 0 && n < 1 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

test('a first-time user sees the empty state, accessible in light and dark', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No usage recorded yet' })).toBeVisible();
  await expect(page.locator('[data-provider]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('cards show this period per provider, matching what was recorded and the limits', async ({ context, openExtensionPage }) => {
  const seeder = await openExtensionPage('popup.html');
  await setLimits(seeder, { openai: { monthlyTokenLimit: 10_000 }, anthropic: { monthlyBudgetUsd: 0.5, monthlyTokenLimit: 1_000_000 } });
  const events = [
    event({ provider: 'openai', model: 'gpt-4o', promptTokens: 1200, contextTokens: 800, outputTokens: 650, costUsd: 0.0115 }),
    event({ provider: 'openai', model: 'gpt-4o-mini', promptTokens: 310, contextTokens: 2100, outputTokens: 420, costUsd: 0.00061 }),
    event({ provider: 'openai', model: 'gpt-4o', promptTokens: 95, contextTokens: 3400, outputTokens: 1000, costUsd: 0.01874 }),
    event({ provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 2048, contextTokens: 0, outputTokens: 900, costUsd: 0.019644, exact: false }),
    event({ provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 128, contextTokens: 2948, outputTokens: 1200, costUsd: 0.027228, exact: false }),
    event({ provider: 'clay', model: 'gpt-4o-mini', promptTokens: 15_000, outputTokens: 5000, costUsd: 0.00525, credits: 250 }),
  ];
  await record(seeder, events);

  const page = await openExtensionPage('popup.html');
  const cards = page.locator('[data-provider]');
  await expect(cards).toHaveCount(3);
  await expect(page.locator('[data-provider="google"]')).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toHaveCount(0);

  for (const provider of ['openai', 'anthropic', 'clay'] as const) {
    const expected = sum(events, provider);
    const card = page.locator(`[data-provider="${provider}"]`);
    await expect(card).toHaveAttribute('data-input-tokens', String(expected.input));
    await expect(card).toHaveAttribute('data-output-tokens', String(expected.output));
    expect(Number(await card.getAttribute('data-cost-usd'))).toBeCloseTo(expected.cost, 9);
    // The visible numbers agree with the attributes.
    await expect(card.getByTestId('input-tokens')).toHaveText(fmt(expected.input));
    await expect(card.getByTestId('output-tokens')).toHaveText(fmt(expected.output));
    await expect(card.getByTestId('cost-usd')).toHaveText(usd(expected.cost));
    await expect(card.getByTestId('turns')).toHaveText(String(expected.turns));
    await expect(card).toContainText(/Resets \w{3} \d+ \(UTC\) · \d+ days? left/);
  }

  const openai = sum(events, 'openai');
  const openaiUsed = Number(await page.locator('[data-provider="openai"]').getAttribute('data-limit-used'));
  expect(openaiUsed).toBeCloseTo((openai.input + openai.output) / 10_000, 9);
  await expect(page.locator('[data-provider="openai"]')).toContainText(`${Math.floor(((openai.input + openai.output) / 10_000) * 100)}%`);
  // Anthropic: the most-used of its two limits is the $ budget.
  const anthropic = sum(events, 'anthropic');
  const anthropicUsed = Number(await page.locator('[data-provider="anthropic"]').getAttribute('data-limit-used'));
  expect(anthropicUsed).toBeCloseTo(anthropic.cost / 0.5, 9);
  await expect(page.locator('[data-provider="anthropic"] [role="progressbar"]')).toHaveCount(2);
  // Clay: credits against the default 20,000-credit plan.
  const clay = page.locator('[data-provider="clay"]');
  expect(Number(await clay.getAttribute('data-limit-used'))).toBeCloseTo(250 / 20_000, 9);
  await expect(clay.getByTestId('credits-used')).toHaveText('250');

  // Below the cards: the chart's text alternative, per-model rows and the last turns.
  await expect(page.getByRole('img', { name: /Daily tokens/ })).toBeVisible();
  await expect(page.locator('tr[data-model="gpt-4o"]')).toHaveCount(1);
  await expect(page.locator('tr[data-event-id]')).toHaveCount(events.length);

  // Live refresh: a new turn recorded while the popup is open shows up without reopening it.
  const extra = event({ provider: 'google', model: 'gemini-2.5-flash', promptTokens: 700, outputTokens: 300, costUsd: 0.00096 });
  await record(seeder, [extra]);
  await expect(page.locator('[data-provider="google"]')).toHaveAttribute('data-input-tokens', '700');
  await expect(page.locator('[data-provider="google"]')).toHaveAttribute('data-limit-used', '');

  // The toolbar badge shows the most-used limit (OpenAI tokens), and the 80% alert fired once.
  const worker = await serviceWorkerOf(context);
  const pct = Math.floor(Math.max(anthropicUsed, openaiUsed) * 100);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(`${pct}%`);
  expect(openaiUsed).toBeGreaterThan(0.8);
  expect(openaiUsed).toBeLessThan(1);
  await expect
    .poll(async () => ((await worker.evaluate(() => chrome.storage.local.get('firedAlerts'))).firedAlerts as string[] | undefined) ?? [])
    .toEqual([expect.stringMatching(/^openai:tokens@\d+#0\.8$/)]);

  await expectNoSeriousA11yViolations(page);
});

test('quick actions: pause counting on the current site from the popup', async ({ context, openExtensionPage }) => {
  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt.html'));
  const page = await openExtensionPage('popup.html');
  const site = await context.newPage();
  await site.goto('https://chatgpt.com/');
  // A real popup sees the page's tab as the active one: make it so, then load the popup (in a background tab).
  await site.bringToFront();
  await page.reload();
  const pause = page.getByTestId('pause-site');
  await expect(pause).toHaveText('Pause on chatgpt.com');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expect(pause).toHaveText('Resume on chatgpt.com');
  const stored = await page.evaluate(() => chrome.storage.sync.get('settings.sites'));
  expect(stored['settings.sites']).toMatchObject({ sites: { 'chatgpt.com': { enabled: false } } });
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
});

test('README screenshot of the popup with a month of data', async ({ openExtensionPage }) => {
  const seeder = await openExtensionPage('popup.html');
  await setLimits(seeder, { openai: { monthlyTokenLimit: 450_000, monthlyBudgetUsd: 20 }, anthropic: { monthlyBudgetUsd: 15 } });
  const now = Date.now();
  const d = new Date(now);
  const periodStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const days = Math.max(1, Math.floor((now - periodStart) / 86_400_000));
  const events: SeedEvent[] = [];
  for (let day = 0; day <= days; day++) {
    const turns = 2 + ((day * 7) % 5);
    for (let t = 0; t < turns; t++) {
      const time = Math.min(now - 60_000, periodStart + day * 86_400_000 + (9 + t) * 3_600_000);
      const openai = t % 3 !== 2;
      const input = 1500 + ((day * 131 + t * 977) % 9000);
      const output = 300 + ((day * 71 + t * 313) % 1500);
      events.push(
        openai
          ? event({ provider: 'openai', model: t % 2 ? 'gpt-4o' : 'gpt-5', time, promptTokens: Math.round(input * 0.2), contextTokens: Math.round(input * 0.8), outputTokens: output, costUsd: (input * 2.5 + output * 10) / 1e6 })
          : event({ provider: 'anthropic', model: 'claude-sonnet-4-5', time, promptTokens: Math.round(input * 0.3), contextTokens: Math.round(input * 0.7), outputTokens: output, costUsd: (input * 3 + output * 15) / 1e6, exact: false }),
      );
    }
  }
  await seeder.evaluate((evs) => chrome.runtime.sendMessage({ type: 'import-usage', events: evs }), events);
  const page = await openExtensionPage('popup.html');
  await page.setViewportSize({ width: 400, height: 820 });
  await expect(page.locator('[data-provider="openai"]')).toBeVisible();
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', String(sum(events, 'openai').input));
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('popup-dark.png'), fullPage: true });
});

test('the popup paints this open\'s numbers before its settings code loads, reads them once, and follows settings changed since', async ({ openExtensionPage }) => {
  const seeder = await openExtensionPage('options.html');
  await record(seeder, [event({ provider: 'openai', model: 'gpt-4o', promptTokens: 400, outputTokens: 100, costUsd: 0.002 })]);
  const marks = (page: Page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));

  // The background has validated the settings (storage.session): the start-up paints with them.
  await expect.poll(() => seeder.evaluate(async () => Object.keys(await chrome.storage.session.get('validatedSettings')).length)).toBe(1);
  const a = await openExtensionPage('popup.html');
  await expect(a.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '400');
  // The full popup has validated the settings and decided whether to read again.
  await expect.poll(async () => Object.keys(await marks(a)).some((m) => m === 'tt:startup-numbers-kept' || m === 'tt:popup-data')).toBe(true);
  const aMarks = await marks(a);
  expect(aMarks['tokentally:first-numbers']).toBeLessThan(aMarks['tt:live-mount']!);
  // The full popup took over without reading the same numbers again.
  expect(aMarks['tt:startup-numbers-kept']).toBeDefined();
  expect(aMarks['tt:popup-data']).toBeUndefined();
  // Nothing the popup trusts is left where content scripts can write.
  expect(Object.keys(await a.evaluate(() => chrome.storage.local.get(null)))).not.toContain('validatedSettings');
  await a.close();

  // A usage write and a settings change since: the next open shows both.
  await record(seeder, [event({ provider: 'openai', model: 'gpt-4o', promptTokens: 600, outputTokens: 50, costUsd: 0.002 })]);
  await setLimits(seeder, { openai: { monthlyTokenLimit: 2_300 } });
  const b = await openExtensionPage('popup.html');
  await expect(b.locator('[data-provider="openai"]')).toHaveAttribute('data-input-tokens', '1000');
  await expect(b.locator('[data-provider="openai"]')).toHaveAttribute('data-limit-used', '0.5');
});

test('README badge image: the inline badge on the ChatGPT fixture', async ({ context }) => {
  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt.html'));
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 420 });
  await page.goto('https://chatgpt.com/');
  const field = page.locator('#prompt-textarea');
  await field.evaluate((el) => {
    el.innerHTML =
      '<p>Summarise the attached quarterly report in five bullet points, then list the three biggest risks with one sentence each.</p>';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  const badge = page.locator('tokentally-badge').first();
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await expect(badge).toHaveAttribute('data-tokens', /^[1-9]\d*$/);
  mkdirSync('docs', { recursive: true });
  // The composer and its surroundings, so the badge is legible at README size.
  const box = (await page.locator('form').first().boundingBox())!;
  await page.screenshot({ path: 'docs/badge.png', clip: { x: Math.max(0, box.x - 16), y: Math.max(0, box.y - 16), width: box.width + 32, height: box.height + 32 } });
});
