import type { HTTPRequest } from 'puppeteer-core';
import { test, expect } from './firefox-test';
import { until } from './firefox-session';
import { fixtureHtml } from '../e2e/fixture-html';
import { NEW_SHAPE, ORG_UUID, ORGANIZATIONS } from '../../utils/meters/claude-usage-fixtures';

/**
 * Claude's usage meter (issue 13) in a real Firefox: a content script's fetch behaves
 * differently there (it ran as the extension in MV2), so this proves the reads go to claude.ai
 * with the page's own session cookie and reach the popup's `data-meter` contract.
 */
test("Claude: the usage meter is read with the page's own session and shown in the popup", async ({ firefox }) => {
  const page = await firefox.browser.newPage();
  const api: Array<{ path: string; cookie: string; method: string }> = [];
  const elsewhere: string[] = [];
  const usage = structuredClone(NEW_SHAPE);
  const sessionReset = new Date(Date.now() + 2 * 3_600_000).toISOString();
  usage.limits[0]!.resets_at = sessionReset;
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.origin !== 'https://claude.ai') {
      if (url.protocol === 'http:' || url.protocol === 'https:') elsewhere.push(url.href);
      return void request.abort('blockedbyclient');
    }
    if (!url.pathname.startsWith('/api/')) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixtureHtml('claude.html') });
    api.push({ path: url.pathname, cookie: request.headers()['cookie'] ?? '', method: request.method() });
    const body = url.pathname === '/api/organizations' ? ORGANIZATIONS.slice(0, 1) : url.pathname === `/api/organizations/${ORG_UUID}/usage` ? usage : null;
    return void request.respond({ status: body ? 200 : 404, contentType: 'application/json', body: JSON.stringify(body ?? {}) });
  });
  await page.goto('https://claude.ai/new');
  // The page's session (a cookie set before the first read, 1 s after the content script starts).
  await page.evaluate(() => {
    document.cookie = 'sessionProbe=ff-e2e; path=/; secure; samesite=lax';
  });
  await until(async () => api.length >= 2, 'the two usage requests', 20_000);
  expect(api).toEqual([
    { path: '/api/organizations', cookie: expect.stringContaining('sessionProbe=ff-e2e'), method: 'GET' },
    { path: `/api/organizations/${ORG_UUID}/usage`, cookie: expect.stringContaining('sessionProbe=ff-e2e'), method: 'GET' },
  ]);
  expect(elsewhere).toEqual([]);

  const popup = await firefox.openExtensionPage('popup.html');
  await until(() => popup.evaluate(() => !!document.querySelector('[data-meter="claude:weekly:opus"]')), 'the Claude windows in the popup', 20_000);
  const meters = await popup.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-meter]')].map((e) => [e.getAttribute('data-meter'), [e.getAttribute('data-used'), e.getAttribute('data-resets-at')]])),
  );
  expect(meters['claude:session']).toEqual(['0.425', sessionReset]);
  expect(meters['claude:weekly']?.[0]).toBe('0.71');
  expect(meters['claude:weekly:opus']?.[0]).toBe('0.33');
  expect(firefox.trapped).toEqual([]);
});
