import { test, expect, expectNoRequestLeftTheOrigin } from '@/test/firefox/firefox-test';
import { NEW_SHAPE, ORG_UUID, ORGANIZATIONS } from '@/test/unit/claude-usage-fixtures';

/**
 * Claude's usage meter in a real Firefox: a content script's fetch behaves
 * differently there (it ran as the extension in MV2), so this proves the reads go to claude.ai
 * as the page's own (same origin, its session cookie) and reach the popup's `data-meter` contract.
 */
test("Claude: the usage meter is read with the page's own session and shown in the popup", async ({ firefox }) => {
  // The page's session, in the cookie jar before the page loads (no race with the first read).
  const session = 'sk-ant-sid01-firefox-session';
  await firefox.browser.setCookie({ name: 'sessionKey', value: session, domain: 'claude.ai', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
  const usage = structuredClone(NEW_SHAPE);
  const sessionReset = new Date(Date.now() + 2 * 3_600_000).toISOString();
  usage.limits[0]!.resets_at = sessionReset;
  const json = (body: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await firefox.openSite('https://claude.ai/new', 'claude-2026.html', ({ pathname }) => {
    if (pathname === '/api/organizations') return json(ORGANIZATIONS.slice(0, 1));
    if (pathname === `/api/organizations/${ORG_UUID}/usage`) return json(usage);
    return undefined;
  });
  const apiReads = () => firefox.requests.filter((r) => r.url.startsWith('https://claude.ai/api/'));
  await expect.poll(() => apiReads().length, { timeout: 20_000 }).toBe(2);
  expect(apiReads().map((r) => [r.method, new URL(r.url).pathname])).toEqual([
    ['GET', '/api/organizations'],
    ['GET', `/api/organizations/${ORG_UUID}/usage`],
  ]);
  for (const read of apiReads()) {
    expect(read.headers.cookie).toContain(`sessionKey=${session}`);
    expect(read.headers['sec-fetch-site']).toBe('same-origin');
  }

  const popup = await firefox.openExtensionPage('popup.html');
  const meters = () =>
    popup.evaluate(() =>
      Object.fromEntries(Array.from(document.querySelectorAll('[data-meter]'), (e) => [e.getAttribute('data-meter'), [e.getAttribute('data-used'), e.getAttribute('data-resets-at')]])),
    );
  await expect.poll(async () => (await meters())['claude:weekly:opus'] !== undefined, { timeout: 20_000 }).toBe(true);
  const shown = await meters();
  expect(shown['claude:session']).toEqual(['0.425', sessionReset]);
  expect(shown['claude:weekly']?.[0]).toBe('0.71');
  expect(shown['claude:weekly:opus']?.[0]).toBe('0.33');
  expectNoRequestLeftTheOrigin(firefox);
});
