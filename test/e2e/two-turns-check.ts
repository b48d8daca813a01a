import type { BrowserContext, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, servePage, fixtureHtml } from '@/test/e2e/extension-fixture';
import type { FixtureOptions } from '@/test/e2e/fixture-html';
import { readStoredEvents, type StoredEvent } from '@/test/e2e/stored-usage';
import { modelForId } from '@/utils/core/models/model-registry';
import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * The two-turn acceptance check, shared by live-sites.e2e.ts (the 2026 fixture pages) and
 * heldout-sites.e2e.ts (a second, independently written set of pages): type and see the badge
 * count and name the page's model; send two turns (by a click and by Enter, in either order);
 * then the stored usage must hold exactly one event per turn with both prompts, the first turn
 * (prompt + reply) as the second turn's context, and both whole replies. True counts come from
 * the project's own tokenizers in Node (the `count` CLI); the replies are the texts the page
 * itself streamed (`window.__fixture.replies`). Pages expose `window.__fixture` with seed,
 * selector(role), turnsDone, prompts and replies.
 */

export interface ChatSite {
  name: string;
  file: string;
  url: string;
  provider: ProviderId;
  /** A model id the count CLI knows for this site's tokenizer, used when the event's model is unknown to it. */
  countModel: string;
  /** Allowed relative error against the true count for exact counts; estimates use their model's measured band. */
  tolerance: number;
  exact: boolean;
  prompts: [string, string];
}

export interface TwoTurnsOptions {
  scramble?: 'random';
  /** More serve-time options for the page (a held-out page's variant, a model label). */
  fixture?: FixtureOptions;
  /** How the two turns are sent. */
  order?: 'click-enter' | 'enter-click';
  /** The model id the badge and both events must name (the model the page shows). */
  model?: RegExp;
  /** The layer each event must say detected it; left unchecked when undefined. */
  detectedBy?: 'adapter' | 'fallback';
}

/** Token counts by the project's own tokenizers (scripts/count.ts), for `model` or else `fallback`. */
export function projectCounts(model: string, fallback: string, texts: string[]): number[] {
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

export const fixtureCall = <T>(page: Page, fn: string, arg?: unknown) =>
  page.evaluate(([name, value]) => {
    const f = (window as unknown as { __fixture: Record<string, unknown> }).__fixture;
    const member = f[name as string];
    return (typeof member === 'function' ? (member as (v: unknown) => unknown).call(f, value) : member) as T;
  }, [fn, arg] as const);

export async function openChatSite(context: BrowserContext, site: ChatSite, options: TwoTurnsOptions = {}): Promise<Page> {
  const fixture = { ...options.fixture, ...(options.scramble ? { scramble: options.scramble } : {}) };
  await servePage(context, site.url, fixtureHtml(site.file, Object.keys(fixture).length ? fixture : undefined));
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('html')).toHaveAttribute('data-tokentally', 'active');
  return page;
}

export async function checkTwoTurns(
  context: BrowserContext,
  openExtensionPage: (name: 'popup.html') => Promise<Page>,
  site: ChatSite,
  options: TwoTurnsOptions,
  annotate: (type: string, description: string) => void,
): Promise<void> {
  const page = await openChatSite(context, site, options);
  const seed = await fixtureCall<number>(page, 'seed');
  annotate('fixture seed', String(seed));
  const composer = page.locator(await fixtureCall<string>(page, 'selector', 'composer'));
  const [first, second] = site.prompts;
  const [byFirst, bySecond] = options.order === 'enter-click' ? (['enter', 'click'] as const) : (['click', 'enter'] as const);

  const send = async (how: 'click' | 'enter') => {
    if (how === 'enter') return page.keyboard.press('Enter');
    const button = page.locator(await fixtureCall<string>(page, 'selector', 'send'));
    await expect(button).toBeEnabled();
    await button.click();
  };

  // Typing: the badge appears, counts the text and names the page's model.
  await composer.click();
  await page.keyboard.type(first);
  const badge = page.locator('tokentally-badge').first();
  await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  // An exact badge equals the site's own vocabulary (o200k on ChatGPT and Copilot, DeepSeek V3 on DeepSeek).
  const [firstTokens] = site.exact ? projectCounts(site.countModel, site.countModel, [first]) : projectCounts('gpt-4o', 'gpt-4o', [first]);
  if (site.exact) await expect(badge).toHaveAttribute('data-tokens', String(firstTokens));
  else await expect.poll(async () => Number(await badge.getAttribute('data-tokens'))).toBeGreaterThan(Math.floor(firstTokens! * 0.5));
  await expect(badge).toHaveAttribute('data-model', options.model ?? /.+/);

  // Turn 1, then turn 2 while turn 1's action buttons show.
  await send(byFirst);
  await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(1);
  await composer.click();
  await page.keyboard.type(second);
  await send(bySecond);
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
    if (options.model) expect(event.model).toMatch(options.model);
    expect(event.incomplete ?? false).toBe(false);
    if (options.detectedBy) expect(event.detectedBy).toBe(options.detectedBy);
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
}
