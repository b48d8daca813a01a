import type { ModelInfo } from '@/utils/core/models/model-types';
import { chooseModel, type PageStore } from '@/utils/core/page/page-state';
import { fileKind } from '@/utils/core/attachments/file-kind';
import { imageTokens } from '@/utils/core/attachments/image-tokens';
import { pdfPageTokens } from '@/utils/core/attachments/pdf-tokens';
import { MAX_ATTACHMENTS, refusalFor, type Attachment } from '@/utils/core/attachments/attachment';
import { PDF_ERROR_TEXT } from '@/utils/core/attachments/file-port';
import { readPdfFacts } from '@/utils/content/attachments/pdf-client';
import { reportError } from '@/utils/content/page/guard';

/** What reading a file found: kept in memory only until the file is sent or removed. */
type Measured =
  | { kind: 'text'; text: string }
  | { kind: 'image'; width: number; height: number }
  | { kind: 'pdf'; text: string; pages: number; pageWidth: number | null; pageHeight: number | null };

export type CountText = (text: string, model: ModelInfo) => Promise<{ tokens: number; exact: boolean }>;

interface Tracked {
  measured: Measured | null;
  /** The page showed a chip with the file's name at least once. */
  seen: boolean;
}

let nextId = 1;

async function measure(file: File, onProgress: (fraction: number) => void): Promise<Measured | string> {
  const kind = fileKind(file.name, file.type);
  if (kind === 'text') return { kind, text: await file.text() };
  if (kind === 'image') {
    const bitmap = await createImageBitmap(file).catch(() => null);
    if (!bitmap) return `${file.name}: this image can't be read, not counted`;
    const { width, height } = bitmap;
    bitmap.close();
    return { kind, width, height };
  }
  const facts = await readPdfFacts(file, onProgress);
  return facts.ok ? { kind: 'pdf', ...facts } : `${file.name}: ${PDF_ERROR_TEXT[facts.error]}`;
}

/** A file's tokens for `model`: its text by the model's counter, plus its provider's image or page rule. */
async function countFor(m: Measured, model: ModelInfo, countText: CountText): Promise<Pick<Attachment, 'tokens' | 'exact' | 'band' | 'note'>> {
  if (m.kind === 'text') {
    const { tokens, exact } = await countText(m.text, model);
    return { tokens, exact, band: exact ? 0 : model.band, note: null };
  }
  if (m.kind === 'image') {
    const rule = imageTokens(model, m.width, m.height);
    return { tokens: rule.tokens, exact: false, band: rule.band, note: `${m.width}×${m.height}: ${rule.rule}` };
  }
  const rule = pdfPageTokens(model, m);
  const text = rule.textBilled && m.text.trim() ? (await countText(m.text, model)).tokens : 0;
  return { tokens: rule.tokens + text, exact: false, band: Math.max(rule.band, model.band), note: `${m.pages} page${m.pages === 1 ? '' : 's'}: ${rule.rule}` };
}

/**
 * The files attached to this page's composer: each is read locally as it arrives (text, image
 * size, or PDF text and pages in the extension's counting context), counted for the page's
 * model, and listed in the page store. A file whose chip the page showed and no longer shows was
 * removed; a send takes the files into its turn (turn-tracker.ts empties the list).
 */
export class AttachmentTracker {
  private readonly tracked = new Map<string, Tracked>();
  private model: ModelInfo | null = null;

  constructor(
    private readonly store: PageStore,
    private readonly countText: CountText,
  ) {}

  add(files: File[]): void {
    for (const file of files) {
      if (this.store.get().attachments.length >= MAX_ATTACHMENTS) return;
      const id = `file-${nextId++}`;
      const kind = fileKind(file.name, file.type);
      const refusal = refusalFor(file.name, file.size, kind);
      const base: Attachment = { id, name: file.name, size: file.size, kind, status: refusal ? 'not-counted' : 'pending', tokens: 0, exact: false, band: 0, note: refusal, progress: null };
      this.tracked.set(id, { measured: null, seen: false });
      this.store.set((s) => ({ attachments: [...s.attachments, base] }));
      if (!refusal) void this.read(id, file);
    }
  }

  /** The model changed: every read file is counted again for it. */
  refresh(): void {
    const model = chooseModel(this.store.get()).model;
    if (model === this.model) return;
    this.model = model;
    for (const id of this.tracked.keys()) void this.count(id);
  }

  /** On each page scan: forgets files the store no longer lists, and drops those whose chip is gone. */
  checkChips(root: ParentNode): void {
    const listed = new Set(this.store.get().attachments.map((a) => a.id));
    for (const id of [...this.tracked.keys()]) if (!listed.has(id)) this.tracked.delete(id);
    const gone: string[] = [];
    for (const a of this.store.get().attachments) {
      const entry = this.tracked.get(a.id);
      if (!entry) continue;
      const shown = namesFile(root, a.name);
      if (shown) entry.seen = true;
      else if (entry.seen) gone.push(a.id);
    }
    if (gone.length) this.store.set((s) => ({ attachments: s.attachments.filter((a) => !gone.includes(a.id)) }));
  }

  private patch(id: string, patch: Partial<Attachment>): void {
    this.store.set((s) => (s.attachments.some((a) => a.id === id) ? { attachments: s.attachments.map((a) => (a.id === id ? { ...a, ...patch } : a)) } : {}));
  }

  private async read(id: string, file: File): Promise<void> {
    try {
      const measured = await measure(file, (progress) => this.patch(id, { progress }));
      const entry = this.tracked.get(id);
      if (!entry) return;
      if (typeof measured === 'string') return this.patch(id, { status: 'not-counted', note: measured, progress: null });
      entry.measured = measured;
      await this.count(id);
    } catch (error) {
      reportError(error);
      this.patch(id, { status: 'not-counted', note: `${file.name}: can't be read here, not counted`, progress: null });
    }
  }

  private async count(id: string): Promise<void> {
    const measured = this.tracked.get(id)?.measured;
    const model = chooseModel(this.store.get()).model;
    if (!measured || !model) return;
    const counted = await countFor(measured, model, this.countText);
    if (chooseModel(this.store.get()).model === model) this.patch(id, { ...counted, status: 'counted', progress: null });
  }
}

/** Whether the page shows the file's name under `root`: as text, or in a label, title or alt. */
export function namesFile(root: ParentNode, name: string): boolean {
  if ((root as Node).textContent?.includes(name)) return true;
  for (const el of root.querySelectorAll('[aria-label],[title],[alt]')) {
    for (const attr of ['aria-label', 'title', 'alt']) if (el.getAttribute(attr)?.includes(name)) return true;
  }
  return false;
}

/** Where the composer's file chips are: its form, or the nearest box holding its file input; else the page. */
export function chipArea(composer: Element | null): ParentNode {
  let el = composer;
  for (let i = 0; el && i < 6; i++, el = el.parentElement) if (el.tagName === 'FORM' || el.querySelector('input[type="file"]')) return el;
  return document.body;
}
