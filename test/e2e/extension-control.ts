import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, serviceWorkerOf } from '@/test/e2e/extension-fixture';

/** Control over the extension's runtime from a test: its content-script world, its service worker. */

/** Evaluates `expression` in TokenTally's content-script world of `page` (awaiting a promise). */
export async function inContentScriptWorld(context: BrowserContext, page: Page, url: string): Promise<(expression: string) => Promise<unknown>> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const worlds: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.name === 'TokenTally')).toBe(true);
  const world = worlds.filter((w) => w.auxData?.type === 'isolated' && w.name === 'TokenTally').at(-1)!;
  return async (expression) => {
    const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string } };
    };
    if (result.exceptionDetails) return { threw: result.exceptionDetails.exception?.description ?? 'exception' };
    return result.result.value;
  };
}


/**
 * The extension's service worker as the DevTools protocol reports it, through a page of the
 * extension's origin that runs no script (so nothing but the test wakes the worker).
 */
export async function workerControl(context: BrowserContext) {
  const origin = (await serviceWorkerOf(context)).url().split('/').slice(0, 3).join('/');
  const quiet: Page = await context.newPage();
  await quiet.goto(`${origin}/manifest.json`);
  const cdp: CDPSession = await context.newCDPSession(quiet);
  const scopes = new Map<string, string>();
  const versions = new Map<string, { scope: string; status: string }>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => registrations.forEach((r) => scopes.set(r.registrationId, r.scopeURL)));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: vs }) =>
    vs.forEach((v) => versions.set(v.versionId, { scope: scopes.get(v.registrationId) ?? v.scriptURL, status: v.runningStatus })),
  );
  await cdp.send('ServiceWorker.enable');
  const ours = () => [...versions].filter(([, v]) => v.scope.startsWith(origin));
  return {
    running: () => ours().some(([, v]) => v.status === 'running' || v.status === 'starting'),
    async stop() {
      await expect.poll(() => ours().length).toBeGreaterThan(0);
      for (const [versionId, v] of ours()) if (v.status !== 'stopped') await cdp.send('ServiceWorker.stopWorker', { versionId });
      await expect.poll(() => ours().every(([, v]) => v.status === 'stopped')).toBe(true);
    },
  };
}
