import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { noteRoleReading } from '@/utils/core/page/site-health';
import type { PageServices } from '@/utils/content/page-services';
import { BadgeSession, type SessionContext } from '@/utils/content/badge/badge-session';
import { editingHostOf } from '@/utils/content/page/editor-text';
import { findFields } from '@/utils/content/page/find-fields';
import { closestOfList } from '@/utils/content/page/dom-query';
import { composerContainerOf } from '@/utils/content/page/fallback-composer';

/**
 * The page's prompt fields, one BadgeSession each: the fields the adapter's selectors find, and,
 * when those find none, whichever field the person focuses or types in. Typing into any other
 * multi-line field (an "edit message" box, a redesigned composer) makes it a prompt field too.
 */
export class FieldBadges {
  private readonly sessions = new Map<HTMLElement, BadgeSession>();
  private readonly fallbackFields = new Set<HTMLElement>();
  private adapterFieldsFound = false;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly services: PageServices,
    private readonly adapter: SiteAdapter,
    private readonly ctx: SessionContext,
    /** Whether badges show on this site now (its settings are loaded, it is on, not hidden). */
    private readonly showing: () => boolean,
    /** A field appeared or got focus: load its tokenizer before the first keystroke needs it. */
    private readonly warmUp: () => void,
  ) {
    this.unsubscribe = [services.events.on('focusin', (event) => this.onFocusIn(event)), services.events.on('input', (event) => this.onInput(event))];
  }

  /** Finds the fields again, drops the ones gone, and keeps each badge in place. */
  scan(): void {
    if (!this.showing()) {
      if (this.sessions.size) this.detachAll();
      return;
    }
    const found = findFields(this.adapter);
    this.adapterFieldsFound = found.length > 0;
    // Focused, or typed into, before the settings arrived (the events were let pass then): with
    // no selector to find it, the field the person is in is the prompt field.
    const focused = found.length ? null : focusedField();
    if (focused) this.fallbackFields.add(focused);
    const keep = new Set<HTMLElement>(found);
    for (const field of this.fallbackFields) {
      if (field.isConnected) keep.add(field);
      else this.fallbackFields.delete(field);
    }
    for (const [field, session] of this.sessions) {
      if (!keep.has(field) || !field.isConnected) {
        session.destroy();
        this.sessions.delete(field);
      }
    }
    for (const field of keep) this.attach(field, found.includes(field) ? 'adapter' : 'fallback');
    for (const session of this.sessions.values()) session.maintain();
    noteRoleReading(this.services.store, 'composer', this.adapterFieldsFound ? 'adapter' : this.fallbackFields.size ? 'fallback' : 'none');
  }

  /** Model, settings or the conversation changed: every field recounts (or re-asks exact counts). */
  refresh(): void {
    for (const session of this.sessions.values()) session.refresh();
  }

  /** The box around the field the person works in (the adapter's container, else the one holding its buttons). */
  composerBox(): Element | null {
    const { activeFieldId } = this.services.store.get();
    const active = [...this.sessions.values()].find((s) => s.id === activeFieldId) ?? this.sessions.values().next().value;
    if (!active) return null;
    return closestOfList(active.field, this.adapter.selectors.composerContainer) ?? composerContainerOf(active.field);
  }

  detachAll(): void {
    for (const session of this.sessions.values()) session.destroy();
    this.sessions.clear();
    this.fallbackFields.clear();
  }

  stop(): void {
    for (const off of this.unsubscribe) off();
    this.detachAll();
  }

  private attach(field: HTMLElement, foundBy: 'adapter' | 'fallback'): BadgeSession {
    let session = this.sessions.get(field);
    if (!session) {
      session = new BadgeSession(field, this.ctx, foundBy);
      this.sessions.set(field, session);
      this.warmUp();
    }
    return session;
  }

  private fieldFrom(event: Event): HTMLElement | null {
    if (!this.showing()) return null;
    const target = event.composedPath()[0];
    return target instanceof Element ? editingHostOf(target) : null;
  }

  private onFocusIn(event: FocusEvent): void {
    const field = this.fieldFrom(event);
    if (!field || field.closest('tokentally-badge')) return;
    const session = this.sessions.get(field);
    if (session) {
      this.ctx.onActivity(session);
      this.warmUp();
      return;
    }
    if (this.adapterFieldsFound) return;
    this.fallbackFields.add(field);
    this.ctx.onActivity(this.attach(field, 'fallback'));
    noteRoleReading(this.services.store, 'composer', 'fallback');
  }

  private onInput(event: Event): void {
    const field = this.fieldFrom(event);
    if (!field) return;
    let session = this.sessions.get(field);
    if (!session && !field.closest('tokentally-badge')) {
      this.fallbackFields.add(field);
      session = this.attach(field, 'fallback');
      if (!this.adapterFieldsFound) noteRoleReading(this.services.store, 'composer', 'fallback');
    }
    session?.onInput();
  }
}

/** The editable field that has focus now, looking into open shadow roots; null when none does. */
function focusedField(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const field = editingHostOf(el);
  return field && !field.closest('tokentally-badge') ? field : null;
}
