import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import type { Layer } from '@/utils/core/page/page-state';
import type { DomChangeLog } from '@/utils/content/page/dom-change-log';
import { findFields } from '@/utils/content/page/find-fields';
import { allOfFirstMatch, compactText, isAfter, isVisuallyHidden, outermost, safeQueryAll } from '@/utils/content/page/dom-query';
import { answerText, findThinkingBlocks, ThinkingSeen, type ThinkingResult } from '@/utils/content/recording/thinking-blocks';
import type { ComposerButtons } from '@/utils/content/page/fallback-composer';
import { findUserTurn, flagTurnedOff, hasTrailingButtons, regionText, replyRegion, type ReplyRegion } from '@/utils/content/page/fallback-thread';
import { readRenderedText } from '@/utils/content/page/rendered-text';
import { visibleStopControl } from '@/utils/content/page/streaming';
import type { ReplyFacts } from '@/utils/content/recording/turn-machine';

/**
 * Where one turn's roles are on the page: the user's message, the reply, the composer's stop
 * control, the reply's finished marker and the streaming flag. Each role is read by the site's
 * adapter first and by the selector-free layer (fallback-thread.ts, fallback-composer.ts) where
 * the adapter's selectors find nothing, role by role; the reader remembers which layer read
 * each, for the event's `detectedBy` and the page's site health.
 */

/** How the page's composer is found while the adapter's selectors miss (the send detector knows). */
export interface ComposerFinder {
  /** The field the person is writing in, if still on the page. */
  draftField(): HTMLElement | null;
  /** The box around a field that holds its buttons. */
  containerOf(field: HTMLElement): Element | null;
}

/** What every turn's reader shares with the tracker. */
export interface ReaderContext {
  adapter: SiteAdapter;
  log: DomChangeLog;
  composers: ComposerFinder;
  /** The composer's buttons as learned while calm: a control never seen then is stop-like. */
  buttons: ComposerButtons;
}

export interface ComposerArea {
  field: HTMLElement | null;
  /** The composer's box; null when none, or when it holds the turn's messages (too wide to tell apart). */
  container: Element | null;
}

/** The composer now: the adapter's field, else the turn's own field, else the one typed in. */
export function currentComposer(ctx: ReaderContext, turnField?: HTMLElement | null): HTMLElement | null {
  return findFields(ctx.adapter)[0] ?? (turnField?.isConnected ? turnField : null) ?? ctx.composers.draftField();
}

export function replyTextOf(elements: Element[]): string {
  return elements.map((el) => el.textContent ?? '').join('\n');
}

export class TurnReader {
  userTurn: Element | null;
  userBy: Layer | null;
  replyEls: Element[] = [];
  region: ReplyRegion | null = null;
  replyBy: Layer | null = null;
  /** The reply's text at the last read. */
  private replyText = '';
  /** The model's thinking this turn showed (read on every poll: a block may leave the page once the answer starts). */
  private readonly thinking = new ThinkingSeen();
  private thinkingBlocks: readonly Element[] = [];
  private readonly usersBefore: Set<Element>;
  private readonly repliesBefore: Set<Element>;

  /**
   * `mark`: the change-log position at the send; the user's turn and the reply are what changed
   * after it. `user`: a regeneration knows its user message from the start.
   */
  constructor(
    private readonly ctx: ReaderContext,
    readonly field: HTMLElement | null,
    readonly mark: number,
    user: { el: Element; by: Layer } | null = null,
  ) {
    this.userTurn = user?.el ?? null;
    this.userBy = user?.by ?? null;
    this.usersBefore = new Set(allOfFirstMatch(ctx.adapter.selectors.userMessage));
    this.repliesBefore = new Set(outermost(allOfFirstMatch(ctx.adapter.selectors.assistantMessage)));
  }

  /** The composer's box (for the stop control and the fallback's "outside the composer"). */
  composerArea(): ComposerArea {
    const field = currentComposer(this.ctx, this.field);
    const container = field ? this.ctx.composers.containerOf(field) : null;
    // A "container" that holds the conversation is too wide to tell the composer from the thread.
    const tooWide = !!container && [this.userTurn, ...this.replyEls].some((el) => el && container.contains(el));
    return { field, container: tooWide ? null : container };
  }

  /** Looks for the message with the sent text (again, if the one found left the page); true once found. */
  readUser(promptText: string, container: Element | null): boolean {
    if (this.userTurn && !this.userTurn.isConnected) this.userTurn = null;
    if (!this.userTurn) this.findUser(promptText, container);
    return !!this.userTurn;
  }

  /** The prompt as the thread shows it, when that is the sent text (the draft was last read a moment before the site took it). */
  promptAsShown(promptText: string): string {
    if (!this.userTurn) return promptText;
    const shown = readRenderedText(this.userTurn);
    return compactText(shown).includes(compactText(promptText).slice(0, 60)) ? shown : promptText;
  }

  /** The reply and the signals around it, as the turn's machine needs them. */
  readReply(area: ComposerArea): ReplyFacts {
    const { field, container } = area;
    const { buttons } = this.ctx;
    const text = this.findReply(container);
    this.readThinking(container);
    const adapterStop = !!visibleStopControl(this.ctx.adapter, field);
    const unknownControls = !!container && !!field && buttons.knowsCalm() ? buttons.unknownVisible(container, field) : [];
    const marker = this.adapterFinishedMarker(container) ? 'adapter' : this.fallbackFinishedMarker() ? 'fallback' : null;
    return { text, adapterStop, unknownControls, marker, streamingFlag: this.streamingFlagOn() };
  }

