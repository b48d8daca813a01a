import type { BrowserContext, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, servePage, fixtureHtml } from './extension-fixture';
import { readStoredEvents, type StoredEvent } from './stored-usage';
import { modelForId } from '../../utils/models/model-registry';

/**
 * Issue 11's test list on the 2026 fixture pages (test/e2e/fixtures/README-2026.md), plain and
 * scrambled: type and see the badge count; send two turns, the first by a click on the send
 * button, the second by Enter; then the stored usage must hold exactly one event per turn with
 * both prompts, the first turn (prompt + reply) as the second turn's context, and both whole
 * replies. True counts come from the project's own tokenizers in Node (the `count` CLI); the
 * replies are the texts the page itself streamed (`window.__fixture.replies`).
 */

interface Site {
  name: string;
  file: string;
  url: string;
  provider: 'openai' | 'anthropic' | 'google';
  /** A model id the count CLI knows for this site's tokenizer, used when the event's model is unknown to it. */
  countModel: string;
  /** Allowed relative error against the true count for exact counts; estimates use their model's measured band. */
  tolerance: number;
  exact: boolean;
  prompts: [string, string];
}

const SITES: Site[] = [
  {
    name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/', provider: 'openai', countModel: 'gpt-4o', tolerance: 0.05, exact: true,
    prompts: ['How do tokens relate to words, and why does it matter for cost?', 'And what happens to the input of later turns in a long chat?'],
  },
  {
    name: 'Claude (Japanese UI)', file: 'claude-2026-ja.html', url: 'https://claude.ai/new', provider: 'anthropic', countModel: 'claude-sonnet-5', tolerance: 0.05, exact: false,
    prompts: ['トークンと単語の関係と、費用にどう効くかを教えてください。', '長い会話では、後のターンの入力はどうなりますか？'],
  },
  {
    name: 'Gemini', file: 'gemini-2026.html', url: 'https://gemini.google.com/app', provider: 'google', countModel: 'gemini-3.5-flash', tolerance: 0.05, exact: false,
    prompts: ['How do tokens relate to words, and why does it matter for cost?', 'And what happens to the input of later turns in a long chat?'],
  },
];



/** Token counts by the project's own tokenizers (scripts/count.ts), for `model` or else `fallback`. */
function projectCounts(model: string, fallback: string, texts: string[]): number[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-live-sites-'));
  try {
    const files = texts.map((text, i) => {
      const file = path.join(dir, `${i}.txt`);
      writeFileSync(file, text);
      return file;
    });
    const run = (id: string) => spawnSync('npx', ['tsx', 'scripts/count.ts', '--json', '--model', id, ...files], { encoding: 'utf8' });
    let result = run(model);
    if (result.status === 2) result = run(fallback); // a model the registry does not know yet
    if (result.status !== 0) throw new Error(`count failed (${result.status}): ${result.stderr}`);
    const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; tokens: number });
    return files.map((file) => rows.find((r) => r.file === file)!.tokens);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectNear(actual: number, expected: number, tolerance: number, label: string): void {
  const slack = Math.max(2, Math.ceil(expected * tolerance));
  expect(Math.abs(actual - expected), `${label}: recorded ${actual}, true ${expected} (±${Math.round(tolerance * 100)}%)`).toBeLessThanOrEqual(slack);
}

const fixtureCall = <T>(page: Page, fn: string, arg?: unknown) =>
  page.evaluate(([name, value]) => {
    const f = (window as unknown as { __fixture: Record<string, unknown> }).__fixture;
    const member = f[name as string];
    return (typeof member === 'function' ? (member as (v: unknown) => unknown).call(f, value) : member) as T;
  }, [fn, arg] as const);

async function openSite(context: BrowserContext, site: Site, scramble?: 'random'): Promise<Page> {
  await servePage(context, site.url, fixtureHtml(site.file, scramble ? { scramble } : undefined));
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  return page;
}

