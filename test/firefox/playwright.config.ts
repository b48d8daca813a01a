import { defineConfig } from '@playwright/test';
import chromiumSuite from '@/playwright.config';

/**
 * The Firefox smoke suite: Playwright's runner (one worker, retries and forbidOnly in CI, as
 * the Chromium suite) around puppeteer-core, which drives Debian's firefox-esr over WebDriver
 * BiDi (Playwright's own Firefox build cannot be downloaded here).
 */
export default defineConfig({
  ...chromiumSuite,
  testDir: '.',
  testMatch: '**/*.firefox.ts',
  globalSetup: './firefox-version.ts',
  // Each test starts its own Firefox (fresh profile and install): ~5 s quiet, ~15 s under load.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/firefox',
});
