import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { Layer } from '@/utils/core/page/page-state';
import { editingHostOf, isTextarea, readEditorText } from '@/utils/content/page/editor-text';
import { findFields } from '@/utils/content/page/find-fields';
import { closestOfList, safeMatches } from '@/utils/content/page/dom-query';
import { composerContainerOf } from '@/utils/content/page/fallback-composer';
import { controlOf, isMenuItem } from '@/utils/content/page/thread-control';
import type { PageEvents } from '@/utils/content/page/page-events';
import type { ClockTask, PageClock } from '@/utils/content/page/page-clock';

/**
 * Notices the person sending a message. A send is the composer's text disappearing right after
 * a trusted Enter in the composer or a trusted click on a button in the composer's container;
 * the adapter says which button is "send" where it can (and its consoles run without clearing
 * the prompt), and the selector-free rule covers the rest. A composer the person typed into
 * that empties without either (a voice or "edit and resend" path) is a candidate send the
 * tracker confirms by finding the sent text in the thread. Only events the browser marks as
 * trusted count: a page script can't send on the person's behalf.
 *
 * It listens through the page's one set of listeners (page-events.ts) and polls on the page's
 * one timer (page-clock.ts): a poll runs only while a send waits for its composer to clear or a
 * draft exists.
 */

export interface PendingSend {
  field: HTMLElement;
  /** The box around the field that holds its buttons (null when none was found). */
  container: Element | null;
  /** The prompt as it was at the trigger, read the way the site sends it. Memory only. */
  text: string;
  trigger: 'enter' | 'click' | 'site';
  /** Which layer recognised the trigger. */
  by: Layer;
  at: number;
  /** The send came from the page's main composer (not an inline "edit message" box). */
  mainComposer: boolean;
}

export interface SendDetectorDeps {
  adapter: SiteAdapter;
  events: PageEvents;
  clock: PageClock;
  /** A send may be starting: start watching the page's changes now, before the site reacts. */
  onTrigger(pending: PendingSend): void;
  /** The trigger came to nothing (the text stayed): stop watching for it. */
  onDropped(pending: PendingSend): void;
  onSend(send: PendingSend): void;
  /** A trusted click on a button or menu item outside every composer (regenerate, retry, an edit's save...). */
  onOtherClick(control: Element, event: MouseEvent): void;
  /** A draft (text the person typed) appeared or went away: watch the page while one exists. */
  onDraft?(present: boolean): void;
  isTrusted?: (event: Event) => boolean;
  now?: () => number;
  readText?: (field: HTMLElement) => string;
  /** How often the confirmation poll runs while a send or a draft is waiting. */
  pollMs?: number;
}

/** How long after a trigger the composer may take to clear before the trigger is dropped. */
export const SEND_CONFIRM_MS = 4000;
/** An Enter and the site's own synthetic click for the same text are one send. */
const SAME_SEND_MS = 1000;
/** A composer emptied this soon after the person's own edit was emptied by them, not sent. */
const OWN_EDIT_MS = 600;
/** How often a draft's composer is checked for having been sent by other means. */
const DRAFT_CHECK_MS = 400;

export class SendDetector {
  private readonly isTrusted: (event: Event) => boolean;
  private readonly now: () => number;
  private readonly readText: (field: HTMLElement) => string;
  private pending: PendingSend[] = [];
  private lastSent: { text: string; at: number } | null = null;
  private draft: { field: HTMLElement; text: string; readAt: number; inputAt: number; lastEdit: 'insert' | 'delete' } | null = null;
  /** Reads the draft a moment after typing (one read per burst of keystrokes). */
  private draftRead: ClockTask | null = null;
  /** The confirmation poll. */
  private poller: ClockTask | null = null;
  private lastDraftCheck = 0;

  constructor(private readonly deps: SendDetectorDeps) {
    this.isTrusted = deps.isTrusted ?? ((event) => event.isTrusted);
    this.now = deps.now ?? Date.now;
    this.readText = deps.readText ?? readEditorText;
  }

  start(): () => void {
    const { events, clock } = this.deps;
    const draftRead = (this.draftRead = clock.task(() => this.readDraft()));
    const poller = (this.poller = clock.task(() => this.poll()));
    const unsubscribe = [
      events.on('keydown', this.onKeyDown),
      events.on('click', this.onClick),
      events.on('input', this.onInput),
      events.on('paste', this.onInput),
    ];
    return () => {
      unsubscribe.forEach((off) => off());
      draftRead.cancel();
      poller.cancel();
    };
  }

