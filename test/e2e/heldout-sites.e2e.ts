import { test } from '@/test/e2e/extension-fixture';
import { checkTwoTurns, type ChatSite } from '@/test/e2e/two-turns-check';

/**
 * The same acceptance check as live-sites.e2e.ts, on a second set of pages written apart from
 * the 2026 fixtures and the adapters (test/e2e/fixtures/heldout/README.md), from the same public
 * evidence but varying what it leaves open: nesting, a textarea or a rich editor, how the send
 * and stop controls swap, replies rewritten through innerHTML, a pause inside a code block, a
 * composer cleared before anyone reads it, a virtualised transcript, the URL changing at send,
 * at the first words or at the end (RUNS below says which variant runs how). Which layer reads
 * each page is not checked here: the pages differ from the adapters on purpose.
 */

interface HeldOutSite extends ChatSite {
  /** The model id the page's picker label must become, per variant. */
  models: { a: RegExp; b: RegExp };
}

const EN: [string, string] = ['How do tokens relate to words, and why does it matter for cost?', 'And what happens to the input of later turns in a long chat?'];

const SITES: HeldOutSite[] = [
  {
    name: 'ChatGPT', file: 'heldout/chatgpt.html', url: 'https://chatgpt.com/', provider: 'openai', countModel: 'gpt-4o', tolerance: 0.05, exact: true,
    prompts: EN,
    models: { a: /^gpt-5\.5$/, b: /^gpt-5\.5-pro$/ }, // effort tiers "Medium" and "Pro"
  },
  {
    name: 'Claude (Japanese UI)', file: 'heldout/claude-ja.html', url: 'https://claude.ai/new', provider: 'anthropic', countModel: 'claude-sonnet-5', tolerance: 0.05, exact: false,
    prompts: ['トークンと単語の関係と、費用にどう効くかを教えてください。', '長い会話では、後のターンの入力はどうなりますか？'],
    models: { a: /^claude-sonnet-5$/, b: /^claude-opus-4[.-]8$/ }, // "Sonnet 5" (never 4.5), "Opus 4.8"
  },
  {
    name: 'Gemini', file: 'heldout/gemini.html', url: 'https://gemini.google.com/app', provider: 'google', countModel: 'gemini-3.5-flash', tolerance: 0.05, exact: false,
    prompts: EN,
    models: { a: /^gemini-3\.5-flash$/, b: /^gemini-3\.1-pro/ }, // modes "Fast" and "Pro"
  },
];

/**
 * Each site's variant a plain (click, then Enter) and variant b scrambled (Enter, then click);
 * ChatGPT's and Gemini's variant a scrambled too: the thread drawn again at the URL change and
 * the voice button back after the reply (ChatGPT), the next message sent while the stop control
 * lingers (Gemini), with no selector to help.
 */
const RUNS: Array<{ variant: 'a' | 'b'; scramble?: 'random'; order: 'click-enter' | 'enter-click'; sites: string[] }> = [
  { variant: 'a', order: 'click-enter', sites: ['ChatGPT', 'Claude (Japanese UI)', 'Gemini'] },
  { variant: 'b', scramble: 'random', order: 'enter-click', sites: ['ChatGPT', 'Claude (Japanese UI)', 'Gemini'] },
  { variant: 'a', scramble: 'random', order: 'click-enter', sites: ['ChatGPT', 'Gemini'] },
];

for (const site of SITES) {
  for (const { variant, scramble, order, sites } of RUNS) {
    if (!sites.includes(site.name)) continue;
    test(`held-out ${site.name} ${variant}${scramble ? ' (scrambled)' : ''}: the badge counts typing and names the model, two turns (${order}) are recorded whole`, async ({ context, openExtensionPage }) => {
      test.setTimeout(150_000);
      await checkTwoTurns(
        context,
        openExtensionPage,
        site,
        { scramble, fixture: { variant }, order, model: site.models[variant] },
        (type, description) => test.info().annotations.push({ type, description }),
      );
    });
  }
}