  /** A reply is still streaming (for a turn the next send cuts short). */
  streamingNow(): boolean {
    return !!visibleStopControl(this.ctx.adapter, this.composerArea().field) || this.streamingFlagOn();
  }

  /** The reply's finished marker is up (its action row, by the adapter or the fallback layer). */
  finishedShown(): boolean {
    return this.adapterFinishedMarker(this.composerArea().container) || this.fallbackFinishedMarker();
  }

  /** The answer as the model wrote it, for the record: never the thinking. */
  finalReplyText(): string {
    if (this.replyBy === 'adapter') return this.adapterReplyText();
    if (!this.region) return '';
    return this.region.blocks.filter((b) => !isVisuallyHidden(b)).map((b) => answerText(b, this.thinkingBlocks)).join('\n');
  }

  /** The answer so far, for the outbox's running count. */
  replySoFar(): string {
    if (this.replyBy === 'adapter') return this.adapterReplyText();
    return this.region ? this.region.blocks.map((b) => answerText(b, this.thinkingBlocks)).join('\n') : '';
  }

  /** The thinking the turn showed: its largest text, unknown (a duration only), or none. */
  finalThinking(): ThinkingResult {
    return this.thinking.result();
  }

  /** A reply's answer: its body where the adapter knows it, without hidden labels or the thinking. */
  private adapterReplyText(): string {
    const { selectors } = this.ctx.adapter;
    return this.replyEls
      .map((el) => {
        const body = outermost(allOfFirstMatch(selectors.replyBody, el));
        return (body.length ? body : [el]).map((b) => answerText(b, this.thinkingBlocks)).join('\n');
      })
      .join('\n\n');
  }

  /** Where the thinking of this turn is now: in its reply, or (adapter) after its user message. */
  private readThinking(container: Element | null): void {
    const u = this.userTurn;
    const inTurn = (el: Element) =>
      !(container && container.contains(el)) && (this.replyEls.some((r) => r.contains(el)) || (!!u && isAfter(u, el) && !el.contains(u)));
    this.thinking.observe(findThinkingBlocks(this.ctx.adapter, this.replyEls, inTurn));
    this.thinkingBlocks = this.thinking.onPage();
  }

  private findUser(promptText: string, container: Element | null): void {
    const { adapter, log } = this.ctx;
    const needle = compactText(promptText).slice(0, 60);
    const users = outermost(allOfFirstMatch(adapter.selectors.userMessage));
    const fresh = users.filter((u) => !this.usersBefore.has(u) || log.isFresh(u, this.mark));
    // The sent text, or (a long paste the site shows as an attachment) the one new user message.
    const byAdapter = [...fresh].reverse().find((u) => compactText(u.textContent ?? '').includes(needle)) ?? (fresh.length === 1 && !this.usersBefore.has(fresh[0]!) ? fresh[0] : undefined);
    if (byAdapter) {
      this.userTurn = byAdapter;
      this.userBy = 'adapter';
      return;
    }
    const found = findUserTurn(promptText, log, this.mark, container);
    if (found) {
      this.userTurn = found;
      this.userBy = 'fallback';
    }
  }

  private findReply(container: Element | null): string {
    this.replyText = this.readReplyText(container);
    return this.replyText;
  }

  private readReplyText(container: Element | null): string {
    const u = this.userTurn;
    const all = outermost(allOfFirstMatch(this.ctx.adapter.selectors.assistantMessage)).filter((r) => !(container && container.contains(r)));
    const after = u ? all.filter((r) => isAfter(u, r) && !r.contains(u)) : all.filter((r) => !this.repliesBefore.has(r));
    if (after.length) {
      this.replyEls = after;
      this.region = null;
      this.replyBy = 'adapter';
      return replyTextOf(after);
    }
    const region = u ? replyRegion(u, container, this.ctx.log, this.mark) : null;
    if (region) {
      this.region = region;
      this.replyEls = region.blocks;
      this.replyBy = 'fallback';
      return regionText(region);
    }
    this.replyEls = [];
    return '';
  }

  private adapterFinishedMarker(container: Element | null): boolean {
    const last = this.replyEls.at(-1);
    if (!last || this.replyBy !== 'adapter') return false;
    return (this.ctx.adapter.selectors.finished ?? []).some((selector) =>
      safeQueryAll(document, selector).some(
        (m) => !(container && container.contains(m)) && (last === m || last.contains(m) || m.contains(last) || isAfter(last, m)),
      ),
    );
  }

  /** The selector-free layer's guess: action buttons at the reply's end, or a flag on it turned off. */
  private fallbackFinishedMarker(): boolean {
    return !!this.region && (hasTrailingButtons(this.region) || flagTurnedOff(this.region, this.ctx.log, this.mark));
  }

  private streamingFlagOn(): boolean {
    const u = this.userTurn;
    return (this.ctx.adapter.selectors.streaming ?? []).some((selector) =>
      safeQueryAll(document, selector).some((m) => !u || isAfter(u, m) || this.replyEls.some((r) => r.contains(m) || m.contains(r))),
    );
  }
}
