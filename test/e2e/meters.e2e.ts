import type { BrowserContext, Page, Request } from '@playwright/test';
import { setTrustedSettings } from '@/test/e2e/extension-storage';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { NEW_SHAPE, OLD_SHAPE, ORG_UUID, ORGANIZATIONS, TEAM_ORG_UUID } from '@/test/unit/claude-usage-fixtures';

/**
 * The sites' own usage meters against the built extension: claude.ai's usage
 * endpoints are served at claude.ai in the shapes the web app gets, and the popup's
 * `data-meter` contract is read back. Every request the browser makes is recorded, to prove
 * the reads go to claude.ai only, with the page's own session, and not at all when switched off.
 */

const H = 3_600_000;
const SESSION_COOKIE = 'sk-ant-sid01-e2e-session';

/** The newer shape with reset times around now (the site's are always in the future). */
function newShapeNow() {
  const at = (ms: number) => new Date(Date.now() + ms).toISOString().replace('Z', '+00:00');
  const body = structuredClone(NEW_SHAPE) as typeof NEW_SHAPE;
  body.five_hour.resets_at = at(2 * H);
  body.seven_day.resets_at = at(50 * H);
  body.seven_day_opus.resets_at = at(50 * H);
  body.limits[0]!.resets_at = at(2 * H);
  body.limits[1]!.resets_at = at(50 * H);
  body.limits[2]!.resets_at = at(50 * H);
  body.limits[3]!.resets_at = at(50 * H);
  return { body, session: Date.parse(at(2 * H)), weekly: Date.parse(at(50 * H)) };
}

type Reply = { status: number; contentType: string; body: string };
const json = (body: unknown, status = 200): Reply => ({ status, contentType: 'application/json', body: JSON.stringify(body) });

interface Seen {
  url: string;
  method: string;
  cookie: string;
  postData: string | null;
}

/** Serves claude.ai (page + usage endpoints) and records every request the browser makes. */
async function serveClaude(context: BrowserContext, usage: Reply, orgs: { list: unknown[]; usage: Record<string, Reply> } = { list: ORGANIZATIONS.slice(0, 1), usage: {} }) {
  await context.addCookies([{ name: 'sessionKey', value: SESSION_COOKIE, domain: 'claude.ai', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }]);
  await servePage(context, 'https://claude.ai/new', fixtureHtml('claude.html'));
  const api: Seen[] = [];
  // Registered after the page route, so it wins for /api/.
  await context.route('https://claude.ai/api/**', async (route) => {
    const request = route.request();
    api.push({ url: request.url(), method: request.method(), cookie: (await request.headerValue('cookie')) ?? '', postData: request.postData() });
    const path = new URL(request.url()).pathname;
    if (path === '/api/organizations') return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(orgs.list) });
    const other = Object.entries(orgs.usage).find(([uuid]) => path === `/api/organizations/${uuid}/usage`)?.[1];
    if (other) return route.fulfill({ status: other.status, contentType: other.contentType, body: other.body });
    if (path === `/api/organizations/${ORG_UUID}/usage`) return route.fulfill({ status: usage.status, contentType: usage.contentType, body: usage.body });
    return route.fulfill({ status: 404, contentType: 'application/json', body: '{}' });
  });
  const all: string[] = [];
  const onRequest = (r: Request) => void all.push(r.url());
  context.on('request', onRequest);
  return { api, all };
}

async function openClaude(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('https://claude.ai/new');
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  return page;
}

async function setMeterSettings(page: Page, meters: Record<string, unknown>) {
  // Reading the meters makes requests with the user's session: a switch only a trusted save changes.
  await setTrustedSettings(page, { siteMetersRead: meters.read !== false });
  await page.evaluate(async (m) => {
    await chrome.storage.sync.set({ 'settings.meters': { siteMeters: { read: true, thresholds: [0.8, 0.95], notifyOnReset: false, badge: 'own-limits', chatgptPlan: 'none', chatgptCaps: [], ...m } } });
  }, meters);
}

const meter = (popup: Page, id: string) => popup.locator(`[data-meter="${id}"]`);

