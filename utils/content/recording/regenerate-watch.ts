import { allOfFirstMatch, outermost, safeQueryAll } from '@/utils/content/page/dom-query';
import { readRenderedText } from '@/utils/content/page/rendered-text';
import { visibleStopControl } from '@/utils/content/page/streaming';
import { isMenuItem, isNearLastReply, judgeClickOn, opensMenu } from '@/utils/content/page/thread-control';
import { currentComposer, type ReaderContext } from '@/utils/content/recording/turn-readers';
import type { TurnStart } from '@/utils/content/recording/turn';

/**
 * A regeneration the person starts: a trusted click on a thread control (regenerate, retry)
 * followed, soon, by a reply streaming while no turn is in flight. It re-answers the last user
 * message on the page, or the last one this tab recorded if the page shows none.
 *
 * Only a control near the reply it regenerates counts (thread-control.ts): in the last reply's
 * block or its action bar, or an item of a menu such a control just opened. A click anywhere
 * else, or on a control the page laid over everything (invisible, page-sized), starts nothing:
 * otherwise a page could turn every click into a recorded turn.
 */

/** A thread control clicked this recently may have started the reply that now streams. */
export const REGENERATE_WINDOW_MS = 5000;
/** A menu opened from the reply's action bar this recently may hold its "Try again". */
export const MENU_WINDOW_MS = 30_000;

export class RegenerateWatch {
  private clicked: { at: number; mark: number } | null = null;
  private lastUserTurn: Element | null = null;
  /** When a control near the reply that opens a menu was last clicked. */
  private menuOpenedAt = -Infinity;

  constructor(private readonly ctx: ReaderContext) {}

  /** A click is waiting for a reply to stream. */
  get waiting(): boolean {
    return this.clicked !== null;
  }

  /**
   * A trusted click on a control outside every composer. A thread control near the last reply
   * starts the watch (the page's changes are watched from now); any other is ignored. True
   * when the watch started.
   */
  click(control: Element, event: MouseEvent): boolean {
    const now = Date.now();
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !this.isThreadControl(control, now)) return false;
    if (!judgeClickOn(control, target, event).ok) return false;
    if (opensMenu(control)) this.menuOpenedAt = now;
    this.clicked = { at: now, mark: this.ctx.log.mark() };
    this.ctx.log.hold('regenerate');
    return true;
  }

  private isThreadControl(control: Element, now: number): boolean {
    if (isMenuItem(control)) return now - this.menuOpenedAt <= MENU_WINDOW_MS;
    const field = currentComposer(this.ctx);
    const composerArea = field ? this.ctx.composers.containerOf(field) : null;
    return isNearLastReply(control, { adapter: this.ctx.adapter, composerArea, lastUserTurn: this.lastUserTurn });
  }

  /** A chat turn was recorded with this user message. */
  noteRecorded(userTurn: Element): void {
    this.lastUserTurn = userTurn;
  }

  /** The regeneration to start, once a reply streams within the window after the click (and no turn is in flight). */
  check(now: number, turnsInFlight: boolean): TurnStart | null {
    const clicked = this.clicked;
    if (!clicked) return null;
    if (now - clicked.at > REGENERATE_WINDOW_MS) {
      this.stop();
      return null;
    }
    if (turnsInFlight) return null;
    const by = this.streamingBy();
    if (!by) return null;
    const users = outermost(allOfFirstMatch(this.ctx.adapter.selectors.userMessage));
    const userTurn = users.at(-1) ?? (this.lastUserTurn?.isConnected ? this.lastUserTurn : null);
    this.stop();
    const promptText = userTurn ? readRenderedText(userTurn) : '';
    if (!userTurn || !promptText.trim()) return null;
    return {
      trigger: 'regenerate',
      by,
      promptText,
      field: null,
      mainComposer: true,
      mark: clicked.mark,
      user: { el: userTurn, by: users.length ? 'adapter' : 'fallback' },
    };
  }

  stop(): void {
    this.clicked = null;
    this.ctx.log.release('regenerate');
  }

  /** Which layer sees a reply streaming now (the adapter's stop control or flag, else a stop-like composer control). */
  private streamingBy(): 'adapter' | 'fallback' | null {
    const { adapter, buttons, composers } = this.ctx;
    const field = currentComposer(this.ctx);
    if (!!visibleStopControl(adapter, field) || safeQueryAll(document, (adapter.selectors.streaming ?? []).join(',') || ':not(*)').length > 0) return 'adapter';
    const container = field ? composers.containerOf(field) : null;
    return !!container && !!field && buttons.knowsCalm() && buttons.stopLikeVisible(container, field) ? 'fallback' : null;
  }
}
