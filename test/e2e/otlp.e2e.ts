// The worker's own fetches reach Playwright's routes and request events only with this flag
// (platform-facts.md); it must be set before the fixture launches the browser.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath, expect, extensionDir, serviceWorkerOf } from '@/test/e2e/extension-fixture';
import { launchExtensionContext } from '@/test/e2e/launch-extension';
import { fixtureCall, openChatSite, type ChatSite } from '@/test/e2e/two-turns-check';
import { readStoredEvents } from '@/test/e2e/stored-usage';

/**
 * The team feed end to end: a local OTLP/HTTP receiver (a Node server on 127.0.0.1) set as the
 * endpoint through the options page's own field and Save, turns recorded on the 2026 fixture
 * pages, and the points that arrive: `gen_ai.client.token.usage` with the GenAI attributes,
 * token sums equal to the popup's totals; the receiver stopped while more turns are recorded,
 * restarted, and every turn arriving exactly once; no request to any other host.
 *
 * Saving the endpoint asks for the collector's host (permissions.request). Headless Chromium
 * shows that prompt and nothing can answer it (no switch auto-accepts it: tried), so this test
 * runs a copy of the build whose manifest also lists http://127.0.0.1/* under host_permissions:
 * the host is granted at install, the Save's request resolves at once as it does after a user
 * allowed it, and the code under test is the build's own. Without the grant, unit tests cover
 * that nothing is sent (utils/background/telemetry/team-feed.test.ts).
 */
const RECEIVER_HOSTS = 'http://127.0.0.1/*';

const test = base.extend<{ context: BrowserContext; openExtensionPage: (name: 'popup.html' | 'options.html') => Promise<Page> }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const root = mkdtempSync(path.join(tmpdir(), 'tokentally-otlp-'));
    const dir = path.join(root, 'extension');
    cpSync(extensionDir, dir, { recursive: true });
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push(RECEIVER_HOSTS);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const context = await launchExtensionContext(path.join(root, 'profile'), dir, chromiumPath);
    await use(context);
    await context.close();
    rmSync(root, { recursive: true, force: true });
  },
  openExtensionPage: async ({ context }, use) => {
    const id = (await serviceWorkerOf(context)).url().split('/')[2]!;
    await use(async (name) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${name}`);
      return page;
    });
  },
});

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: OtlpRequest;
}
type Attr = { key: string; value: { stringValue?: string } };
type DataPoint = { attributes: Attr[]; sum?: number; count?: number; asInt?: number; asDouble?: number };
type OtlpRequest = {
  resourceMetrics: Array<{ resource: { attributes: Attr[] }; scopeMetrics: Array<{ metrics: Array<{ name: string; unit: string; histogram?: { dataPoints: DataPoint[] }; sum?: { dataPoints: DataPoint[] } }> }> }>;
};

/** A receiver that can be stopped and started again on the same port; what it received survives. */
function receiver() {
  const received: Received[] = [];
  let server: Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        let data = '';
        req.on('data', (chunk) => (data += chunk));
        req.on('end', () => {
          if (req.method !== 'POST' || req.url !== '/v1/metrics') return void res.writeHead(404).end();
          received.push({ headers: req.headers, body: JSON.parse(data) as OtlpRequest });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server!.closeAllConnections();
      server!.close(() => resolve());
    });
  return { received, start, stop, origin: () => `http://127.0.0.1:${port}` };
}

const attr = (attrs: Attr[], key: string) => attrs.find((a) => a.key === key)?.value.stringValue;

/** What arrived, added up per popup card (tokentally.provider), as a metrics backend adds delta points. */
function sums(received: Received[]) {
  const by: Record<string, { input: number; output: number; turns: number }> = {};
  const row = (p: DataPoint) => (by[attr(p.attributes, 'tokentally.provider')!] ??= { input: 0, output: 0, turns: 0 });
  for (const { body } of received)
    for (const rm of body.resourceMetrics)
      for (const m of rm.scopeMetrics.flatMap((s) => s.metrics)) {
        if (m.name === 'gen_ai.client.token.usage') for (const p of m.histogram!.dataPoints) row(p)[attr(p.attributes, 'gen_ai.token.type') as 'input' | 'output'] += p.sum!;
        if (m.name === 'tokentally.turns') for (const p of m.sum!.dataPoints) row(p).turns += p.asInt!;
      }
  return by;
}
const totalTurns = (received: Received[]) => Object.values(sums(received)).reduce((n, r) => n + r.turns, 0);

const CHATGPT: ChatSite = { name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/', provider: 'openai', countModel: 'gpt-4o', tolerance: 0.05, exact: true, prompts: ['', ''] };
const CLAUDE: ChatSite = { name: 'Claude', file: 'claude-2026.html', url: 'https://claude.ai/new', provider: 'anthropic', countModel: 'claude-sonnet-5', tolerance: 0.05, exact: false, prompts: ['', ''] };

/** Sends `prompts` one after another on an open fixture page, each by Enter, waiting for each reply. */
async function sendTurns(page: Page, prompts: string[]): Promise<void> {
  const composer = page.locator(await fixtureCall<string>(page, 'selector', 'composer'));
  for (const prompt of prompts) {
    const done = await fixtureCall<number>(page, 'turnsDone');
    await composer.click();
    await page.keyboard.type(prompt);
    await page.keyboard.press('Enter');
    await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(done + 1);
  }
}

/** Every http(s) request the browser made to a host other than the fixture sites and the receiver. */
function watchHosts(context: BrowserContext, allowed: () => string[]): { unexpected: string[]; seen: string[] } {
  const unexpected: string[] = [];
  const seen: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol)) return;
    seen.push(url.host);
    if (!allowed().includes(url.host)) unexpected.push(request.url());
  });
  return { unexpected, seen };
}

