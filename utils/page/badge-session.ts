import { h, render } from 'preact';
import { Badge, type BadgeActions, type BadgeView } from '@/components/badge/Badge';
import type { ModelInfo } from '../models/model-types';
import type { SiteAdapter } from '../sites/site-adapter';
import { readEditorText } from './editor-text';
import { createBadgeHost, placeBadgeHost } from './badge-host';
import { reportError } from './guard';
import type { Theme } from './page-theme';
import { pageThemeAround } from './page-theme';
import { createExactCountScheduler, type ExactCountScheduler } from './exact-count-scheduler';

export interface CountOutcome {
  tokens: number;
  exact: boolean;
}

/** What a session needs from the page controller (shared by every field on the page). */
export interface SessionContext {
  adapter: SiteAdapter;
  model(): { model: ModelInfo | null; source: BadgeView['modelSource']; pageModelId: string | null; overrideId: string | null };
  models(): ModelInfo[];
  projectedOutputTokens(): number;
  conversation(): BadgeView['conversation'];
  count(text: string, model: ModelInfo): Promise<CountOutcome>;
  /** The count without a round trip when the counter already knows it (see live-counter.ts), else null. */
  countNow(text: string, model: ModelInfo): CountOutcome | null;
  /** True when the user opted in to exact counts from the model's provider (Claude via Anthropic). */
  exactCountsOn(model: ModelInfo): boolean;
  /** Makes a per-field scheduler for exact counts (tests pass a stub transport). */
  exactScheduler?: () => ExactCountScheduler;
  cost(model: ModelInfo, input: number, output: number): number | null;
  actions: BadgeActions;
  onActivity(session: BadgeSession): void;
}

/**
 * Multi-megabyte texts are re-read at most a few times a second so held-down keys in a huge
 * paste can't queue full reads back to back; everything smaller is read on the next tick,
 * because keystroke-to-badge latency is the point of the badge.
 */
function readDelayFor(length: number): number {
  return length > 1_000_000 ? 150 : 0;
}

/**
 * One prompt field and its badge: reads the field when it changes, asks for a count
 * (one in flight at a time, the latest text wins), and renders the result into the
 * badge and its host's data-* attributes.
 */
export class BadgeSession {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private readonly fieldObserver: MutationObserver | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 2000;
  private microtaskQueued = false;
  private inFlight = false;
  private dirty = false;
  private destroyed = false;
  private lastText: string | null = null;
  private lastModelId: string | null = null;
  private lastLength = 0;
  private theme: Theme = 'light';
  private exact: ExactCountScheduler | null = null;
  /** Text whose exact count was asked for (or received), so refreshes don't ask twice. */
  private exactAskedFor: string | null = null;
  private view: Pick<BadgeView, 'state' | 'error' | 'tokens' | 'exact' | 'counting' | 'exactSource' | 'exactNote'> = {
    state: 'loading',
    tokens: 0,
    exact: false,
    counting: false,
    exactSource: null,
    exactNote: null,
  };

  constructor(
    readonly field: HTMLElement,
    private readonly ctx: SessionContext,
  ) {
    const { host, mount } = createBadgeHost();
    this.host = host;
    this.mount = mount;
    placeBadgeHost(host, field);
    // Editors change their DOM for programmatic edits (a site clearing the composer after
    // send) without an input event; textareas are re-checked on page scans instead.
    this.fieldObserver =
      field instanceof HTMLTextAreaElement
        ? null
        : new MutationObserver(() => {
            try {
              this.requestCount();
            } catch (error) {
              reportError(error);
            }
          });
    this.fieldObserver?.observe(field, { childList: true, subtree: true, characterData: true });
    this.refreshTheme();
    this.render();
    this.requestCount();
  }

  /** Called on every page scan: keeps the badge in place and notices silent changes. */
  maintain(): void {
    if (this.destroyed) return;
    placeBadgeHost(this.host, this.field);
    this.refreshTheme();
    if (this.field instanceof HTMLTextAreaElement && this.field.value !== this.lastText) this.requestCount();
  }

  /** Model, settings or conversation changed: recount if needed and re-render. */
  refresh(): void {
    if (this.destroyed) return;
    this.requestCount();
    // Settings may have turned exact counts on or off for the text already counted.
    const { model } = this.ctx.model();
    if (model && model.id === this.lastModelId) this.maybeAskExact(model);
    this.render();
  }

  onInput(): void {
    this.ctx.onActivity(this);
    this.requestCount();
  }