for (const site of SITES) {
  for (const scramble of [undefined, 'random' as const]) {
    test(`${site.name}${scramble ? ' (scrambled)' : ''}: the badge counts typing, and two turns (click, Enter) are recorded whole`, async ({ context, openExtensionPage }) => {
      test.setTimeout(150_000);
      const page = await openSite(context, site, scramble);
      const seed = await fixtureCall<number>(page, 'seed');
      test.info().annotations.push({ type: 'fixture seed', description: String(seed) });
      const composer = page.locator(await fixtureCall<string>(page, 'selector', 'composer'));
      const [first, second] = site.prompts;

      // Typing: the badge appears and counts the text.
      await composer.click();
      await page.keyboard.type(first);
      const badge = page.locator('tokentally-badge').first();
      await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
      const [firstTokens] = projectCounts('gpt-4o', 'gpt-4o', [first]);
      if (site.exact) await expect(badge).toHaveAttribute('data-tokens', String(firstTokens));
      else await expect.poll(async () => Number(await badge.getAttribute('data-tokens'))).toBeGreaterThan(Math.floor(firstTokens! * 0.5));
      await expect(badge).toHaveAttribute('data-model', /.+/);
      if (site.provider === 'anthropic') await expect(badge).toHaveAttribute('data-model', /sonnet-5/); // the page shows "Sonnet 5", not 4.5

      // Turn 1 by a click on the send button, turn 2 by Enter.
      await page.locator(await fixtureCall<string>(page, 'selector', 'send')).click();
      await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(1);
      await composer.click();
      await page.keyboard.type(second);
      await page.keyboard.press('Enter');
      await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(2);
      const prompts = await fixtureCall<string[]>(page, 'prompts');
      const replies = await fixtureCall<string[]>(page, 'replies');
      expect(prompts).toEqual([first, second]);

      // Exactly one event per turn.
      const extensionPage = await openExtensionPage('popup.html');
      await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(2);
      await page.waitForTimeout(3000); // a duplicate or a late third write would land by now
      const events = (await readStoredEvents(extensionPage)).sort((a, b) => a.time - b.time);
      expect(events).toHaveLength(2);
      const [one, two] = events as [StoredEvent, StoredEvent];

      const context1 = `${first}\n\n${replies[0]}`;
      const [p1, p2, r1, r2, c2] = projectCounts(one.model, site.countModel, [first, second, replies[0]!, replies[1]!, context1]);
      for (const event of events) {
        expect(event).toMatchObject({ site: new URL(site.url).hostname, provider: site.provider, kind: 'chat', exact: site.exact });
        expect(event.incomplete ?? false).toBe(false);
        expect(event.detectedBy).toBe(scramble ? 'fallback' : 'adapter');
      }
      // Exact counts within 5%; estimates within the band measured for the event's model.
      const tolerance = site.exact ? site.tolerance : (modelForId(one.model)?.band ?? site.tolerance);
      expectNear(one.promptTokens, p1!, tolerance, 'turn 1 prompt');
      expectNear(two.promptTokens, p2!, tolerance, 'turn 2 prompt');
      expect(one.contextTokens, 'a new chat has no context').toBeLessThanOrEqual(2);
      expectNear(two.contextTokens, c2!, tolerance, 'turn 2 context (turn 1 prompt + reply)');
      expectNear(one.outputTokens, r1!, tolerance, 'turn 1 reply');
      expectNear(two.outputTokens, r2!, tolerance, 'turn 2 reply');

      // The popup's totals agree with the events.
      await extensionPage.reload();
      const card = extensionPage.locator(`[data-provider="${site.provider}"]`).first();
      await expect(card).toHaveAttribute('data-input-tokens', String(events.reduce((n, e) => n + e.promptTokens + e.contextTokens, 0)));
      await expect(card).toHaveAttribute('data-output-tokens', String(events.reduce((n, e) => n + e.outputTokens, 0)));
    });
  }
}
