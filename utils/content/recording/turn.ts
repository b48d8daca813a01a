import type { ModelInfo } from '@/utils/core/models/model-types';
import type { Layer } from '@/utils/core/page/page-state';
import type { JudgeOptions } from '@/utils/content/recording/reply-judge';
import type { PendingSend } from '@/utils/content/recording/send-detector';
import { TurnMachine } from '@/utils/content/recording/turn-machine';
import { TurnReader, replyTextOf, type ReaderContext } from '@/utils/content/recording/turn-readers';
import { allOfFirstMatch, isAfter, outermost } from '@/utils/content/page/dom-query';

/**
 * One turn in flight: what was sent, by whom and for which model; where its roles are on the
 * page (`page`, DOM); where it is in its life (`machine`, no DOM); and its outbox record.
 */
export interface Turn {
  readonly id: string;
  readonly kind: 'chat' | 'console';
  readonly startedAt: number;
  readonly trigger: PendingSend['trigger'] | 'regenerate';
  /** Which layer recognised the send. */
  readonly by: Layer;
  /** What was sent; a 'site' send's is replaced by the message as the thread shows it. */
  promptText: string;
  /** Sent from the page's main composer (not an inline "edit message" box). */
  readonly mainComposer: boolean;
  readonly model: ModelInfo;
  readonly page: TurnReader;
  readonly machine: TurnMachine;
  /** Tokens of the files sent with the message (0 when none). */
  readonly attachmentTokens: number;
  /** Written once the turn is confirmed; `counted` once its prompt and context are counted. */
  readonly outbox: { persisted: boolean; counted: { prompt: number; context: number } | null };
}

/** How a turn starts: from a send the detector saw, or from a regeneration the person clicked. */
export interface TurnStart {
  trigger: Turn['trigger'];
  by: Layer;
  promptText: string;
  field: HTMLElement | null;
  mainComposer: boolean;
  /** Change-log position at the trigger, taken before the site reacted to it. */
  mark: number;
  /** A regeneration's user message, known from the start. */
  user?: { el: Element; by: Layer };
}

export function createTurn(ctx: ReaderContext, start: TurnStart, model: ModelInfo, judge?: Partial<JudgeOptions>, attachmentTokens = 0): Turn {
  const now = Date.now();
  const { adapter } = ctx;
  const user = start.user;
  // A regenerated reply replaces one that is already there: its old text is no change.
  const initialReply = user ? replyTextOf(outermost(allOfFirstMatch(adapter.selectors.assistantMessage)).filter((r) => isAfter(user.el, r))) : '';
  const confirmed = start.trigger !== 'site';
  const kind = adapter.kind === 'console' ? 'console' : 'chat';
  return {
    id: crypto.randomUUID(),
    kind,
    startedAt: now,
    trigger: start.trigger,
    by: start.by,
    promptText: start.promptText,
    mainComposer: start.mainComposer,
    model,
    page: new TurnReader(ctx, start.field, start.mark, user ?? null),
    machine: new TurnMachine({ startedAt: now, kind, confirmed, initialReply, judge }),
    attachmentTokens,
    outbox: { persisted: false, counted: null },
  };
}

/** The layer the event credits: the adapter only if it read the send, the user's message and the reply. */
export function detectedBy(turn: Turn): Layer {
  const { userBy, replyBy } = turn.page;
  return turn.by === 'adapter' && userBy !== 'fallback' && replyBy !== 'fallback' ? 'adapter' : 'fallback';
}
