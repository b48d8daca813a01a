import { test, expect } from '@/test/e2e/extension-fixture';
import { fixtureCall, openChatSite, projectCounts, type ChatSite } from '@/test/e2e/two-turns-check';
import { readStoredEvents } from '@/test/e2e/stored-usage';
import { modelForId } from '@/utils/core/models/model-registry';

/**
 * The model's thinking, recorded as reasoning: on the 2026 ChatGPT, Claude and Gemini pages
 * (plain and scrambled) each reply comes with a thinking block that streams, then collapses
 * (ChatGPT, Gemini: hidden) or loses its text (Claude: removed from the page) right as the answer
 * starts. The stored event's `reasoningTokens` must be the thinking's count (exact o200k on
 * ChatGPT, within the model's band elsewhere) and `outputTokens` the answer alone; a block that
 * shows only "Thought for 12s" records `reasoningTokens: null`, never 0. True counts come from the
 * project's own tokenizers in Node (scripts/count.ts); the texts are what the page streamed.
 */

const PROMPT = 'How do tokens relate to words, and why does it matter for cost?';
const SITES: ChatSite[] = [
  { name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/', provider: 'openai', countModel: 'gpt-4o', tolerance: 0, exact: true, prompts: [PROMPT, ''] },
  { name: 'Claude', file: 'claude-2026.html', url: 'https://claude.ai/new', provider: 'anthropic', countModel: 'claude-sonnet-5', tolerance: 0.05, exact: false, prompts: [PROMPT, ''] },
  { name: 'Gemini', file: 'gemini-2026.html', url: 'https://gemini.google.com/app', provider: 'google', countModel: 'gemini-3.5-flash', tolerance: 0.05, exact: false, prompts: [PROMPT, ''] },
];

function expectNear(actual: number, expected: number, tolerance: number, label: string): void {
  const slack = tolerance === 0 ? 0 : Math.max(2, Math.ceil(expected * tolerance));
  expect(Math.abs(actual - expected), `${label}: recorded ${actual}, true ${expected} (±${slack})`).toBeLessThanOrEqual(slack);
}

for (const site of SITES) {
  for (const scramble of [undefined, 'random' as const]) {
    test(`${site.name}${scramble ? ' (scrambled)' : ''}: a streamed-then-collapsed thinking block is reasoning, the answer alone is output`, async ({ context, openExtensionPage }) => {
      test.setTimeout(120_000);
      const page = await openChatSite(context, site, { scramble, fixture: { thinking: 'stream', wordMs: 10, thinkWordMs: 12, pauseMs: 800 } });
      test.info().annotations.push({ type: 'fixture seed', description: String(await fixtureCall<number>(page, 'seed')) });
      await page.locator(await fixtureCall<string>(page, 'selector', 'composer')).click();
      await page.keyboard.type(PROMPT);
      await page.keyboard.press('Enter');
      await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(1);
      const [thought] = await fixtureCall<Array<string | null>>(page, 'thoughts');
      const [reply] = await fixtureCall<string[]>(page, 'replies');
      // The page really hid (or dropped) the thinking before the answer finished.
      expect(await page.evaluate(() => {
        const block = (window as any).__fixture.refs().lastThinking as HTMLElement | null;
        return !!block && block.innerText.length < 40;
      })).toBe(true);

      const extensionPage = await openExtensionPage('popup.html');
      await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(1);
      const [event] = (await readStoredEvents(extensionPage)) as Array<Awaited<ReturnType<typeof readStoredEvents>>[number] & { reasoningTokens?: number | null }>;
      const [thinkingTrue, answerTrue] = projectCounts(event!.model, site.countModel, [thought!, reply!]);
      const tolerance = site.exact ? 0 : (modelForId(event!.model)?.band ?? site.tolerance);
      expect(typeof event!.reasoningTokens).toBe('number');
      expectNear(event!.reasoningTokens!, thinkingTrue!, tolerance, 'reasoningTokens');
      expectNear(event!.outputTokens, answerTrue!, site.exact ? 0.02 : tolerance, 'outputTokens (the answer alone)');
      expect(event!.exact).toBe(site.exact);
      if (scramble) expect(event!.detectedBy).toBe('fallback');
      // The popup shows it beside the output, as a lower bound.
      const popup = await openExtensionPage('popup.html');
      await expect(popup.locator(`tr[data-model="${event!.model}"] td[data-reasoning]`)).toHaveText(`≥${event!.reasoningTokens!.toLocaleString('en-US')}`);
      await expect(popup.locator(`tr[data-event-id="${event!.id}"] [data-detail="reasoning"]`)).toHaveText(`+ ≥${event!.reasoningTokens!.toLocaleString('en-US')} thinking`);
    });
  }

  test(`${site.name}: a block that shows only "Thought for 12s" records reasoning as unknown (null), never 0`, async ({ context, openExtensionPage }) => {
    test.setTimeout(90_000);
    const page = await openChatSite(context, site, { scramble: site.name === 'ChatGPT' ? 'random' : undefined, fixture: { thinking: 'duration', wordMs: 10, pauseMs: 800 } });
    await page.locator(await fixtureCall<string>(page, 'selector', 'composer')).click();
    await page.keyboard.type(PROMPT);
    await page.keyboard.press('Enter');
    await expect.poll(() => fixtureCall<number>(page, 'turnsDone'), { timeout: 45_000 }).toBe(1);
    expect(await fixtureCall<Array<string | null>>(page, 'thoughts')).toEqual([null]);
    const [reply] = await fixtureCall<string[]>(page, 'replies');
    const extensionPage = await openExtensionPage('popup.html');
    await expect.poll(async () => (await readStoredEvents(extensionPage)).length, { timeout: 30_000 }).toBe(1);
    const [event] = (await readStoredEvents(extensionPage)) as Array<Awaited<ReturnType<typeof readStoredEvents>>[number] & { reasoningTokens?: number | null }>;
    expect(event!.reasoningTokens).toBeNull();
    const popup = await openExtensionPage('popup.html');
    await expect(popup.locator(`tr[data-model="${event!.model}"] td[data-reasoning]`)).toHaveText('?');
    await expect(popup.locator(`tr[data-event-id="${event!.id}"] [data-detail="reasoning"]`)).toHaveText('+ ? thinking');
    const [answerTrue] = projectCounts(event!.model, site.countModel, [reply!]);
    expectNear(event!.outputTokens, answerTrue!, site.exact ? 0.02 : (modelForId(event!.model)?.band ?? site.tolerance), 'outputTokens');
  });
}