test('Claude, newer shape: after a visit the popup shows the session, weekly and per-model windows with their resets', async ({ context, openExtensionPage }) => {
  const { body, session, weekly } = newShapeNow();
  const { api, all } = await serveClaude(context, json(body));
  await openClaude(context);
  await expect.poll(() => api.length, { timeout: 15_000 }).toBe(2);

  const popup = await openExtensionPage('popup.html');
  await expect(meter(popup, 'claude:session')).toHaveAttribute('data-used', '0.425');
  await expect(meter(popup, 'claude:session')).toHaveAttribute('data-resets-at', new Date(session).toISOString());
  await expect(meter(popup, 'claude:weekly')).toHaveAttribute('data-used', '0.71');
  await expect(meter(popup, 'claude:weekly')).toHaveAttribute('data-resets-at', new Date(weekly).toISOString());
  await expect(meter(popup, 'claude:weekly:opus')).toHaveAttribute('data-used', '0.33');
  await expect(meter(popup, 'claude:weekly:opus')).toHaveAttribute('data-resets-at', new Date(weekly).toISOString());
  await expect(meter(popup, 'claude:weekly:fable')).toHaveAttribute('data-used', '0.57');
  await expect(meter(popup, 'claude:extra')).toContainText('$12.40 of $50.00');
  await expect(meter(popup, 'claude:session')).toContainText('42%');
  await expect(meter(popup, 'claude:session')).toContainText(/Resets in (1 h 59 min|2 h)/);
  await expect(popup.locator('[data-meter-site="claude"]')).toContainText("sam@example.com's Organization");

  // Same-origin GETs with the page's own session cookie, carrying nothing; nothing else left the page's origin.
  expect(api.map((r) => [r.method, new URL(r.url).pathname, r.postData])).toEqual([
    ['GET', '/api/organizations', null],
    ['GET', `/api/organizations/${ORG_UUID}/usage`, null],
  ]);
  for (const r of api) expect(r.cookie).toContain(`sessionKey=${SESSION_COOKIE}`);
  expect(all.filter((u) => u.startsWith('http') && new URL(u).origin !== 'https://claude.ai')).toEqual([]);
});

test('Claude: several organizations are kept apart, the one the page uses shown first; the section passes axe in light and dark', async ({ context, openExtensionPage }) => {
  const { body } = newShapeNow();
  const team = structuredClone(body);
  team.limits[0]!.percent = 12;
  team.five_hour.utilization = 12;
  await context.addCookies([{ name: 'lastActiveOrg', value: TEAM_ORG_UUID, domain: 'claude.ai', path: '/', secure: true, sameSite: 'Lax' }]);
  const { api } = await serveClaude(context, json(body), { list: ORGANIZATIONS, usage: { [TEAM_ORG_UUID]: json(team) } });
  await openClaude(context);
  await expect.poll(() => api.length, { timeout: 15_000 }).toBe(3);
  // The API-only organization is never asked.
  expect(api.map((r) => new URL(r.url).pathname)).toEqual(['/api/organizations', `/api/organizations/${TEAM_ORG_UUID}/usage`, `/api/organizations/${ORG_UUID}/usage`]);

  const popup = await openExtensionPage('popup.html');
  const claude = popup.locator('[data-meter-site="claude"]');
  await expect(claude).toHaveAttribute('data-account', `claude:${TEAM_ORG_UUID}`);
  await expect(meter(popup, 'claude:session')).toHaveAttribute('data-used', '0.12');
  await claude.getByLabel('Organization').selectOption({ label: "sam@example.com's Organization" });
  await expect(claude).toHaveAttribute('data-account', `claude:${ORG_UUID}`);
  await expect(meter(popup, 'claude:session')).toHaveAttribute('data-used', '0.425');

  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: popup }).include('.plan-limits').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }
});

