// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageEvents } from '@/utils/content/page/page-events';
import { captureFiles, pickedFiles } from '@/utils/content/attachments/file-capture';
import { AttachmentTracker, chipArea, namesFile } from '@/utils/content/attachments/attachment-tracker';
import { takeSentFiles } from '@/utils/content/attachments/sent-files';
import { createPageStore, type PageStore } from '@/utils/core/page/page-state';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { claudeAdapter } from '@/utils/sites/adapters/claude';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import type { Attachment } from '@/utils/core/attachments/attachment';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i++) await settle();
  expect(check()).toBe(true);
}

/** An input event whose path starts at `input`, as a picker's is. */
function pickerEvent(type: string, input: HTMLInputElement, files: File[]): Event {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  const event = new Event(type, { bubbles: true, composed: true });
  input.dispatchEvent(event);
  return event;
}

describe('captureFiles', () => {
  it('takes the files of a picker (input and change), once per File', () => {
    const events = createPageEvents(window);
    const got: string[][] = [];
    const stop = captureFiles(events, (files) => got.push(files.map((f) => f.name)));
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const files = [new File(['# hi'], 'notes.md'), new File(['x'], 'a.txt')];
    pickerEvent('input', input, files);
    pickerEvent('change', input, files);
    expect(got).toEqual([['notes.md', 'a.txt']]);
    stop();
    events.stop();
  });

  it('reads the input as the first target on the path (inputs in shadow roots)', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    input.type = 'file';
    root.append(input);
    const file = new File(['a'], 'in-shadow.txt');
    Object.defineProperty(input, 'files', { value: [file] });
    let seen: File[] = [];
    window.addEventListener('input', (e) => (seen = pickedFiles(e)), { capture: true, once: true });
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(seen).toEqual([file]);
  });

  it('ignores other inputs', () => {
    const text = document.createElement('input');
    document.body.append(text);
    let seen: File[] | null = null;
    window.addEventListener('input', (e) => (seen = pickedFiles(e)), { capture: true, once: true });
    text.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen).toEqual([]);
  });

  it('counts a drop only when the site took it', () => {
    const listeners: Record<string, (e: Event) => void> = {};
    const events = { on: (type: string, fn: (e: Event) => void) => ((listeners[type] = fn), () => {}), stop() {} };
    const later: (() => void)[] = [];
    const got: string[] = [];
    captureFiles(events as never, (files) => got.push(...files.map((f) => f.name)), (fn) => later.push(fn));
    const file = new File(['x'], 'dropped.png');
    listeners.drop!({ dataTransfer: { files: [file] }, defaultPrevented: false } as unknown as Event);
    listeners.drop!({ dataTransfer: { files: [new File(['y'], 'taken.png')] }, defaultPrevented: true } as unknown as Event);
    later.forEach((fn) => fn());
    expect(got).toEqual(['taken.png']);
  });

  it('counts pasted files that went into a text field', () => {
    const listeners: Record<string, (e: Event) => void> = {};
    const events = { on: (type: string, fn: (e: Event) => void) => ((listeners[type] = fn), () => {}), stop() {} };
    const got: string[] = [];
    captureFiles(events as never, (files) => got.push(...files.map((f) => f.name)), (fn) => fn());
    const area = document.createElement('textarea');
    listeners.paste!({ clipboardData: { files: [new File(['x'], 'pasted.png')] }, defaultPrevented: false, composedPath: () => [area] } as unknown as Event);
    listeners.paste!({ clipboardData: { files: [] }, defaultPrevented: true, composedPath: () => [area] } as unknown as Event);
    expect(got).toEqual(['pasted.png']);
  });
});

function storeWith(adapter = chatgptAdapter, host = 'chatgpt.com'): PageStore {
  const store = createPageStore(adapter, host, 0);
  store.set({ settings: DEFAULT_SETTINGS });
  return store;
}
const fakeCount = async (text: string) => ({ tokens: text.split(/\s+/).filter(Boolean).length, exact: true });
const byName = (store: PageStore, name: string) => store.get().attachments.find((a) => a.name === name);

