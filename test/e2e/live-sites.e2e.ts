import { test } from '@/test/e2e/extension-fixture';
import { checkTwoTurns, type ChatSite } from '@/test/e2e/two-turns-check';

/**
 * The two-turn test list on the 2026 fixture pages (test/e2e/fixtures/README-2026.md), plain and
 * scrambled: type and see the badge count; send two turns, the first by a click on the send
 * button, the second by Enter; then the stored usage must hold exactly one event per turn with
 * both prompts, the first turn as the second turn's context, and both whole replies
 * (two-turns-check.ts, shared with the held-out pages' spec).
 */

const SITES: Array<ChatSite & { model?: RegExp }> = [
  {
    name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/', provider: 'openai', countModel: 'gpt-4o', tolerance: 0.05, exact: true,
    prompts: ['How do tokens relate to words, and why does it matter for cost?', 'And what happens to the input of later turns in a long chat?'],
  },
  {
    name: 'Claude (Japanese UI)', file: 'claude-2026-ja.html', url: 'https://claude.ai/new', provider: 'anthropic', countModel: 'claude-sonnet-5', tolerance: 0.05, exact: false,
    prompts: ['トークンと単語の関係と、費用にどう効くかを教えてください。', '長い会話では、後のターンの入力はどうなりますか？'],
    model: /sonnet-5/, // the page shows "Sonnet 5", not 4.5
  },
  {
    name: 'Gemini', file: 'gemini-2026.html', url: 'https://gemini.google.com/app', provider: 'google', countModel: 'gemini-3.5-flash', tolerance: 0.05, exact: false,
    prompts: ['How do tokens relate to words, and why does it matter for cost?', 'And what happens to the input of later turns in a long chat?'],
  },
];

for (const site of SITES) {
  for (const scramble of [undefined, 'random' as const]) {
    test(`${site.name}${scramble ? ' (scrambled)' : ''}: the badge counts typing, and two turns (click, Enter) are recorded whole`, async ({ context, openExtensionPage }) => {
      test.setTimeout(150_000);
      await checkTwoTurns(
        context,
        openExtensionPage,
        site,
        { scramble, order: 'click-enter', model: site.model, detectedBy: scramble ? 'fallback' : 'adapter' },
        (type, description) => test.info().annotations.push({ type, description }),
      );
    });
  }
}
