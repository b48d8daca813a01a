import { readFileSync } from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve('test/e2e/fixtures');

const SHARED_SCRIPT = /<script data-fixture-script="((?:heldout\/)?[\w.-]+\.js)"><\/script>/g;

/**
 * Options a 2026 fixture page reads from `window.__FIXTURE_OPTIONS` (the same names work as URL
 * query parameters). Passing them at serve time keeps the page at the real site's URL.
 */
export interface FixtureOptions {
  /** Rename every class, id, data-* attribute, aria-label and custom tag: a seed (> 1) to replay, or 'random'. */
  scramble?: number | 'random';
  /** The label the page's model picker shows (ChatGPT: an effort tier; Claude: "Sonnet 5"; Gemini: a mode). */
  model?: string;
  /** Milliseconds between streamed pieces, the half-way pause, the wait before the first piece. */
  wordMs?: number;
  pauseMs?: number;
  thinkMs?: number;
  /** Gemini: how long the stop button stays after the reply finished. */
  lingerMs?: number;
  /** Earlier finished turns the page opens on (at a conversation URL). */
  history?: number;
  /** Claude: keep only this many transcript rows in the DOM, dropping the oldest as the thread grows. */
  virtualize?: number;
  /** 0 drops the stop-like decoy buttons outside the composer. */
  decoys?: 0 | 1;
  /** The first reply's text (later replies: `window.__fixture.setNextReply(text)`). */
  reply?: string;
  /** 2026 chat pages: each reply's thinking block streams then collapses (`stream`), or shows only "Thought for 12s" (`duration`). */
  thinking?: 'stream' | 'duration';
  /** How the streamed thinking goes once the answer starts (the site's own by default). */
  thinkingEnd?: 'hide' | 'remove-text' | 'remove-block';
  /** Milliseconds between streamed pieces of thinking (wordMs by default). */
  thinkWordMs?: number;
  /** Held-out pages (fixtures/heldout/): which of the page's variants to build. */
  variant?: 'a' | 'b';
}

/**
 * Reads an HTML fixture from test/e2e/fixtures/ and inlines the shared behaviour scripts it
 * names (`<script data-fixture-script="chat-site.js">`): pages are served at the real site
 * URLs, where a relative script URL would not resolve, and one script serves every site.
 * `options` are handed to the page as `window.__FIXTURE_OPTIONS` before any of its scripts run.
 */
export function fixtureHtml(name: string, options?: FixtureOptions): string {
  const html = readFileSync(path.join(fixturesDir, name), 'utf8');
  const inlined = html.replace(SHARED_SCRIPT, (_, script: string) => `<script>\n${readFileSync(path.join(fixturesDir, script), 'utf8')}</script>`);
  if (!options) return inlined;
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return inlined.replace(/<head>/i, `<head>\n<script>window.__FIXTURE_OPTIONS = ${json};</script>`);
}
