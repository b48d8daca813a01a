import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the system Chromium lives; Playwright's own browser download cannot work here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const extensionDir = path.resolve(process.env.TT_OUT_DIR ?? '.output', 'chrome-mv3');

if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. End-to-end tests need a real Chromium:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at another Chromium binary.`,
  );
}
if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
  throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
}

import { launchExtensionContext } from '@/test/e2e/launch-extension';

export { fixtureHtml, fixturesDir } from '@/test/e2e/fixture-html';

export async function launchWithExtension(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tokentally-e2e-'));
  const context = await launchExtensionContext(userDataDir, extensionDir, chromiumPath);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Serves `html` at a real site URL (and everything under that origin) so the content script's matches fire. */
export async function servePage(context: BrowserContext, url: string, html: string): Promise<void> {
  const origin = new URL(url).origin;
  await context.route(`${origin}/**`, (route) => {
    const requestUrl = new URL(route.request().url());
    if (route.request().resourceType() === 'document' || requestUrl.pathname === new URL(url).pathname) {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

type Fixtures = {
  context: BrowserContext;
  extensionId: string;
  openExtensionPage: (pageName: 'popup.html' | 'options.html') => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => {
    const worker = await serviceWorkerOf(context);
    await use(worker.url().split('/')[2]!);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (pageName) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pageName}`);
      return page;
    });
  },
});

export const expect = test.expect;
