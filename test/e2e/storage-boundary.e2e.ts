import type { Page } from '@playwright/test';
import { test, expect, servePage, fixtureHtml, serviceWorkerOf } from '@/test/e2e/extension-fixture';
import { inContentScriptWorld, workerControl } from '@/test/e2e/extension-control';
import { importThroughOptions, readStoredEvents, seedEvent } from '@/test/e2e/stored-usage';
import { trustedSettings } from '@/test/e2e/extension-storage';

/**
 * Issue 25's attacks on the storage a content script could once write, judged by effect: the
 * records, the settings the background acts on, the popup. Run from TokenTally's own
 * content-script world on gemini.google.com (through the DevTools protocol, with exactly a
 * content script's powers), and by planting every key the old and new designs used, as an
 * earlier version or a Firefox content script could have left them.
 */

const real = (i: number) =>
  seedEvent({ id: `real-turn-${String(i).padStart(4, '0')}`, time: Date.now() - i * 3_600_000, provider: 'openai', model: 'gpt-4o', promptTokens: 100 + i, contextTokens: 1000, outputTokens: 300, costUsd: 0.005, priceDate: '2026-09-23' });
const REAL = [real(1), real(2), real(3)];

async function seedRecords(openExtensionPage: (name: 'options.html') => Promise<Page>): Promise<Page> {
  const options = await openExtensionPage('options.html');
  await importThroughOptions(options, REAL);
  return options;
}

/** The settings as the background loads them and acts on them (its answer to a settings request). */
const settingsInUse = (page: Page) =>
  page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'settings' })) as { value: { settings: Record<string, any> } }).value.settings);

const claudeTurn = (id: string, extra: Record<string, unknown> = {}) => ({
  id, time: Date.now() - 60_000, site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5', promptTokens: 500, contextTokens: 9_000_000, outputTokens: 9_000_000,
  costUsd: 9_999, priceDate: '2026-09-23', exact: false, kind: 'chat', ...extra,
});

test('a content script can neither read nor write extension storage, and what was planted there records and changes nothing', async ({ context, openExtensionPage }) => {
  const options = await seedRecords(openExtensionPage);
  const before = (await readStoredEvents(options)).map((e) => e.id).sort();

  // From TokenTally's own content-script world on another site: every area is refused.
  await servePage(context, 'https://gemini.google.com/app', fixtureHtml('gemini.html'));
  const gemini = await context.newPage();
  const run = await inContentScriptWorld(context, gemini, 'https://gemini.google.com/app');
  for (const area of ['local', 'sync', 'session']) {
    for (const call of [`set({ 'usageOutbox:claude.ai': { x: 1 } })`, `get(null)`]) {
      const result = JSON.stringify(await run(`Promise.resolve().then(() => chrome.storage.${area}.${call}).then(() => 'allowed', (e) => 'refused: ' + e.message)`));
      expect(result, `${area}.${call}`).not.toBe('"allowed"');
      expect(result, `${area}.${call}`).toMatch(/not allowed|refused|threw|undefined/i);
    }
  }

  // Planted as an earlier version (or a Firefox content script) could have left them.
  const sw = await serviceWorkerOf(context);
  await sw.evaluate(
    async ({ turns }) => {
      const planted: Record<string, unknown> = { estimateCorrections: { 'claude3-estimate': { ratio: 1.33, samples: 50, updated: Date.now() } } };
      turns.forEach((t, i) => {
        if (i < 40) planted[`tt-pending-usage:${t.id}`] = t;
        else if (i < 45) planted['usageOutbox:claude.ai'] = { ...(planted['usageOutbox:claude.ai'] as object), [t.id]: t };
        else planted[`startedTurn:${t.id}`] = { event: t, pageId: 'page-planted-01', heartbeatAt: 0 };
      });
      await chrome.storage.local.set(planted);
      await chrome.storage.sync.set({
        'settings.accuracy': { anthropicExactCounts: true },
        'settings.data': { retentionDays: 1 },
        'settings.sites': { sites: { 'claude.ai': { enabled: false } }, extraSites: ['evil.example'] },
      });
    },
    { turns: Array.from({ length: 245 }, (_, i) => claudeTurn(`planted-turn-${String(i).padStart(4, '0')}`)) },
  );

  // The next worker start, and a claude.ai page load, find them.
  await (await workerControl(context)).stop();
  await servePage(context, 'https://claude.ai/new', fixtureHtml('claude.html'));
  const claude = await context.newPage();
  await claude.goto('https://claude.ai/new');
  await expect(claude.locator('html')).toHaveAttribute('data-tokentally', 'active');
  await expect.poll(() => sw.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => /^(tt-pending-usage:|usageOutbox:|startedTurn:|estimateCorrections)/.test(k)).length)).toBe(0);

  // No forged record: the real ones, exactly.
  expect((await readStoredEvents(options)).map((e) => e.id).sort()).toEqual(before);
  // No setting changed that sends or deletes data.
  const inUse = await settingsInUse(options);
  expect(inUse.anthropicExactCounts).toBe(false);
  expect(inUse.retentionDays).toBeNull();
  expect(inUse.sites['claude.ai']?.enabled ?? true).toBe(true);
  expect(inUse.extraSites).toEqual([]);
  expect(await trustedSettings(options)).toMatchObject({ anthropicExactCounts: false, retentionDays: null, siteEnabled: {}, extraSites: [] });
  // Retention run now deletes nothing.
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'apply-retention' }));
  expect((await readStoredEvents(options)).map((e) => e.id).sort()).toEqual(before);
  // The claude.ai badge counts: the site was not switched off.
  await expect(claude.locator('tokentally-badge')).toHaveCount(1);

  // The planted turns wait for the user's review in the popup, with what they claim; discarding records nothing.
  const popup = await openExtensionPage('popup.html');
  const review = popup.getByTestId('held-turns');
  await expect(review).toContainText('could not be verified');
  await expect(review).toContainText('claude.ai');
  await review.getByRole('button', { name: 'Discard' }).click();
  await expect(review).toHaveCount(0);
  expect((await readStoredEvents(options)).map((e) => e.id).sort()).toEqual(before);
});

test('a turn dated ahead of this clock is held, shown, and never lost or recorded twice', async ({ context, openExtensionPage }) => {
  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt.html'));
  const page = await context.newPage();
  const run = await inContentScriptWorld(context, page, 'https://chatgpt.com/');
  // The turn was stamped before the clock was moved back three days.
  const ahead = { id: 'ahead-of-clock-0001', time: Date.now() + 3 * 86_400_000, site: 'chatgpt.com', provider: 'openai', model: 'gpt-4o', promptTokens: 12, contextTokens: 0, outputTokens: 40, costUsd: 0.0004, priceDate: '2026-09-23', exact: true, kind: 'chat' };
  const send = () => run(`chrome.runtime.sendMessage({ type: 'record-usage', event: ${JSON.stringify(ahead)} })`);
  expect(await send()).toEqual({ ok: true, value: { stored: false, quarantined: true } });
  expect(await send()).toEqual({ ok: true, value: { stored: false, quarantined: true } });
  const popup = await openExtensionPage('popup.html');
  expect(await readStoredEvents(popup)).toEqual([]);
  const note = popup.getByTestId('held-turns');
  await expect(note).toContainText('1 turn');
  await expect(note).toContainText('ahead of this computer');
  // Never "No usage recorded yet" over a turn that is waiting.
  await expect(popup.getByTestId('empty-state')).toHaveCount(0);
});