  requestCount(): void {
    if (this.destroyed) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    if (this.timer !== undefined || this.microtaskQueued) return;
    const delay = readDelayFor(this.lastLength);
    if (delay === 0) {
      // A microtask, not a timer: the count request leaves before the browser renders the
      // keystroke, so the background counts while the page paints.
      this.microtaskQueued = true;
      queueMicrotask(() => {
        this.microtaskQueued = false;
        this.runCount().catch(reportError);
      });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runCount().catch(reportError);
    }, delay);
  }

  readText(): string {
    return readEditorText(this.field);
  }

  private async runCount(): Promise<void> {
    if (this.destroyed) return;
    let text: string;
    try {
      text = readEditorText(this.field);
    } catch (error) {
      reportError(error);
      this.setView({ state: 'error', error: "Can't read this field", counting: false });
      return;
    }
    this.lastLength = text.length;
    const { model } = this.ctx.model();
    if (!model) {
      this.setView({ state: 'error', error: 'Unknown model: pick one', counting: false });
      return;
    }
    if (text === this.lastText && model.id === this.lastModelId && this.view.state === 'ready') return;
    // Most keystrokes are answered here, inside the input event, so the badge changes in the
    // same frame as the text.
    const known = text === '' ? { tokens: 0, exact: model.exact } : this.ctx.countNow(text, model);
    if (known) {
      this.lastText = text;
      this.lastModelId = model.id;
      this.showLocalCount(known, model);
      this.retryDelay = 2000;
      return;
    }
    this.inFlight = true;
    // Only show "counting" for slow counts; a fast one would just flicker.
    const slow = setTimeout(() => this.setView({ counting: true }), 150);
    try {
      const outcome = text === '' ? { tokens: 0, exact: model.exact } : await this.ctx.count(text, model);
      this.lastText = text;
      this.lastModelId = model.id;
      this.showLocalCount(outcome, model);
      this.retryDelay = 2000;
    } catch (error) {
      reportError(error);
      this.lastText = null;
      this.setView({ state: 'error', error: "Couldn't count: retrying", counting: false });
      // The background may be restarting or still loading; try again, backing off.
      this.retryTimer = setTimeout(() => this.requestCount(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
    } finally {
      clearTimeout(slow);
      this.inFlight = false;
      if (this.dirty) {
        this.dirty = false;
        this.requestCount();
      }
    }
  }

  /** Shows a local count, then (if the user opted in) asks for the provider's exact count after a pause. */
  private showLocalCount(outcome: CountOutcome, model: ModelInfo): void {
    this.setView({ state: 'ready', error: undefined, tokens: outcome.tokens, exact: outcome.exact, counting: false, exactSource: null, exactNote: null });
    this.exactAskedFor = null;
    this.maybeAskExact(model);
  }

  private maybeAskExact(model: ModelInfo): void {
    const text = this.lastText;
    if (this.view.state !== 'ready' || text === null || !this.ctx.exactCountsOn(model)) {
      this.exact?.cancel();
      if (this.view.exactSource || this.view.exactNote) this.setView({ exactSource: null, exactNote: null });
      this.exactAskedFor = null;
      return;
    }
    if (text === '' || this.exactAskedFor === text || model.exact) return;
    this.exactAskedFor = text;
    this.exact ??= this.ctx.exactScheduler?.() ?? createExactCountScheduler();
    const modelId = model.id;
    this.exact.request(text, modelId, (outcome) => {
      if (this.destroyed || this.lastText !== text || this.lastModelId !== modelId) return;
      if (outcome.ok) {
        this.setView({ tokens: outcome.tokens, exact: true, exactSource: 'Anthropic token counting API', exactNote: null });
      } else {
        this.setView({ exactSource: null, exactNote: `No exact count: ${outcome.reason}. Showing the estimate.` });
      }
    });
  }

  private refreshTheme(): void {
    const theme = pageThemeAround(this.field.parentElement ?? this.field);
    if (theme !== this.theme) {
      this.theme = theme;
      this.render();
    }
  }

  private setView(patch: Partial<BadgeSession['view']>): void {
    this.view = { ...this.view, ...patch };
    this.render();
  }

  private render(): void {
    if (this.destroyed) return;
    const { model, source, pageModelId, overrideId } = this.ctx.model();
    const outputTokens = Math.min(this.ctx.projectedOutputTokens(), model?.maxOutput ?? Infinity);
    const inputCostUsd = model && this.view.state === 'ready' ? this.ctx.cost(model, this.view.tokens, 0) : null;
    const view: BadgeView = {
      ...this.view,
      model,
      modelSource: source,
      pageModelId,
      overrideId,
      models: this.ctx.models(),
      inputCostUsd,
      projectedOutputTokens: outputTokens,
      projectedOutputCostUsd: model ? this.ctx.cost(model, 0, outputTokens) : null,
      conversation: this.ctx.conversation(),
      theme: this.theme,
      adapter: this.ctx.adapter,
    };
    // Written on every render, even when unchanged: a data-tokens write marks a finished count
    // (tests and bench-badge wait for it).
    const set = (name: string, value: string) => this.host.setAttribute(name, value);
    set('data-state', view.state);
    set('data-tokens', view.state === 'ready' ? String(view.tokens) : '');
    set('data-model', model?.id ?? '');
    set('data-exact', String(view.state === 'ready' ? view.exact : (model?.exact ?? false)));
    set('data-cost-usd', inputCostUsd === null ? '' : String(inputCostUsd));
    set('data-theme', view.theme);
    render(h(Badge, { view, actions: this.ctx.actions }), this.mount);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.exact?.cancel();
    this.fieldObserver?.disconnect();
    try {
      render(null, this.mount);
    } catch (error) {
      reportError(error);
    }
    this.host.remove();
  }
}