  /**
   * A send may be under way that is not confirmed yet: a trigger waiting for the composer to
   * clear, or text the person typed that has left the composer (the site took it on its own).
   */
  sendInFlight(): boolean {
    if (this.pending.length) return true;
    const draft = this.draft;
    return !!draft && draft.text.trim() !== '' && this.isEmpty(draft.field);
  }

  /** The field the person is writing in (their last trusted input), if still on the page. */
  draftField(): HTMLElement | null {
    return this.draft?.field.isConnected ? this.draft.field : null;
  }

  private isMainComposer(field: HTMLElement): boolean {
    const fields = findFields(this.deps.adapter);
    if (fields.length) return fields.some((f) => f === field || f.contains(field));
    // Without adapter fields: the composer is the field sends usually come from.
    return !this.lastMainField || this.lastMainField === field || !this.lastMainField.isConnected;
  }

  private lastMainField: HTMLElement | null = null;

  containerOf(field: HTMLElement): Element | null {
    return closestOfList(field, this.deps.adapter.selectors.composerContainer) ?? composerContainerOf(field);
  }

  private fieldOf(event: Event): HTMLElement | null {
    const path = event.composedPath();
    if (path.some((n) => n instanceof Element && n.tagName === 'TOKENTALLY-BADGE')) return null;
    const target = path[0];
    return target instanceof Element ? editingHostOf(target) : null;
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    try {
      if (!this.isTrusted(event)) return;
      const field = this.fieldOf(event);
      if (!field) return;
      if (event.key !== 'Enter') {
        const deleting = event.key === 'Backspace' || event.key === 'Delete' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'x');
        this.noteTyping(field, deleting ? 'delete' : 'insert');
        return;
      }
      if (event.isComposing || event.shiftKey || event.altKey) return;
      const { adapter } = this.deps;
      const modifier = event.ctrlKey || event.metaKey;
      const adapterField = findFields(adapter).some((f) => f === field || f.contains(field));
      const adapterSends = adapterField && ((adapter.sendsOnEnter && !modifier) || (adapter.kind !== 'chat' && modifier));
      this.trigger(field, 'enter', adapterSends ? 'adapter' : 'fallback');
    } catch (error) {
      console.warn('[TokenTally] send detection:', error);
    }
  };

  private readonly onClick = (event: MouseEvent) => {
    try {
      if (!this.isTrusted(event)) return;
      const path = event.composedPath();
      if (path.some((n) => n instanceof Element && n.tagName === 'TOKENTALLY-BADGE')) return;
      const target = path[0];
      if (!(target instanceof Element)) return;
      const button = controlOf(target);
      if (!button || (button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true') return;
      if (isMenuItem(button)) return this.deps.onOtherClick(button, event);
      const { adapter } = this.deps;
      const isAdapterSend = (adapter.selectors.send ?? []).some((s) => safeMatches(button, s));
      // The field the person typed in first: a console has several fields in one container.
      const candidates = [this.draftField(), editingHostOf(document.activeElement), ...findFields(adapter)].filter(
        (f, i, all): f is HTMLElement => !!f && all.indexOf(f) === i,
      );
      for (const field of candidates) {
        const container = this.containerOf(field);
        if (container?.contains(button)) {
          this.trigger(field, 'click', isAdapterSend ? 'adapter' : 'fallback', container);
          return;
        }
      }
      // A send button the adapter knows, outside any container we found (a console's Run).
      if (isAdapterSend) {
        const field = this.draftField() ?? candidates[0];
        if (field) {
          this.trigger(field, 'click', 'adapter');
          return;
        }
      }
      this.deps.onOtherClick(button, event);
    } catch (error) {
      console.warn('[TokenTally] send detection:', error);
    }
  };

  private readonly onInput = (event: Event) => {
    if (!this.isTrusted(event)) return;
    const field = this.fieldOf(event);
    const inputType = (event as InputEvent).inputType ?? '';
    if (field) this.noteTyping(field, inputType.startsWith('delete') ? 'delete' : 'insert');
  };

  /** Trusted typing: remember the draft's text (read at most every so often; huge texts less often). */
  private noteTyping(field: HTMLElement, edit: 'insert' | 'delete'): void {
    const now = this.now();
    if (!this.draft || this.draft.field !== field) this.draft = { field, text: '', readAt: 0, inputAt: now, lastEdit: edit };
    this.draft.inputAt = now;
    this.draft.lastEdit = edit;
    if (!this.draftRead || this.draftRead.scheduled()) return;
    this.draftRead.runIn(this.draft.text.length > 200_000 ? 2000 : 250);
  }

  private readDraft(): void {
    const draft = this.draft;
    if (!draft?.field.isConnected) return;
    const hadText = draft.text.trim() !== '';
    let text = '';
    try {
      text = this.readText(draft.field);
    } catch {
      // A broken editor reads as empty.
    }
    // Emptied, but the person's last edit added text: the site took it (a send by other
    // means). Keep what they wrote; the poll turns it into a candidate send.
    if (!text.trim() && hadText && draft.lastEdit === 'insert') {
      this.ensurePolling();
      return;
    }
    draft.text = text;
    draft.readAt = this.now();
    const hasText = draft.text.trim() !== '';
    if (hasText !== hadText) this.deps.onDraft?.(hasText);
    if (hasText) this.ensurePolling();
  }

  private trigger(field: HTMLElement, trigger: 'enter' | 'click', by: Layer, container = this.containerOf(field)): void {
    let text: string;
    try {
      text = this.readText(field);
    } catch {
      return;
    }
    if (!text.trim()) return;
    const now = this.now();
    if (this.pending.some((p) => p.text === text)) return;
    if (this.lastSent && this.lastSent.text === text && now - this.lastSent.at < SAME_SEND_MS) return;
    const pending: PendingSend = { field, container, text, trigger, by, at: now, mainComposer: this.isMainComposer(field) };
    this.deps.onTrigger(pending);
    // A console's known Run button runs the prompt where it is: nothing to wait for.
    if (this.deps.adapter.kind !== 'chat' && by === 'adapter' && trigger === 'click') {
      this.confirm(pending);
      return;
    }
    this.pending.push(pending);
    this.ensurePolling();
  }

  private confirm(send: PendingSend): void {
    this.lastSent = { text: send.text, at: this.now() };
    if (send.mainComposer) this.lastMainField = send.field;
    if (this.draft?.field === send.field) {
      this.draft = null;
      this.deps.onDraft?.(false);
    }
    this.deps.onSend(send);
  }

  /** Keeps the poll running (at its own cadence: a poll already due sooner stays as it is). */
  private ensurePolling(): void {
    this.poller?.runIn(this.deps.pollMs ?? 100);
  }

  private isEmpty(field: HTMLElement): boolean {
    if (!field.isConnected) return true;
    const raw = isTextarea(field) ? field.value : (field.textContent ?? '');
    if (raw.length > 100_000) return raw.trim() === '';
    try {
      return this.readText(field).trim() === '';
    } catch {
      return false;
    }
  }

  /** Confirms pending sends whose composer emptied, drops stale ones, and notices drafts sent by other means. */
  poll(): void {
    try {
      const now = this.now();
      for (const pending of [...this.pending]) {
        if (this.isEmpty(pending.field)) {
          this.pending = this.pending.filter((p) => p !== pending);
          this.confirm(pending);
        } else if (now - pending.at > SEND_CONFIRM_MS) {
          this.pending = this.pending.filter((p) => p !== pending);
          this.deps.onDropped(pending);
        }
      }
      const draft = this.draft;
      const checkDraft = now - this.lastDraftCheck >= DRAFT_CHECK_MS;
      if (checkDraft) this.lastDraftCheck = now;
      if (checkDraft && draft && !this.pending.length && draft.text.trim() && now - draft.inputAt > OWN_EDIT_MS && !this.draftRead?.scheduled() && this.isEmpty(draft.field)) {
        // The person's text left the composer without Enter or a click: the tracker confirms it
        // as a send only if the text shows up in the thread.
        this.draft = null;
        this.deps.onDraft?.(false);
        const send: PendingSend = { field: draft.field, container: this.containerOf(draft.field), text: draft.text, trigger: 'site', by: 'fallback', at: now, mainComposer: this.isMainComposer(draft.field) };
        this.lastSent = { text: send.text, at: now };
        this.deps.onSend(send);
      }
      // Polls go on while a send waits for its composer or a draft may leave it.
      if (this.pending.length || this.draft?.text.trim()) this.ensurePolling();
    } catch (error) {
      console.warn('[TokenTally] send detection:', error);
      this.ensurePolling();
    }
  }
}
