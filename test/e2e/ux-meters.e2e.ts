import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, serviceWorkerOf, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { badgeAfter } from '@/test/e2e/badge-helpers';
import { OLD_SHAPE, ORG_UUID, ORGANIZATIONS } from '@/test/unit/claude-usage-fixtures';

/**
 * Limits where the user looks: a Claude session at 96% shows at the chat box (the badge's meter
 * bar), in the toolbar badge and at the top of the popup. claude.ai's usage endpoints are served
 * at claude.ai in the shape the web app gets.
 */

const H = 3_600_000;

/** Serves claude.ai with the session `sessionPct` % used, resetting in two hours. */
async function serveClaude(context: BrowserContext, sessionPct: number): Promise<{ calls: () => number }> {
  const body = structuredClone(OLD_SHAPE);
  body.five_hour.utilization = sessionPct;
  body.five_hour.resets_at = new Date(Date.now() + 2 * H).toISOString();
  body.seven_day.resets_at = new Date(Date.now() + 50 * H).toISOString();
  await servePage(context, 'https://claude.ai/new', fixtureHtml('claude.html'));
  let calls = 0;
  await context.route('https://claude.ai/api/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    calls++;
    if (path === '/api/organizations') return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ORGANIZATIONS.slice(0, 1)) });
    if (path === `/api/organizations/${ORG_UUID}/usage`) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    return route.fulfill({ status: 404, contentType: 'application/json', body: '{}' });
  });
  return { calls: () => calls };
}

async function openClaude(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('https://claude.ai/new');
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  return page;
}

const toolbarBadge = (context: BrowserContext) =>
  serviceWorkerOf(context).then((w) => w.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) })));

test('a Claude session at 96%: the badge at the chat box shows it with its reset, in the warning colour', async ({ context }) => {
  const served = await serveClaude(context, 96);
  const page = await openClaude(context);
  await expect.poll(served.calls, { timeout: 15_000 }).toBe(2);
  const badge = badgeAfter(page.locator('fieldset .ProseMirror'));
  const session = badge.locator('.meters [data-meter="claude:session"]');
  await expect(session).toBeVisible();
  await expect(session).toHaveAttribute('data-severity', 'warn');
  await expect(session).toContainText('96%');
  await expect(session).toContainText(/(1 h 59 min|2 h)/);
  await expect(session.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '96');
  // The warning colour is the badge's own warn colour, not the muted text colour.
  const colours = await session.evaluate((el) => {
    const chip = el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).querySelector('.chip')! : el;
    return { meter: getComputedStyle(el).color, chip: getComputedStyle(chip).color };
  });
  expect(colours.meter).not.toBe(colours.chip);
  // The weekly window is beside it, and every window is in the details panel.
  await expect(badge.locator('.meters [data-meter="claude:weekly"]')).toContainText('26%');
  await badge.locator('button.chip').click();
  const panel = badge.locator('[role="dialog"]');
  await expect(panel.locator('[data-field="plan-limits"] [data-meter="claude:session"]')).toContainText(/Resets in (1 h 59 min|2 h)/);

  // The README's picture of the badge with its meter bar.
  await page.keyboard.press('Escape');
  await page.locator('fieldset .ProseMirror').click();
  await page.keyboard.type('Summarise the attached quarterly report in five bullet points.');
  await expect(badge).toHaveAttribute('data-state', 'ready');
  const box = (await page.locator('fieldset').first().boundingBox())!;
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/badge-meters.png', clip: { x: Math.max(0, box.x - 16), y: Math.max(0, box.y - 16), width: box.width + 32, height: box.height + 64 } });
});

test('a reload inside the read interval shows the last reading at once, without asking claude.ai again', async ({ context }) => {
  const served = await serveClaude(context, 96);
  const page = await openClaude(context);
  await expect.poll(served.calls, { timeout: 15_000 }).toBe(2);
  await page.reload();
  const session = badgeAfter(page.locator('fieldset .ProseMirror')).locator('.meters [data-meter="claude:session"]');
  await expect(session).toContainText('96%', { timeout: 10_000 });
  expect(served.calls()).toBe(2);
});

test('a quiet session shows in the normal colour', async ({ context }) => {
  const served = await serveClaude(context, 20);
  const page = await openClaude(context);
  await expect.poll(served.calls, { timeout: 15_000 }).toBe(2);
  const session = badgeAfter(page.locator('fieldset .ProseMirror')).locator('.meters [data-meter="claude:session"]');
  await expect(session).toHaveAttribute('data-severity', 'ok');
  await expect(session).toContainText('20%');
});

test('with a meter: Plan limits lead the popup and the toolbar badge shows the fullest window by default', async ({ context, openExtensionPage }) => {
  const served = await serveClaude(context, 96);
  await openClaude(context);
  await expect.poll(served.calls, { timeout: 15_000 }).toBe(2);
  await expect.poll(async () => (await toolbarBadge(context)).text, { timeout: 10_000 }).toBe('96%');
  expect((await toolbarBadge(context)).title).toContain('Claude Session (5 h) at 96%');

  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('[data-meter="claude:session"]')).toHaveAttribute('data-used', '0.96');
  // Plan limits come before any provider card, and before the empty-state text.
  const order = await popup.evaluate(() => {
    const plan = document.querySelector('.plan-limits');
    const firstOther = document.querySelector('.cards, .empty');
    return plan && firstOther ? plan.compareDocumentPosition(firstOther) & 4 : -1;
  });
  expect(order).toBe(4);
  const planTop = await popup.locator('.plan-limits').evaluate((el) => el.getBoundingClientRect().top);
  expect(planTop).toBeLessThan(600);
  // The README's picture of the popup with Plan limits on top.
  await popup.setViewportSize({ width: 400, height: 600 });
  mkdirSync('docs', { recursive: true });
  await popup.screenshot({ path: 'docs/popup-plan-limits.png' });

  // Switched to own limits, the toolbar badge is the user's own again.
  await popup.evaluate(async () => {
    const got = await chrome.storage.sync.get('settings.meters');
    const meters = (got['settings.meters'] ?? {}) as { siteMeters?: Record<string, unknown> };
    await chrome.storage.sync.set({ 'settings.meters': { siteMeters: { read: true, thresholds: [0.8, 0.95], notifyOnReset: false, chatgptPlan: 'none', chatgptCaps: [], ...meters.siteMeters, badge: 'own-limits' } } });
  });
  await expect.poll(async () => (await toolbarBadge(context)).text, { timeout: 10_000 }).not.toBe('96%');
});

test('without a meter: the toolbar badge is the user’s own, and Plan limits follow the cards', async ({ context, openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('.plan-limits')).toBeVisible();
  const order = await popup.evaluate(() => {
    const plan = document.querySelector('.plan-limits')!;
    const first = document.querySelector('.cards, .empty')!;
    return first.compareDocumentPosition(plan) & 4;
  });
  expect(order).toBe(4);
  const badge = await toolbarBadge(context);
  expect(badge.title).not.toContain('Session');
  expect(badge.text).not.toMatch(/%$/);
});
