import { guard, reportError } from '@/utils/content/page/guard';

/**
 * The page's one MutationObserver. Watchers (the page scan, Gemini's usage page, ChatGPT's limit
 * notice) hear of each batch of changes and schedule their own throttled work; the change log
 * (dom-change-log.ts) files the same records while a turn needs them, and only then are
 * attribute changes observed too. The callback does no DOM work of its own, so a page streaming
 * thousands of mutations pays almost nothing. URL changes that reuse the DOM (framework
 * navigation) are reported as changes too.
 */

export type ChangeListener = (records: readonly MutationRecord[]) => void;

const BASE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const WITH_ATTRIBUTES: MutationObserverInit = { ...BASE, attributes: true, attributeOldValue: true };
const URL_POLL_MS = 1000;

export class PageChanges {
  private readonly listeners = new Set<ChangeListener>();
  private readonly observer: MutationObserver;
  private attributeWatchers = 0;
  private readonly view: Window & typeof globalThis;
  private readonly root: Node;
  private lastUrl: string;
  private readonly urlPoll: ReturnType<typeof setInterval>;
  private readonly onNavigate = guard(() => this.checkUrl(true));

  constructor(doc: Document = document) {
    this.view = (doc.defaultView ?? window) as Window & typeof globalThis;
    this.root = doc.documentElement;
    this.lastUrl = this.view.location.href;
    this.observer = new this.view.MutationObserver((records) => this.deliver(records));
    this.observer.observe(this.root, BASE);
    this.view.addEventListener('popstate', this.onNavigate);
    this.view.addEventListener('hashchange', this.onNavigate);
    this.urlPoll = setInterval(
      guard(() => this.checkUrl(false)),
      URL_POLL_MS,
    );
  }

  /** Called with every batch of changes until the returned function is called. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Attribute changes are observed while at least one caller wants them (a turn in flight). */
  watchAttributes(on: boolean): void {
    const before = this.attributeWatchers > 0;
    this.attributeWatchers = Math.max(0, this.attributeWatchers + (on ? 1 : -1));
    const after = this.attributeWatchers > 0;
    if (before === after) return;
    // Records already queued under the old options are delivered first; then the observer
    // starts again with the new ones (some DOMs keep the first options on a second observe()).
    this.flush();
    this.observer.disconnect();
    this.observer.observe(this.root, after ? WITH_ATTRIBUTES : BASE);
  }

  /** Delivers the records the observer has not delivered yet, so a reader sees this task's changes. */
  flush(): void {
    const records = this.observer.takeRecords();
    if (records.length) this.deliver(records);
  }

  stop(): void {
    this.observer.disconnect();
    clearInterval(this.urlPoll);
    this.view.removeEventListener('popstate', this.onNavigate);
    this.view.removeEventListener('hashchange', this.onNavigate);
    this.listeners.clear();
  }

  private checkUrl(always: boolean): void {
    const url = this.view.location.href;
    if (!always && url === this.lastUrl) return;
    this.lastUrl = url;
    this.deliver([]);
  }

  private deliver(records: readonly MutationRecord[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(records);
      } catch (error) {
        reportError(error);
      }
    }
  }
}

/**
 * Calls `onChange` (throttled, trailing) after changes: at most once per `intervalMs`, and once
 * more after the last change, so a burst ends with a run that sees its end.
 */
export function throttledWatch(changes: PageChanges, onChange: () => void, intervalMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  const run = guard(() => {
    timer = undefined;
    lastRun = performance.now();
    onChange();
  });
  const unsubscribe = changes.subscribe((records) => {
    // Attribute changes are observed only while a turn holds the change log; they are the
    // turn's news, not a reason to rescan the page (the badge's own attributes are among them).
    if (records.length && records.every((record) => record.type === 'attributes')) return;
    if (timer !== undefined) return;
    timer = setTimeout(run, Math.max(0, intervalMs - (performance.now() - lastRun)));
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
