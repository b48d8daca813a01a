import type { PageChanges } from '@/utils/content/page/page-changes';

/**
 * What changed on the page while a turn is in flight: elements added, elements whose text
 * changed, and attributes that flipped from "true" to "false" (a streaming flag turning off).
 * It files the page observer's records (page-changes.ts) only while someone holds it (a send
 * being confirmed, a reply streaming, a draft in the composer), and only references, so a page
 * streaming thousands of mutations pays almost nothing; the turn's poll reads the log. Changes
 * outside the document's body (the title, styles) are not the thread's and are left out.
 */

const MAX_ENTRIES = 3000;

export interface Flip {
  el: Element;
  seq: number;
  at: number;
}

export class DomChangeLog {
  private unsubscribe: (() => void) | null = null;
  private holders = new Set<string>();
  private seq = 0;
  private added: { el: Element; seq: number }[] = [];
  private touched = new Map<Element, number>();
  private flips: Flip[] = [];

  constructor(
    private readonly changes: PageChanges,
    private readonly root: () => Node | null = () => document.body,
  ) {}

  /** The current position in the log: pass it to `addedSince` / `touchedSince` later. */
  mark(): number {
    return this.seq;
  }

  hold(reason: string): void {
    this.holders.add(reason);
    if (this.unsubscribe) return;
    this.changes.flush(); // what happened before the hold is not news
    this.unsubscribe = this.changes.subscribe((records) => this.file(records));
    this.changes.watchAttributes(true);
  }

  release(reason: string): void {
    this.holders.delete(reason);
    if (this.holders.size > 0 || !this.unsubscribe) return;
    this.changes.flush();
    this.unsubscribe();
    this.unsubscribe = null;
    this.changes.watchAttributes(false);
    this.added = [];
    this.touched.clear();
    this.flips = [];
  }

  holding(reason: string): boolean {
    return this.holders.has(reason);
  }

  /** Takes records the observer has not delivered yet, so a poll sees this task's changes. */
  flush(): void {
    if (this.unsubscribe) this.changes.flush();
  }

  private file(records: readonly MutationRecord[]): void {
    const root = this.root();
    for (const record of records) {
      if (!root || !root.contains(record.target)) continue;
      const seq = ++this.seq;
      if (record.type === 'childList') {
        // The added nodes themselves are the news (their parent holds old content too); a text
        // node added in place marks its parent as changed.
        record.addedNodes.forEach((node) => {
          if (node.nodeType === 1) this.added.push({ el: node as Element, seq });
          else if (node.parentElement) this.touch(node.parentElement, seq);
        });
      } else if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) this.touch(parent, seq);
      } else if (record.oldValue === 'true' && record.attributeName) {
        const el = record.target as Element;
        if (el.getAttribute(record.attributeName) === 'false') this.flips.push({ el, seq, at: Date.now() });
      }
    }
    if (this.added.length > MAX_ENTRIES) this.added.splice(0, this.added.length - MAX_ENTRIES);
    if (this.flips.length > MAX_ENTRIES) this.flips.splice(0, this.flips.length - MAX_ENTRIES);
  }

  private touch(el: Element, seq: number): void {
    this.touched.delete(el);
    this.touched.set(el, seq);
    if (this.touched.size > MAX_ENTRIES) this.touched.delete(this.touched.keys().next().value!);
  }

  /** Elements added since `mark` that are still on the page. */
  addedSince(mark: number): Element[] {
    this.flush();
    return this.added.filter((a) => a.seq > mark && a.el.isConnected).map((a) => a.el);
  }

  /** Elements whose children or text changed since `mark`. */
  touchedSince(mark: number): Element[] {
    this.flush();
    const out: Element[] = [];
    for (const [el, seq] of this.touched) if (seq > mark && el.isConnected) out.push(el);
    return out;
  }

  flipsSince(mark: number): Flip[] {
    this.flush();
    return this.flips.filter((f) => f.seq > mark && f.el.isConnected);
  }

  /** True when `el` was added, or holds something added or changed, since `mark`. */
  isFresh(el: Element, mark: number): boolean {
    this.flush();
    for (const a of this.added) if (a.seq > mark && (a.el === el || el.contains(a.el) || a.el.contains(el))) return true;
    for (const [t, seq] of this.touched) if (seq > mark && el.contains(t)) return true;
    return false;
  }
}