test('Claude, older shape: session, weekly, Opus and Sonnet windows', async ({ context, openExtensionPage }) => {
  const body = structuredClone(OLD_SHAPE);
  body.five_hour.resets_at = new Date(Date.now() + H).toISOString();
  body.seven_day.resets_at = new Date(Date.now() + 30 * H).toISOString();
  const { api } = await serveClaude(context, json(body));
  await openClaude(context);
  await expect.poll(() => api.length, { timeout: 15_000 }).toBe(2);
  const popup = await openExtensionPage('popup.html');
  await expect(meter(popup, 'claude:session')).toHaveAttribute('data-used', '0.37');
  await expect(meter(popup, 'claude:weekly')).toHaveAttribute('data-used', '0.26');
  await expect(meter(popup, 'claude:weekly:sonnet')).toHaveAttribute('data-used', '0.12');
  // 0% with no reset time given: shown as such, not invented.
  await expect(meter(popup, 'claude:weekly:opus')).toHaveAttribute('data-used', '0');
  await expect(meter(popup, 'claude:weekly:opus')).toHaveAttribute('data-resets-at', '');
});

for (const [name, reply, reason] of [
  ['signed out (401)', json({ type: 'error', error: { type: 'authentication_error' } }, 401), /signed out \(HTTP 401\)/],
  ['a web page instead of JSON', { status: 200, contentType: 'text/html', body: '<!doctype html><title>Just a moment...</title>' }, /web page instead of usage data/],
] as const) {
  test(`Claude usage endpoint answers ${name}: the popup says it can't read the meter, with no number`, async ({ context, openExtensionPage }) => {
    const { api } = await serveClaude(context, reply);
    await openClaude(context);
    await expect.poll(() => api.length, { timeout: 15_000 }).toBe(2);
    const popup = await openExtensionPage('popup.html');
    await expect(popup.locator('[data-meter-error="claude"]')).toContainText(reason);
    await expect(popup.locator('[data-meter-error="claude"]')).toContainText("Can't read Claude's meter");
    await expect(popup.locator('[data-meter^="claude:"]')).toHaveCount(0);
  });
}

test('switch off: no request to claude.ai is made at all, and the popup says reading is off', async ({ context, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await setMeterSettings(options, { read: false });
  const { body } = newShapeNow();
  const { api } = await serveClaude(context, json(body));
  const page = await openClaude(context);
  await page.waitForTimeout(4_000); // well past the first read (1 s after load)
  expect(api).toEqual([]);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('.plan-limits')).toContainText("Reading the sites' own meters is off");
  await expect(popup.locator('[data-meter^="claude:"]')).toHaveCount(0);
});