describe('AttachmentTracker', () => {
  it('counts a text file with the model counter and an image by the provider rule', async () => {
    vi.stubGlobal('createImageBitmap', async () => ({ width: 1024, height: 768, close: vi.fn() }));
    const store = storeWith();
    const tracker = new AttachmentTracker(store, fakeCount);
    tracker.refresh();
    tracker.add([new File(['one two three'], 'notes.md', { type: 'text/markdown' }), new File([new Uint8Array(10)], 'chart.png', { type: 'image/png' })]);
    expect(store.get().attachments.map((a) => a.status)).toEqual(['pending', 'pending']);
    await until(() => store.get().attachments.every((a) => a.status === 'counted'));
    expect(byName(store, 'notes.md')).toMatchObject({ tokens: 3, exact: true, kind: 'text' });
    // gpt-5.5, ChatGPT's default: 70 + 4 x 140.
    expect(byName(store, 'chart.png')).toMatchObject({ tokens: 630, exact: false, kind: 'image' });
  });

  it('recounts for a new model (Claude: 1024x768 / 750)', async () => {
    vi.stubGlobal('createImageBitmap', async () => ({ width: 1024, height: 768, close: vi.fn() }));
    const store = storeWith(claudeAdapter, 'claude.ai');
    const tracker = new AttachmentTracker(store, fakeCount);
    tracker.refresh();
    tracker.add([new File([new Uint8Array(10)], 'chart.png', { type: 'image/png' })]);
    await until(() => byName(store, 'chart.png')?.status === 'counted');
    expect(byName(store, 'chart.png')!.tokens).toBe(1049);
  });

  it('says why a file is not counted: over the cap, an unknown type, an unreadable image', async () => {
    vi.stubGlobal('createImageBitmap', async () => {
      throw new Error('bad image');
    });
    const store = storeWith();
    const tracker = new AttachmentTracker(store, fakeCount);
    tracker.refresh();
    const huge = new File(['x'], 'report.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 180 * 1024 * 1024 });
    tracker.add([huge, new File(['x'], 'deck.pptx'), new File(['x'], 'broken.png', { type: 'image/png' })]);
    await until(() => byName(store, 'broken.png')?.status === 'not-counted');
    expect(byName(store, 'report.pdf')).toMatchObject({ status: 'not-counted', note: 'report.pdf: 180 MB, over the 50 MB limit, not counted' });
    expect(byName(store, 'deck.pptx')!.note).toMatch(/^deck\.pptx: .*not counted$/);
    expect(byName(store, 'broken.png')!.note).toMatch(/^broken\.png: .*not counted$/);
  });

  it('drops a file whose chip the page showed and no longer shows', async () => {
    const store = storeWith();
    const tracker = new AttachmentTracker(store, fakeCount);
    tracker.refresh();
    tracker.add([new File(['a b'], 'notes.md'), new File(['c'], 'other.txt')]);
    document.body.innerHTML = '<form><div class="chip">notes.md</div><button aria-label="Remove other.txt">x</button></form>';
    const form = document.querySelector('form')!;
    tracker.checkChips(form);
    expect(store.get().attachments).toHaveLength(2);
    form.querySelector('.chip')!.remove();
    tracker.checkChips(form);
    expect(store.get().attachments.map((a) => a.name)).toEqual(['other.txt']);
  });

  it('keeps a file whose chip never showed its name', () => {
    const store = storeWith();
    const tracker = new AttachmentTracker(store, fakeCount);
    tracker.add([new File(['a'], 'photo.png', { type: 'image/png' })]);
    tracker.checkChips(document.body);
    expect(store.get().attachments).toHaveLength(1);
  });
});

describe('chip helpers', () => {
  it('finds names in text, labels, titles and alt text', () => {
    document.body.innerHTML = '<div><img alt="chart.png"><span title="a &quot;b&quot;.txt"></span></div>';
    expect(namesFile(document.body, 'chart.png')).toBe(true);
    expect(namesFile(document.body, 'a "b".txt')).toBe(true);
    expect(namesFile(document.body, 'missing.md')).toBe(false);
  });
  it('looks in the composer\'s form, or the box holding its file input', () => {
    document.body.innerHTML = '<section><div id="box"><input type="file"><div><div><p id="editor"></p></div></div></div></section><form id="f"><div id="e2"></div></form>';
    expect(chipArea(document.getElementById('editor'))).toBe(document.getElementById('box'));
    expect(chipArea(document.getElementById('e2'))).toBe(document.getElementById('f'));
    expect(chipArea(null)).toBe(document.body);
  });
});

describe('takeSentFiles', () => {
  it('takes the counted files\' tokens and empties the list', () => {
    const store = storeWith();
    const file = (id: string, status: Attachment['status'], tokens: number): Attachment => ({ id, name: id, size: 1, kind: 'text', status, tokens, exact: true, band: 0, note: null, progress: null });
    store.set({ attachments: [file('a', 'counted', 100), file('b', 'counted', 765), file('c', 'pending', 5)] });
    expect(takeSentFiles(store)).toBe(865);
    expect(store.get().attachments).toEqual([]);
    expect(takeSentFiles(store)).toBe(0);
  });
});

describe('files sent earlier stay in the conversation', () => {
  it('the ledger counts a turn\'s files for every later turn, shown or not', async () => {
    const { addLedgerTurn, ledgerFor, resetLedger } = await import('@/utils/content/page/conversation-ledger');
    resetLedger();
    const url = 'https://chatgpt.com/c/1';
    const prompt = document.createElement('p');
    prompt.textContent = 'Summarise the attached report';
    const reply = document.createElement('p');
    reply.textContent = 'It says revenue grew.';
    addLedgerTurn(url, { promptTokens: 6, outputTokens: 5, attachmentTokens: 1940, promptTexts: [prompt.textContent], replyText: reply.textContent, promptElements: [], replyElements: [] });
    const shown = [{ el: prompt, text: prompt.textContent }, { el: reply, text: reply.textContent }];
    expect(ledgerFor(url).unseenTokens(shown)).toBe(1940);
    expect(ledgerFor(url).unseenTokens([])).toBe(1940 + 6 + 5);
  });
});
