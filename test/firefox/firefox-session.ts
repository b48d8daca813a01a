import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixtureHtml } from '@/test/e2e/fixture-html';

/**
 * A real Firefox with the built extension installed as a temporary add-on, driven over
 * WebDriver BiDi by puppeteer-core (no geckodriver: Firefox speaks BiDi itself, and
 * geckodriver's npm package downloads its binary at install time, which cannot work here).
 */

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const extensionDir = path.resolve(process.env.TT_OUT_DIR ?? '.output', 'firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
const ADDON_ID = 'tokentally@tokentally.app';

if (!existsSync(firefoxPath)) {
  throw new Error(
    `Firefox not found at ${firefoxPath}. The Firefox suite needs a real Firefox:\n` +
      `  sudo apt-get update && sudo apt-get install -y firefox-esr\n` +
      `or point FIREFOX_PATH at another Firefox binary.`,
  );
}
if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
  throw new Error(`No built extension at ${extensionDir}. Run \`npm run build:firefox\` first.`);
}

/** One request the browser made, as seen by the page that made it. */
export interface SeenRequest {
  url: string;
  method: string;
  /** Its request headers, names in lower case. */
  headers: Record<string, string>;
  /** The page it came from: its site's URL, or the extension page's name. */
  from: string;
}

/** A response a test serves for one URL of the site's origin (an API endpoint). */
export interface ServedResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on's moz-extension:// host, fixed before install through a pref. */
  uuid: string;
  /** Every request a page opened by this session made (served, refused or 404'd). */
  requests: SeenRequest[];
  /** Requests that reached the network trap: nothing should, see startNetworkTrap. */
  trapped: string[];
  /**
   * Serves the fixture `file` at `url`, `respond`'s answers for other URLs of that origin (404
   * for the rest), refuses other origins, and opens it.
   */
  openSite(url: string, file: string, respond?: (url: URL) => ServedResponse | undefined): Promise<Page>;
  /** Opens popup.html or options.html as a tab. */
  openExtensionPage(name: 'popup.html' | 'options.html'): Promise<Page>;
  /** A tab with no request interception: its requests go to the trap (the trap's own self-test). */
  openUninterceptedPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A local proxy every request from Firefox goes through, answering 403 to all of them. BiDi
 * interception only sees the tabs it is set on; a request from the add-on's background page,
 * or from a tab the add-on opened, would bypass it. The proxy records those, and nothing
 * leaves the machine either way.
 */
async function startNetworkTrap(trapped: string[]): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    trapped.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    trapped.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('network trap has no port');
  return { port: address.port, server };
}

function firefoxPrefs(uuid: string, trapPort: number): Record<string, unknown> {
  return {
    // The add-on gets a known moz-extension://<uuid>/ host, so its pages can be opened as tabs.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
    // Everything not intercepted goes to the trap, localhost included.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': trapPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': trapPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // Firefox's own traffic, so the trap sees only what pages and the add-on ask for
    // (remote settings also need MOZ_REMOTE_SETTINGS_DEVTOOLS, below).
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  };
}

/**
 * Polls `check` until it returns true. Extension pages forbid the Function() that puppeteer's
 * own waitFor* helpers inject, so waiting there goes through page.evaluate.
 */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error; // e.g. the document was replaced mid-check: try again
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface LaunchOptions {
  /** More Firefox prefs, e.g. a short extensions.background.idle.timeout. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const trapped: string[] = [];
  const requests: SeenRequest[] = [];
  const trap = await startNetworkTrap(trapped);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      // Firefox 153 lets WebDriver navigate only to http(s), file, blob and about:blank unless
      // the remote agent is started with system access; moz-extension:// pages (the popup, the
      // options page) are outside that list. This is the switch geckodriver exposes as
      // --allow-system-access and Firefox's own harnesses pass; older Firefoxes ignore it.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { ...firefoxPrefs(uuid, trap.port), ...options.prefs },
      // Lets puppeteer's 'services.settings.server' pref take effect, so Firefox stops polling
      // its remote-settings server.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    });
    const installed = await browser.installExtension(extensionDir);
    if (installed !== ADDON_ID) throw new Error(`installed add-on id ${installed}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser?.close();
    trap.server.close();
    throw error;
  }
  const firefox = browser;

  /** Serves the site's document and `respond`'s answers, 404s the rest of its origin, refuses other origins; records all. */
  async function intercept(page: Page, from: string, serve?: { url: URL; html: string; respond?: (url: URL) => ServedResponse | undefined }): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = new URL(request.url());
      const headers = Object.fromEntries(Object.entries(request.headers()).map(([name, value]) => [name.toLowerCase(), value]));
      requests.push({ url: request.url(), method: request.method(), headers, from });
      // BiDi requests carry no resource type: decide by URL.
      if (serve && url.origin === serve.url.origin) {
        if (url.pathname === serve.url.pathname) {
          void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: serve.html });
        } else {
          void request.respond(serve.respond?.(url) ?? { status: 404, contentType: 'text/plain', body: '' });
        }
      } else if (url.protocol === 'http:' || url.protocol === 'https:') {
        void request.abort('blockedbyclient');
      } else {
        void request.continue();
      }
    });
  }

  return {
    browser: firefox,
    uuid,
    requests,
    trapped,
    async openSite(url, file, respond) {
      const page = await firefox.newPage();
      await intercept(page, url, { url: new URL(url), html: fixtureHtml(file), respond });
      await page.goto(url);
      return page;
    },
    async openExtensionPage(name) {
      const page = await firefox.newPage();
      await intercept(page, name);
      const url = `moz-extension://${uuid}/${name}`;
      // puppeteer's goto() waits for a load event that Firefox's BiDi does not report for
      // moz-extension:// documents, so it would time out although the page loaded: navigate
      // without lifecycle waits, then wait for the document itself. (waitForFunction cannot
      // help here: its poller is built with Function(), which the extension's CSP forbids.)
      await page.goto(url, { waitUntil: [] });
      await until(() => page.evaluate((target) => location.href === target && document.readyState === 'complete', url), `${name} to load`);
      return page;
    },
    async openUninterceptedPage() {
      return firefox.newPage();
    },
    async close() {
      try {
        await firefox.close();
      } finally {
        trap.server.close();
      }
    },
  };
}
