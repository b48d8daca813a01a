import { chromium, type BrowserContext } from '@playwright/test';

/**
 * Chromium with the built extension loaded, nothing of Chromium's own fetched, and every
 * request that escapes a test's routes failed loudly (it would leave the machine). For the
 * end-to-end tests and the benchmarks; `userDataDir` is the caller's to remove.
 */
export async function launchExtensionContext(userDataDir: string, extensionDir: string, chromiumPath: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  return context;
}
