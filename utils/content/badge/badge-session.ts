import type { BadgeActions, BadgeRenderer, CountdownStore } from '@/utils/core/page/badge-contract';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { costUsd } from '@/utils/core/models/cost';
import { isTextarea, readEditorText } from '@/utils/content/page/editor-text';
import { createBadgeHost, placeBadgeHost } from '@/utils/content/badge/badge-host';
import { reportError } from '@/utils/content/page/guard';
import { pageThemeAround } from '@/utils/content/page/page-theme';
import type { ExactCountScheduler } from '@/utils/content/page/exact-count-scheduler';
import { FieldCounter, type CountOutcome } from '@/utils/content/page/field-counter';
import { attachmentTokens } from '@/utils/core/attachments/attachment';
import { chooseModel, NEW_FIELD, type FieldState, type Layer, type PageState, type PageStore } from '@/utils/core/page/page-state';

/** What a session needs from the page controller (shared by every field on the page). */
export interface SessionContext {
  store: PageStore;
  actions: BadgeActions;
  renderer: BadgeRenderer;
  /** The prompt cache's countdown (absent where no page clock runs one). */
  countdown?: CountdownStore;
  models(): ModelInfo[];
  count(text: string, model: ModelInfo): Promise<CountOutcome>;
  countNow(text: string, model: ModelInfo): CountOutcome | null;
  exactScheduler?: () => ExactCountScheduler;
  onActivity(session: BadgeSession): void;
}

let nextId = 1;

/**
 * One prompt field and its badge: a FieldCounter counts the field as it changes and writes the
 * count into the page store; the badge renders from the store, and the host element's public
 * data-* attributes are written whenever the field's count or the model changes.
 */
export class BadgeSession {
  readonly id = `field-${nextId++}`;
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private readonly counter: FieldCounter;
  private readonly fieldObserver: MutationObserver | null;
  private readonly unsubscribe: () => void;
  private destroyed = false;
  private lastTextareaValue: string | null = null;

  constructor(
    readonly field: HTMLElement,
    private readonly ctx: SessionContext,
    foundBy: Layer,
  ) {
    const { host, mount } = createBadgeHost(ctx.renderer.css);
    this.host = host;
    this.mount = mount;
    placeBadgeHost(host, field);
    const { store } = ctx;
    this.update({ ...NEW_FIELD, foundBy, theme: pageThemeAround(field.parentElement ?? field) });
    this.counter = new FieldCounter({
      read: () => readEditorText(field),
      model: () => chooseModel(store.get()).model,
      count: ctx.count,
      countNow: ctx.countNow,
      exactCountsOn: (model) => !!store.get().settings?.anthropicExactCounts && model.provider === 'anthropic',
      exactScheduler: ctx.exactScheduler,
      onChange: (patch) => this.update(patch),
      onText: (text) => {
        if (isTextarea(field)) this.lastTextareaValue = text;
      },
    });
    this.unsubscribe = store.subscribe((state, previous) => this.writeHostAttributes(state, previous));
    this.writeHostAttributes(store.get(), null);
    // Editors change their DOM for programmatic edits (a site clearing the composer after
    // send) without an input event; textareas are re-checked on page scans instead.
    this.fieldObserver =
      isTextarea(field)
        ? null
        : new MutationObserver(() => {
            try {
              this.counter.request();
            } catch (error) {
              reportError(error);
            }
          });
    // The class too: Quill drops its empty marker (ql-blank, read as no text) after the paste's
    // input event, so a paste read at that event reads empty and nothing else follows it.
    this.fieldObserver?.observe(field, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    ctx.renderer.mount(mount, { store, countdown: ctx.countdown, fieldId: this.id, actions: ctx.actions, models: ctx.models });
    this.counter.request();
  }

  /** Called on every page scan: keeps the badge in place and notices silent changes. */
  maintain(): void {
    if (this.destroyed) return;
    placeBadgeHost(this.host, this.field);
    const theme = pageThemeAround(this.field.parentElement ?? this.field);
    if (theme !== this.ctx.store.get().fields[this.id]?.theme) this.update({ theme });
    if (isTextarea(this.field) && this.field.value !== this.lastTextareaValue) this.counter.request();
  }

  /** Model or settings changed: recount if needed. */
  refresh(): void {
    if (!this.destroyed) this.counter.refresh();
  }

  onInput(): void {
    this.ctx.onActivity(this);
    this.counter.request();
  }

  private update(patch: Partial<FieldState>): void {
    if (this.destroyed) return;
    const id = this.id;
    this.ctx.store.set((s) => ({ fields: { ...s.fields, [id]: { ...(s.fields[id] ?? NEW_FIELD), ...patch } } }));
  }

  /** The public contract on the shadow host; a data-tokens write marks a finished count (tests and bench-badge wait for it). */
  private writeHostAttributes(state: PageState, previous: PageState | null): void {
    if (this.destroyed) return;
    const field = state.fields[this.id];
    if (!field) return;
    const model = chooseModel(state).model;
    if (previous?.cacheExpiresAt !== state.cacheExpiresAt) this.writeCacheAttribute(state.cacheExpiresAt);
    if (previous && previous.fields[this.id] === field && chooseModel(previous).model === model && previous.attachments === state.attachments) return;
    const ready = field.state === 'ready';
    const set = (name: string, value: string) => this.host.setAttribute(name, value);
    // The whole turn: the typed prompt plus the attached files' share.
    const files = attachmentTokens(state.attachments);
    set('data-state', field.state);
    set('data-tokens', ready ? String(field.tokens + files) : '');
    set('data-attachment-tokens', String(files));
    set('data-model', model?.id ?? '');
    set('data-exact', String(ready ? field.exact : (model?.exact ?? false)));
    const cost = model && ready ? costUsd(model, field.tokens + files, 0) : null;
    set('data-cost-usd', cost === null ? '' : String(cost));
    set('data-theme', field.theme);
  }

  /** `data-cache-expires-at` (ISO 8601) while the conversation's prompt cache is warm; gone when cold. */
  private writeCacheAttribute(expiresAt: number | null): void {
    if (expiresAt === null) this.host.removeAttribute('data-cache-expires-at');
    else this.host.setAttribute('data-cache-expires-at', new Date(expiresAt).toISOString());
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.counter.destroy();
    this.fieldObserver?.disconnect();
    this.unsubscribe();
    try {
      this.ctx.renderer.unmount(this.mount);
    } catch (error) {
      reportError(error);
    }
    this.host.remove();
    const id = this.id;
    this.ctx.store.set((s) => {
      const { [id]: _gone, ...fields } = s.fields;
      return { fields, activeFieldId: s.activeFieldId === id ? null : s.activeFieldId };
    });
  }
}
