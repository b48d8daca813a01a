// @vitest-environment happy-dom
// Each adapter against the 2026 fixture pages (test/e2e/fixtures/*-2026.html, built from the
// public evidence independently of the adapters), loaded into a DOM in a named state: every role's
// selectors must find the element the page itself uses for that role, and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_FIXTURES, CONSOLE_FIXTURES, loadFixture, type LoadedFixture } from '@/test/unit/fixture-dom';
import { findAdapter } from '@/utils/sites/find-adapter';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { allOfFirstMatch, closestOfList, firstMatch, isAfter, safeQueryAll } from '@/utils/content/page/dom-query';
import { findFields } from '@/utils/content/page/find-fields';
import { readRenderedText } from '@/utils/content/page/rendered-text';
import { readModelLabel } from '@/utils/core/models/model-labels';

let open: LoadedFixture[] = [];
async function load(file: string, state: 'idle' | 'streaming' | 'finished', prompts = ['First prompt here', 'Second prompt here']): Promise<LoadedFixture> {
  const page = await loadFixture(file, { state, prompts, draft: 'A draft' });
  open.push(page);
  return page;
}
afterEach(async () => {
  await Promise.all(open.map((p) => p.close()));
  open = [];
});

const adapterFor = (url: string): SiteAdapter => findAdapter(new URL(url).hostname);
/** The element matching the role (outermost list of the first selector that matches) that holds `el`. */
const holder = (selectors: readonly string[] | undefined, doc: Document, el: Element | null) =>
  el ? allOfFirstMatch(selectors, doc).find((m) => m === el || m.contains(el)) ?? null : null;

/** What the model picker's label must read as, per site. */
const MODEL: Record<string, { kind: 'model' | 'mode'; id: string }> = {
  chatgpt: { kind: 'mode', id: 'gpt-5.5' },
  claude: { kind: 'model', id: 'claude-sonnet-5' },
  gemini: { kind: 'mode', id: 'gemini-3.1-pro-preview' },
};

describe.each(CHAT_FIXTURES)('$name: the adapter finds every role', (site) => {
  const adapter = adapterFor(site.url);

  it('idle: composer, its container, send, messages, reply body, model', async () => {
    const page = await load(site.file, 'idle');
    const doc = page.document;
    const roles = page.roles();
    expect(adapter.id).not.toBe('generic');
    expect(findFields(adapter, doc)).toEqual([roles.composer]);
    const container = closestOfList(roles.composer, adapter.selectors.composerContainer);
    expect(container?.contains(roles.send)).toBe(true);
    expect(container?.contains(roles.thread)).toBe(false);
    expect(safeQueryAll(container!, (adapter.selectors.send ?? [])[0]!).length + (adapter.selectors.send ?? []).filter((s) => roles.send!.matches(s)).length).toBeGreaterThan(0);
    expect((adapter.selectors.send ?? []).some((s) => roles.send!.matches(s))).toBe(true);
    expect(holder(adapter.selectors.userMessage, doc, roles.lastUser)).not.toBeNull();
    const reply = holder(adapter.selectors.assistantMessage, doc, roles.lastAssistant);
    expect(reply).not.toBeNull();
    // The reply body leaves out the hidden "… said:" label: its text is the reply as streamed.
    const body = firstMatch(adapter.selectors.replyBody, reply!);
    expect(body?.contains(roles.lastAssistant) || body === roles.lastAssistant).toBe(true);
    expect(readRenderedText(body!).replace(/\s+/g, '')).toBe(page.fixture.replies[0]!.replace(/\s+/g, ''));
    // The model picker: its element, and its label read without the hidden parts.
    const picker = firstMatch(adapter.selectors.model, doc);
    expect(picker).toBe(roles.model);
    const label = readRenderedText(picker!).replace(/\s+/g, ' ').trim();
    expect(readModelLabel(label, { provider: adapter.provider, host: new URL(site.url).hostname })).toMatchObject(MODEL[adapter.id]!);
  });

  it('streaming: the stop control is found inside the composer only (not the decoys), and no finished marker follows the reply', async () => {
    const page = await load(site.file, 'streaming');
    const doc = page.document;
    const roles = page.roles();
    const container = closestOfList(roles.composer, adapter.selectors.composerContainer)!;
    const stops = (adapter.selectors.stop ?? []).flatMap((s) => safeQueryAll(container, s));
    expect(stops).toContain(roles.stop);
    for (const decoy of roles.decoys) expect(stops).not.toContain(decoy);
    const reply = holder(adapter.selectors.assistantMessage, doc, roles.lastAssistant)!;
    const markers = (adapter.selectors.finished ?? []).flatMap((s) => safeQueryAll(doc, s)).filter((m) => m === reply || reply.contains(m) || m.contains(reply) || isAfter(reply, m));
    expect(markers).toEqual([]);
    if (adapter.id === 'claude') expect((adapter.selectors.streaming ?? []).some((s) => safeQueryAll(doc, s).length > 0)).toBe(true);
  });

  it('finished: a finished marker follows the last reply; the user\'s own copy button is not one', async () => {
    const page = await load(site.file, 'finished');
    const doc = page.document;
    const roles = page.roles();
    const reply = holder(adapter.selectors.assistantMessage, doc, roles.lastAssistant)!;
    const user = holder(adapter.selectors.userMessage, doc, roles.lastUser)!;
    const after = (adapter.selectors.finished ?? []).flatMap((s) => safeQueryAll(doc, s)).filter((m) => m === reply || reply.contains(m) || m.contains(reply) || isAfter(reply, m));
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((m) => user.contains(m))).toBe(false);
    expect((adapter.selectors.streaming ?? []).flatMap((s) => safeQueryAll(doc, s)).filter((m) => isAfter(user, m))).toEqual([]);
  });
});

describe.each(CONSOLE_FIXTURES)('$name: the adapter finds the console\'s fields and Run', (site) => {
  const adapter = adapterFor(site.url);
  it('idle', async () => {
    const page = await load(site.file, 'idle');
    const roles = page.roles();
    const fields = findFields(adapter, page.document);
    expect(fields).toContain(roles.composer);
    if (roles.system) expect(fields).toContain(roles.system);
    expect((adapter.selectors.send ?? []).some((s) => roles.send!.matches(s))).toBe(true);
    expect(firstMatch(adapter.selectors.model, page.document)).not.toBeNull();
  });
});
