import { test, expect, servePage, fixtureHtml, serviceWorkerOf } from '@/test/e2e/extension-fixture';
import { SITE_FIXTURES } from '@/test/e2e/fixtures/sites';

test('the service worker starts and answers a ping', async ({ context, openExtensionPage }) => {
  const worker = await serviceWorkerOf(context);
  expect(worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  const page = await openExtensionPage('popup.html');
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
  expect(reply).toEqual({ ok: true, value: { pong: true } });
  const rejected = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'no-such-message' }));
  expect(rejected).toMatchObject({ ok: false, error: expect.stringContaining('Malformed message') });
});

test('the popup renders', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await expect(page.getByRole('heading', { name: 'TokenTally' })).toBeVisible();
});

test('the options page renders', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('heading', { name: /TokenTally settings/ })).toBeVisible();
});

for (const site of SITE_FIXTURES) {
  test(`the content script runs on ${site.name}`, async ({ context }) => {
    await servePage(context, site.url, fixtureHtml(site.file));
    const page = await context.newPage();
    await page.goto(site.url);
    await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  });
}