async function popupTotals(openExtensionPage: (name: 'popup.html') => Promise<Page>, providers: string[]) {
  const popup = await openExtensionPage('popup.html');
  const totals: Record<string, { input: number; output: number }> = {};
  for (const provider of providers) {
    const card = popup.locator(`[data-provider="${provider}"]`).first();
    await expect(card).toBeVisible();
    totals[provider] = { input: Number(await card.getAttribute('data-input-tokens')), output: Number(await card.getAttribute('data-output-tokens')) };
  }
  await popup.close();
  return totals;
}

test('recorded turns arrive at the team’s OTLP receiver once each, as GenAI metrics equal to the popup’s totals, even across an outage', async ({ context, openExtensionPage }) => {
  test.setTimeout(240_000);
  const collector = receiver();
  await collector.start();
  const receiverHost = new URL(collector.origin()).host;
  const hosts = watchHosts(context, () => ['chatgpt.com', 'claude.ai', receiverHost]);
  // After the fixture's catch-all abort, so it wins: the receiver's requests go to the real (local) network.
  await context.route(`${collector.origin()}/**`, (route) => route.continue());

  // The endpoint through the options page's own field and Save (which asks for the host).
  const options = await openExtensionPage('options.html');
  await options.locator('input[name="otlp-endpoint"]').fill(`${collector.origin()}/`);
  await options.locator('input[name="otlp-identity"]').fill('ada@example.com');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  // Saved in its one spelling.
  await expect(options.locator('input[name="otlp-endpoint"]')).toHaveValue(collector.origin());
  await expect(options.getByTestId('save-status')).toHaveText('Saved');
  expect(await options.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), RECEIVER_HOSTS)).toBe(true);

  const chatgpt = await openChatSite(context, CHATGPT);
  await sendTurns(chatgpt, ['How do tokens relate to words?', 'And what does a long chat cost?']);
  const claude = await openChatSite(context, CLAUDE);
  await sendTurns(claude, ['Explain prompt caching briefly.']);
  await expect.poll(() => totalTurns(collector.received), { timeout: 30_000 }).toBe(3);

  // The conventions' names and attributes, the resource's identity and site.
  const events = await readStoredEvents(options);
  expect(events).toHaveLength(3);
  const first = collector.received[0]!;
  expect(first.headers['content-type']).toBe('application/json');
  const resources = collector.received.flatMap((r) => r.body.resourceMetrics);
  expect(new Set(resources.map((rm) => attr(rm.resource.attributes, 'tokentally.site')))).toEqual(new Set(['chatgpt.com', 'claude.ai']));
  for (const rm of resources) {
    expect(attr(rm.resource.attributes, 'service.name')).toBe('tokentally');
    expect(attr(rm.resource.attributes, 'user.email')).toBe('ada@example.com');
    const usage = rm.scopeMetrics[0]!.metrics.find((m) => m.name === 'gen_ai.client.token.usage')!;
    expect(usage.unit).toBe('{token}');
    for (const p of usage.histogram!.dataPoints) {
      const site = attr(rm.resource.attributes, 'tokentally.site');
      expect(attr(p.attributes, 'gen_ai.provider.name')).toBe(site === 'claude.ai' ? 'anthropic' : 'openai');
      expect(events.map((e) => e.model)).toContain(attr(p.attributes, 'gen_ai.request.model'));
      expect(['input', 'output']).toContain(attr(p.attributes, 'gen_ai.token.type'));
    }
  }
  const popup = await popupTotals(openExtensionPage, ['openai', 'anthropic']);
  const arrived = sums(collector.received);
  expect({ openai: { input: arrived.openai!.input, output: arrived.openai!.output }, anthropic: { input: arrived.anthropic!.input, output: arrived.anthropic!.output } }).toEqual(popup);
  expect(arrived.openai!.turns).toBe(2);

  // The receiver goes down; turns recorded meanwhile wait in the outbox, and the options page says why.
  await collector.stop();
  await sendTurns(chatgpt, ['What is a context window?', 'Why do replies cost more than prompts?']);
  await expect.poll(async () => (await readStoredEvents(options)).length, { timeout: 30_000 }).toBe(5);
  await options.reload();
  await expect(options.locator('[data-field="last-error"]')).toContainText(`Could not reach ${receiverHost}`, { timeout: 30_000 });
  await expect(options.locator('[data-field="waiting"]')).toContainText('2 turns');
  expect(totalTurns(collector.received)).toBe(3);

  // Back up: the next turn sends everything waiting, in order, each once.
  await collector.start();
  await sendTurns(chatgpt, ['Thanks, one last question: what is a token?']);
  await expect.poll(() => totalTurns(collector.received), { timeout: 60_000 }).toBe(6);
  await chatgpt.waitForTimeout(3_000); // a duplicate would land by now
  expect(totalTurns(collector.received)).toBe(6);
  const after = await popupTotals(openExtensionPage, ['openai', 'anthropic']);
  const all = sums(collector.received);
  expect({ openai: { input: all.openai!.input, output: all.openai!.output }, anthropic: { input: all.anthropic!.input, output: all.anthropic!.output } }).toEqual(after);
  await options.reload();
  await expect(options.locator('[data-field="last-export"]')).not.toContainText('None yet');
  await expect(options.locator('[data-field="waiting"]')).toContainText('0 turns');

  // The watch sees the worker's own requests (the exports), so it would see one to any other host.
  expect(hosts.seen).toContain(receiverHost);
  expect(hosts.unexpected).toEqual([]);
  await collector.stop();
});
