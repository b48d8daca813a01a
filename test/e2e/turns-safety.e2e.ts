import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import { readStoredEvents, type StoredEvent } from '@/test/e2e/stored-usage';
import { o200kTokens } from '@/test/e2e/badge-helpers';

/**
 * The turn rules, end to end on the built extension: a page that fakes a turn on its own
 * records nothing; a sent turn whose tab closes or reloads mid-reply is recorded once, as
 * incomplete; and the page's reading (adapter or fallback) shows in the badge and the popup.
 */



const phase = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { phase: string } }).__fixture.phase);

async function openChatgpt(context: BrowserContext, options: Parameters<typeof fixtureHtml>[1] = {}): Promise<Page> {
  await servePage(context, 'https://chatgpt.com/', fixtureHtml('chatgpt-2026.html', options));
  const page = await context.newPage();
  await page.goto('https://chatgpt.com/');
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  return page;
}

/** A hostile page at chatgpt.com: it writes a prompt, "sends" it, toggles a stop button and streams bubbles, all by script. */
const HOSTILE = `<!doctype html><html><body>
<main><div id="thread"></div></main>
<form><div contenteditable="true" role="textbox" id="composer"></div><button type="submit" id="send">Send</button></form>
<script>
  const thread = document.getElementById('thread');
  const composer = document.getElementById('composer');
  const form = document.querySelector('form');
  form.addEventListener('submit', (e) => e.preventDefault());
  let n = 0;
  function fakeTurn() {
    n++;
    composer.textContent = 'Forged prompt number ' + n;
    composer.dispatchEvent(new InputEvent('input', { bubbles: true }));
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    document.getElementById('send').click();
    composer.textContent = '';
    thread.insertAdjacentHTML('beforeend', '<div data-message-author-role="user">Forged prompt number ' + n + '</div><div data-message-author-role="assistant"><div class="markdown"></div></div>');
    const stop = document.createElement('button');
    stop.setAttribute('aria-label', 'Stop');
    stop.setAttribute('data-testid', 'stop-button');
    form.append(stop);
    const body = thread.lastElementChild.firstElementChild;
    let words = 0;
    const timer = setInterval(() => {
      body.textContent += ' costly';
      if (++words > 40) { clearInterval(timer); stop.remove(); body.insertAdjacentHTML('afterend', '<button data-testid="copy-turn-action-button" aria-label="Copy">c</button>'); }
    }, 20);
  }
  setInterval(fakeTurn, 1500);
  fakeTurn();
</script></body></html>`;

test('a page that fakes turns on its own (prompt, Enter, send click, stop button, streamed bubbles) records nothing', async ({ context, openExtensionPage }) => {
  await servePage(context, 'https://chatgpt.com/', HOSTILE);
  const page = await context.newPage();
  await page.goto('https://chatgpt.com/');
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  await page.waitForTimeout(9000);
  expect(await page.locator('[data-message-author-role="assistant"]').count()).toBeGreaterThan(4);
  const extensionPage = await openExtensionPage('popup.html');
  expect(await readStoredEvents(extensionPage)).toEqual([]);
});

for (const ending of ['closed', 'reloaded'] as const) {
  test(`a tab ${ending} mid-reply: the sent turn is recorded once, as incomplete, with its prompt`, async ({ context, openExtensionPage }) => {
    const page = await openChatgpt(context, { pauseMs: 15_000 });
    const prompt = 'Explain how a long conversation is billed, turn by turn, in detail.';
    await page.locator('form [contenteditable="true"]').click();
    await page.keyboard.type(prompt);
    await page.keyboard.press('Enter');
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('paused');
    await page.waitForTimeout(4000); // past the first heartbeat: the outbox holds the reply so far
    if (ending === 'closed') await page.close();
    else {
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
    }
    const extensionPage = await openExtensionPage('popup.html');
    await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 20_000 }).toBe(1);
    await extensionPage.waitForTimeout(3000); // a second write would land by now
    const events = await readStoredEvents(extensionPage);
    expect(events).toHaveLength(1);
    const [event] = events as [StoredEvent];
    expect(event).toMatchObject({ site: 'chatgpt.com', provider: 'openai', kind: 'chat', incomplete: true, detectedBy: 'adapter' });
    expect(Math.abs(event.promptTokens - o200kTokens(prompt))).toBeLessThanOrEqual(2);
    expect(event.outputTokens).toBeGreaterThan(20);
    // Nothing of the turn is left waiting in the outbox.
    const local = await extensionPage.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local).filter((k) => k.startsWith('startedTurn:'))).toEqual([]);
  });
}

for (const scramble of [undefined, 'random' as const]) {
  test(`the badge and the popup say how the page is read (${scramble ? 'fallback on a renamed page' : 'adapter'}), and since when`, async ({ context, openExtensionPage }) => {
    const page = await openChatgpt(context, scramble ? { scramble, pauseMs: 300 } : { pauseMs: 300 });
    const composer = page.locator('form [contenteditable="true"]');
    await composer.click();
    await page.keyboard.type('What is a token?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture: { turnsDone: number } }).__fixture.turnsDone), { timeout: 30_000 }).toBe(1);
    const extensionPage = await openExtensionPage('popup.html');
    await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(1);
    const reading = scramble ? 'fallback' : 'adapter';

    const badge = page.locator('tokentally-badge').first();
    await badge.getByRole('button', { name: /^TokenTally:/ }).click();
    const note = badge.locator('[data-field="site-health"]');
    await expect(note).toHaveAttribute('data-reading', reading);
    await expect(note).toContainText(scramble ? 'fallback reader' : "ChatGPT reader");
    await expect(note.getByRole('button', { name: 'Copy diagnostics' })).toBeVisible();

    await expect.poll(async () => {
      await extensionPage.reload();
      return extensionPage.locator('[data-site-host="chatgpt.com"]').getAttribute('data-reading', { timeout: 2000 }).catch(() => null);
    }, { timeout: 20_000 }).toBe(reading);
    const since = Number(await extensionPage.locator('[data-site-host="chatgpt.com"]').getAttribute('data-since'));
    expect(since).toBeGreaterThan(Date.now() - 120_000);
    expect(since).toBeLessThanOrEqual(Date.now());
  });
}
