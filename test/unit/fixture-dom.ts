// Loads a 2026 fixture page (test/e2e/fixtures/*-2026.html) into a happy-dom window for unit
// tests, runs the page's own behaviour scripts, and puts it into a named state synchronously:
//   'empty'     fresh page, nothing sent
//   'idle'      one finished turn in the transcript, a draft in the composer (send showing)
//   'streaming' a second turn sent and paused half-way: stop control showing, no actions on it
//   'finished'  that second turn done: its action buttons shown, stop gone, flags flipped
// The same page code as in the end-to-end tests runs here, with its timers driven by the page's
// own scheduler, so no fake timers are needed.
//
//   const page = await loadFixture('claude-2026-ja.html', { state: 'streaming', scramble: 4242 });
//   page.document.querySelector(page.sel('button[data-testid="chat-input-stop"]'));
//   page.roles().stop;           // the element the page itself uses as its stop control
//   await page.close();
import { Window } from 'happy-dom';
import { fixtureHtml, type FixtureOptions } from '@/test/e2e/fixture-html';

export type FixtureState = 'empty' | 'idle' | 'streaming' | 'finished';

/** The chat fixtures, each at the URL the real site uses for a new chat. */
export const CHAT_FIXTURES = [
  { name: 'ChatGPT', file: 'chatgpt-2026.html', url: 'https://chatgpt.com/', provider: 'openai' },
  { name: 'Claude', file: 'claude-2026.html', url: 'https://claude.ai/new', provider: 'anthropic' },
  { name: 'Claude (Japanese UI)', file: 'claude-2026-ja.html', url: 'https://claude.ai/new', provider: 'anthropic' },
  { name: 'Gemini', file: 'gemini-2026.html', url: 'https://gemini.google.com/app', provider: 'google' },
] as const;

/** The console fixtures (same engine: a system field, a prompt field, Run, usage after the run). */
export const CONSOLE_FIXTURES = [
  { name: 'Anthropic playground', file: 'anthropic-playground-2026.html', url: 'https://platform.claude.com/playground', provider: 'anthropic' },
  { name: 'OpenAI Playground', file: 'openai-chat-edit-2026.html', url: 'https://platform.openai.com/chat/edit?models=gpt-5.5', provider: 'openai' },
] as const;

/** The elements playing each role right now, as the page itself holds them (not found by name). */
export interface FixtureRoles {
  composer: HTMLElement;
  system: HTMLTextAreaElement | null;
  send: HTMLButtonElement | null;
  stop: HTMLButtonElement | null;
  model: HTMLElement;
  thread: HTMLElement;
  lastUser: HTMLElement | null;
  lastAssistant: HTMLElement | null;
  lastActions: HTMLElement | null;
  decoys: HTMLElement[];
}

/** `window.__fixture` of a 2026 page. */
export interface FixturePageApi {
  site: string;
  locale: string;
  seed: number;
  scrambled: boolean;
  readonly phase: 'idle' | 'thinking' | 'streaming' | 'paused' | 'lingering' | 'done';
  readonly turnsDone: number;
  replies: string[];
  prompts: string[];
  usages: Array<{ input: number; output: number }>;
  transcript(): Array<{ role: 'user' | 'assistant'; text: string }>;
  setNextReply(text: string): void;
  setNextUsage(usage: { input: number; output: number }): void;
  setModel(label: string): void;
  send(): boolean;
  stop(): void;
  type(text: string): void;
  goTo(state: FixtureState, options?: { prompts?: string[]; draft?: string }): void;
  /** After goTo: runs the page's queued timers until it reaches `phase`; false if it never does. */
  runUntilPhase(phase: FixturePageApi['phase']): boolean;
  refs(): FixtureRoles;
  selector(role: string): string;
  names(): { scrambled: boolean; seed: number; classes: Record<string, string>; ids: Record<string, string>; attributes: Record<string, string>; tags: Record<string, string>; labels: Record<string, string>; values: Record<string, string> };
}

/** `window.__fixtureNames` of a 2026 page: the page's one name map. */
export interface FixtureNames {
  scrambled: boolean;
  seed: number;
  /** A selector written with the real site's names, rewritten for this page (exact [attr="value"] values are mapped; ^= $= *= values are not). */
  sel(selector: string): string;
  cls(name: string): string;
  attr(name: string): string;
  tag(name: string): string;
  label(text: string): string;
  get(el: Element, name: string): string | null;
}

export interface LoadedFixture {
  window: Window;
  document: Document;
  fixture: FixturePageApi;
  names: FixtureNames;
  roles(): FixtureRoles;
  sel(selector: string): string;
  close(): Promise<void>;
}

export interface LoadOptions extends Omit<FixtureOptions, 'scramble'> {
  /** The page URL; defaults to the fixture's new-chat URL. */
  url?: string;
  state?: FixtureState;
  /** Scramble the page's names with this seed (> 1), or 'random'. */
  scramble?: number | 'random';
  /** The prompts of the first and second turn. */
  prompts?: string[];
  /** The draft left in the composer in the 'idle' state. */
  draft?: string;
}

const ALL_FIXTURES: ReadonlyArray<{ file: string; url: string }> = [...CHAT_FIXTURES, ...CONSOLE_FIXTURES];

export async function loadFixture(file: string, options: LoadOptions = {}): Promise<LoadedFixture> {
  const { url, state = 'idle', prompts, draft, ...pageOptions } = options;
  const known = ALL_FIXTURES.find((f) => f.file === file);
  const pageUrl = url ?? known?.url;
  if (!pageUrl) throw new Error(`No URL for fixture ${file}: pass { url }.`);
  const window = new Window({
    url: pageUrl,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  const html = fixtureHtml(file, Object.keys(pageOptions).length ? (pageOptions as FixtureOptions) : undefined);
  window.document.write(html);
  const page = window as unknown as { __fixture?: FixturePageApi; __fixtureNames?: FixtureNames };
  const fixture = page.__fixture;
  const names = page.__fixtureNames;
  if (!fixture || !names) throw new Error(`${file} did not start: is it a 2026 fixture (built by chat-2026.js)?`);
  fixture.goTo(state, { prompts, draft });
  return {
    window,
    document: window.document as unknown as Document,
    fixture,
    names,
    roles: () => fixture.refs(),
    sel: (selector) => names.sel(selector),
    close: () => window.happyDOM.close(),
  };
}