test('ChatGPT: recorded messages count against the plan caps, and the site’s limit notice marks the model full', async ({ context, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await setMeterSettings(options, { chatgptPlan: 'plus' });
  const base = { site: 'chatgpt.com', provider: 'openai', promptTokens: 5, contextTokens: 0, outputTokens: 9, costUsd: 0, priceDate: '2026-11-01', exact: true, kind: 'chat' };
  for (let i = 0; i < 12; i++) {
    const reply = await options.evaluate(
      (ev) => chrome.runtime.sendMessage({ type: 'record-usage', event: ev }),
      { ...base, id: `e2e-meter-${i}`, time: Date.now() - (i + 1) * 60_000, model: i < 8 ? 'gpt-5' : 'gpt-5-mini' },
    );
    expect(reply).toMatchObject({ ok: true });
  }
  const popup = await openExtensionPage('popup.html');
  await expect(meter(popup, 'chatgpt:gpt-5:3h')).toHaveAttribute('data-used', String(8 / 160));
  await expect(meter(popup, 'chatgpt:gpt-5:3h')).toContainText('8 messages of 160');
  await expect(meter(popup, 'chatgpt:gpt-5-thinking:7d')).toHaveAttribute('data-used', '0');
  // Nothing can count this cap: it says so rather than "0% used · Reset time not given".
  await expect(meter(popup, 'chatgpt:gpt-5-thinking:7d')).toContainText('not counted');
  await expect(meter(popup, 'chatgpt:gpt-5-thinking:7d')).not.toContainText('% used');

  // The site says Thinking is used up until a time: that window is full until then.
  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt.html'));
  const chat = await context.newPage();
  await chat.goto('https://chatgpt.com/');
  await expect(chat.locator('html')).toHaveAttribute('data-tokentally', 'active');
  const resetAt = new Date(Date.now() + 2 * H);
  resetAt.setSeconds(0, 0);
  const clock = resetAt.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  await chat.evaluate((time) => {
    const notice = document.createElement('div');
    notice.innerHTML = `<div>You’ve hit the Plus plan limit for GPT-5 Thinking.</div><div>Responses will use another model until your limit resets after ${time}.</div>`;
    document.body.append(notice);
  }, clock);
  await expect(meter(popup, 'chatgpt:gpt-5-thinking:7d')).toHaveAttribute('data-used', '1', { timeout: 15_000 });
  await expect(meter(popup, 'chatgpt:gpt-5-thinking:7d')).toHaveAttribute('data-resets-at', resetAt.toISOString());
});

test('Gemini: the usage page’s own numbers show in the popup, with no request made', async ({ context, openExtensionPage }) => {
  const html = `<!doctype html><html lang="en"><body><usage-metrics-window><h2>Usage limits</h2>
    <div data-test-id="gxu-currently" class="gxu-currently"><div><p>Current usage</p><p>23% used</p></div><p class="reset-time-luminous">Resets in 2 hours</p></div>
    <div data-test-id="gxu-weekly" class="gxu-weekly"><div><p>Weekly limit</p><p class="reset-time-luminous">Resets in 3 days 4 hours</p></div><p>61% used</p></div>
  </usage-metrics-window></body></html>`;
  await servePage(context, 'https://gemini.google.com/usage', html);
  const requests: string[] = [];
  context.on('request', (r) => void requests.push(r.url()));
  const page = await context.newPage();
  await page.goto('https://gemini.google.com/usage');
  const popup = await openExtensionPage('popup.html');
  await expect(meter(popup, 'gemini:session')).toHaveAttribute('data-used', '0.23', { timeout: 15_000 });
  await expect(meter(popup, 'gemini:weekly')).toHaveAttribute('data-used', '0.61');
  const weeklyReset = Date.parse((await meter(popup, 'gemini:weekly').getAttribute('data-resets-at'))!);
  expect(Math.abs(weeklyReset - (Date.now() + 76 * H))).toBeLessThan(2 * 60_000);
  expect(requests.filter((u) => u.startsWith('https://gemini.google.com/') && !u.endsWith('/usage'))).toEqual([]);
});

test('options: a ChatGPT plan shows its dated, sourced caps; custom caps are saved and drive the popup', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const section = options.locator('#plan-limits');
  await section.getByLabel('Your ChatGPT plan').selectOption('plus');
  const table = section.locator('table[data-plan="plus"]');
  await expect(table).toContainText('GPT-5.5 Instant');
  await expect(table).toContainText('160 / 3 h');
  await expect(table).toContainText('3,000 / 7 d');
  await expect(table).toContainText(/help\.openai\.com.*\(2026-\d\d\)/);

  // Custom starts from the plan shown; edit the first cap, refuse a bad one, then save.
  await section.getByLabel('Your ChatGPT plan').selectOption('custom');
  await expect(section.getByLabel('Messages, cap 1')).toHaveValue('160');
  await section.getByLabel('Messages, cap 1').fill('40');
  await section.getByLabel('Model, cap 2').fill('not a model!');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section.locator('#cap-1-model-error')).toContainText('Model ids like gpt-5');
  await section.getByLabel('Model, cap 2').fill('gpt-5-thinking');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved');

  const reply = await options.evaluate(() =>
    chrome.runtime.sendMessage({
      type: 'record-usage',
      event: { id: 'e2e-meter-custom', time: Date.now() - 60_000, site: 'chatgpt.com', provider: 'openai', model: 'gpt-5', promptTokens: 3, contextTokens: 0, outputTokens: 4, costUsd: 0, priceDate: '2026-11-01', exact: true, kind: 'chat' },
    }),
  );
  expect(reply).toMatchObject({ ok: true });
  const popup = await openExtensionPage('popup.html');
  await expect(meter(popup, 'chatgpt:gpt-5:3h')).toHaveAttribute('data-used', String(1 / 40));
});
