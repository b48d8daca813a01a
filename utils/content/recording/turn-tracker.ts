import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { getModel, resolveModel, PRICE_DATA_DATE } from '@/utils/core/models/model-registry';
import { costUsd } from '@/utils/core/models/cost';
import { createLiveCounter } from '@/utils/content/counting/live-counter';
import { guard, reportError } from '@/utils/content/page/guard';
import { findFields } from '@/utils/content/page/find-fields';
import { readEditorText } from '@/utils/content/page/editor-text';
import { allOfFirstMatch, compactText, isAfter, isVisuallyHidden, outermost, safeQueryAll } from '@/utils/content/page/dom-query';
import { messageText, visibleMessages } from '@/utils/content/page/conversation-text';
import { conversationContext, fallbackConversationContext, type ConversationContext } from '@/utils/content/page/conversation-context';
import { addLedgerTurn, ledgerFor } from '@/utils/content/page/conversation-ledger';
import { DomChangeLog } from '@/utils/content/page/dom-change-log';
import { ComposerButtons } from '@/utils/content/page/fallback-composer';
import { findUserTurn, flagTurnedOff, hasTrailingButtons, regionText, replyRegion, threadRootOf, type ReplyRegion } from '@/utils/content/page/fallback-thread';
import { readRenderedText } from '@/utils/content/page/rendered-text';
import { visibleStopControl } from '@/utils/content/page/streaming';
import { chooseModel, type Layer, type PageStore, type Reading } from '@/utils/core/page/page-state';
import { noteRoleReadings } from '@/utils/core/page/site-health';
import { flushPendingUsage, recordUsage } from '@/utils/content/recording/record-usage';
import { ReplyJudge, type JudgeOptions, type Verdict } from '@/utils/content/recording/reply-judge';
import { SendDetector, type PendingSend } from '@/utils/content/recording/send-detector';
import { announcePage, dropStartedTurn, saveStartedTurn } from '@/utils/content/recording/turn-outbox';
import { retryWithBackoff } from '@/utils/core/retry-with-backoff';

/**
 * Records chat turns and console runs: one usage event per turn the person sends, with the
 * prompt, the context the turn re-sends and the whole reply, counted once the reply is done.
 *
 * Each role is read by the site's adapter where its selectors work and by the selector-free
 * layer where they don't, role by role: a page whose send button was renamed but whose reply
 * markup wasn't still records with the adapter's reply reading. Each event says which layer
 * read it (`detectedBy`), and the page store's site health says how each role was read.
 *
 * Turns start only from the person: a trusted Enter or click (send-detector.ts), a composer
 * they typed into emptying into a message that shows their text, or a trusted click on a
 * thread control (regenerate, retry) followed by a streaming reply. A page that fakes
 * streaming on its own records nothing. A sent turn is persisted at once (turn-outbox.ts), so
 * a tab closed mid-reply still records it, as incomplete.
 */

export interface TurnTrackingOptions {
  /** Where finished events go (tests pass their own). */
  record?: (event: UsageEvent) => Promise<void>;
  /** Persist started turns to the outbox (off in unit tests). */
  persist?: boolean;
  judge?: Partial<JudgeOptions>;
  pollMs?: number;
  isTrusted?: (event: Event) => boolean;
  /** Counts a text (tests pass their own; production counts in the background). */
  count?: (text: string, model: ModelInfo) => Promise<{ tokens: number; exact: boolean }>;
}

interface Turn {
  id: string;
  kind: 'chat' | 'console';
  startedAt: number;
  trigger: PendingSend['trigger'] | 'regenerate';
  /** Which layer recognised the send. */
  by: Layer;
  promptText: string;
  field: HTMLElement | null;
  mainComposer: boolean;
  /** Change-log position at the trigger: the user's turn and the reply are what changed after it. */
  mark: number;
  model: ModelInfo;
  usersBefore: Set<Element>;
  repliesBefore: Set<Element>;
  userTurn: Element | null;
  userBy: Layer | null;
  replyEls: Element[];
  region: ReplyRegion | null;
  replyBy: Layer | null;
  finishedBy: Layer | null;
  adapterStopSeen: boolean;
  /**
   * Composer controls (signatures) that were new when the turn started: the fallback's stop
   * control. A control new only at the reply's end (a voice button back in the send button's
   * place) is not one.
   */
  stopSigs: Set<string>;
  judge: ReplyJudge;
  /** A 'site' send is a turn only once its text shows up in the thread. */
  confirmed: boolean;
  persisted: boolean;
  heartbeatAt: number;
  counted: { prompt: number; context: number } | null;
  done: boolean;
}

const POLL_MS = 250;
const IDLE_POLL_MS = 1000;
/** A 'site' send whose text never shows up in the thread is not a send. */
const CONFIRM_SITE_SEND_MS = 6000;
/** A thread control clicked this recently may have started the reply that now streams. */
const REGENERATE_WINDOW_MS = 5000;
/** A console's prompt may stay in its field: don't wait longer than this for it to show up in a transcript. */
const CONSOLE_USER_TURN_MS = 1500;
/** A stop control still showing this long after a reply ended may be that reply's, lingering (Gemini's stays 1.5 s and more). */
const LINGERING_STOP_MS = 5000;
/** A composer control that appears this soon after the send (or before the reply's first words) is its stop control. */
const STOP_APPEARS_MS = 1000;
/** The outbox record of an in-flight turn is refreshed (output so far, "still alive") this often. */
const HEARTBEAT_MS = 3_000;

export function startTurnTracking(store: PageStore, options: TurnTrackingOptions = {}): () => void {
  const { adapter } = store.get();
  if (adapter.kind === 'clay' || adapter.id === 'generic') return () => {};
  const record = options.record ?? recordUsage;
  const persist = options.persist ?? true;
  const counter = createLiveCounter();
  const log = new DomChangeLog();
  const buttons = new ComposerButtons();
  const turns: Turn[] = [];
  let stopped = false;
  let regenerate: { at: number; mark: number } | null = null;
  let draftMark: number | null = null;
  let lastUserTurn: Element | null = null;
  let lastTurnEndedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The log position at each trigger, taken before the site reacted to it.
  const triggerMarks = new WeakMap<PendingSend, number>();

  if (persist) {
    announcePage();
    // Events an earlier page (or a worker that died before acknowledging) left unsent.
    flushPendingUsage().catch(reportError);
  }

  const currentComposer = (turn?: Turn): HTMLElement | null =>
    findFields(adapter)[0] ?? (turn?.field?.isConnected ? turn.field : null) ?? detector.draftField();

  const detector: SendDetector = new SendDetector({
    adapter,
    isTrusted: options.isTrusted,
    onTrigger: (pending) => {
      log.hold(`pending:${pending.at}`);
      triggerMarks.set(pending, log.mark());
      // The composer's buttons now (send showing) are calm, unless a reply is still streaming.
      if (pending.container && !turns.length) buttons.learnCalm(pending.container, pending.field, settled());
      // A new message ends the turns before it, read now, before the site adds the new one to
      // the thread (this runs ahead of the site's own handlers): their replies can't grow into it.
      for (const turn of [...turns]) settleBeforeNext(turn, pending);
    },
    onDropped: (pending) => log.release(`pending:${pending.at}`),
    onSend: (send) => {
      startTurn(send);
      log.release(`pending:${send.at}`);
    },
    onOtherClick: () => {
      regenerate = { at: Date.now(), mark: log.mark() };
      log.hold('regenerate');
      schedule(POLL_MS);
    },
    onDraft: (present) => {
      if (present && draftMark === null) {
        log.hold('draft');
        draftMark = log.mark();
      } else if (!present) {
        // Released a little later: a 'site' send needs what changed around the clear.
        setTimeout(() => {
          if (draftMark !== null && !detector.draftField()) {
            log.release('draft');
            draftMark = null;
          }
        }, CONFIRM_SITE_SEND_MS + 1000);
      }
    },
  });
  const stopDetector = detector.start();

  function modelNow(): ModelInfo | null {
    const state = store.get();
    const chosen = chooseModel(state).model;
    if (chosen) return chosen;
    return (state.settings && resolveModel(adapter.defaultModel, state.settings)) ?? getModel(adapter.defaultModel) ?? null;
  }

  interface Regeneration {
    regenerate: true;
    userTurn: Element;
    userBy: Layer;
    /** Which layer saw the reply start streaming. */
    by: Layer;
    mark: number;
  }

  function startTurn(send: PendingSend | Regeneration): void {
    const model = modelNow();
    if (!model) return reportError(new Error('No model for this page; turn not recorded'));
    const now = Date.now();
    const isRegen = 'regenerate' in send;
    const replies = outermost(allOfFirstMatch(adapter.selectors.assistantMessage));
    const initialReply = isRegen ? replyTextOf(replies.filter((r) => isAfter(send.userTurn, r))) : '';
    const turn: Turn = {
      id: crypto.randomUUID(),
      kind: adapter.kind === 'console' ? 'console' : 'chat',
      startedAt: now,
      trigger: isRegen ? 'regenerate' : send.trigger,
      by: send.by,
      promptText: isRegen ? readRenderedText(send.userTurn) : send.text,
      field: isRegen ? null : send.field,
      mainComposer: isRegen ? true : send.mainComposer,
      mark: isRegen ? send.mark : send.trigger === 'site' ? (draftMark ?? log.mark()) : (triggerMarks.get(send) ?? log.mark()),
      model,
      usersBefore: new Set(allOfFirstMatch(adapter.selectors.userMessage)),
      repliesBefore: new Set(replies),
      userTurn: isRegen ? send.userTurn : null,
      userBy: isRegen ? send.userBy : null,
      replyEls: [],
      region: null,
      replyBy: null,
      finishedBy: null,
      adapterStopSeen: false,
      stopSigs: new Set(),
      judge: new ReplyJudge(now, initialReply, options.judge),
      confirmed: isRegen || send.trigger !== 'site',
      persisted: false,
      heartbeatAt: now,
      counted: null,
      done: false,
    };
    log.hold(`turn:${turn.id}`);
    turns.push(turn);
    store.set((s) => ({ turns: { ...s.turns, active: s.turns.active + 1 } }));
    if (turn.confirmed) void persistStart(turn);
    schedule(0);
  }

  function replyTextOf(elements: Element[]): string {
    return elements.map((el) => el.textContent ?? '').join('\n');
  }

  const countOnce = options.count ?? (async (text: string, model: ModelInfo) => {
    const result = await counter.count(text, model);
    return { tokens: result.tokens, exact: result.exact };
  });

  async function count(text: string, model: ModelInfo): Promise<{ tokens: number; exact: boolean }> {
    if (!text.trim()) return { tokens: 0, exact: model.exact };
    // Counting goes through the background; a worker stopped mid-count must not lose the turn.
    const result = await retryWithBackoff(() => countOnce(text, model), { firstMs: 400, maxMs: 6_400, attempts: 6 });
    return { tokens: result.tokens, exact: result.exact };
  }

  function baseEvent(turn: Turn, promptTokens: number, contextTokens: number, outputTokens: number, exact: boolean): UsageEvent {
    const cost = costUsd(turn.model, promptTokens + contextTokens, outputTokens);
    return {
      id: turn.id,
      time: turn.startedAt,
      site: location.hostname,
      provider: turn.model.provider,
      model: turn.model.id,
      promptTokens,
      contextTokens,
      outputTokens,
      costUsd: cost,
      priceDate: cost === null ? null : PRICE_DATA_DATE,
      exact,
      kind: turn.kind,
      detectedBy: detectedBy(turn),
    };
  }

  function detectedBy(turn: Turn): Layer {
    return turn.by === 'adapter' && turn.userBy !== 'fallback' && turn.replyBy !== 'fallback' ? 'adapter' : 'fallback';
  }

  /** Saves the turn to the outbox at once (a rough count), then with real counts of the prompt and the context so far. */
  async function persistStart(turn: Turn): Promise<void> {
    if (!persist || turn.persisted) return;
    turn.persisted = true;
    const rough = Math.ceil(turn.promptText.length / 4);
    await saveStartedTurn(baseEvent(turn, rough, 0, 0, false), true);
    try {
      const context = turn.kind === 'console' ? { recordedTokens: 0, visibleText: consoleContextText(turn) } : conversationContext(adapter, location.href, turn.userTurn);
      const [prompt, ctx] = await Promise.all([count(turn.promptText, turn.model), count(context.visibleText, turn.model)]);
      turn.counted = { prompt: prompt.tokens, context: context.recordedTokens + ctx.tokens };
      if (!turn.done) await saveStartedTurn(baseEvent(turn, prompt.tokens, turn.counted.context, 0, false), false);
    } catch (error) {
      reportError(error);
    }
  }

  async function heartbeat(turn: Turn, replyText: string): Promise<void> {
    if (!persist || !turn.persisted || !turn.counted) return;
    const output = await count(replyText, turn.model).catch(() => null);
    if (output && !turn.done) await saveStartedTurn(baseEvent(turn, turn.counted.prompt, turn.counted.context, output.tokens, false), false);
  }

  /** The composer's box (for the stop control and the fallback's "outside the composer"). */
  function composerArea(turn: Turn): { field: HTMLElement | null; container: Element | null } {
    const field = currentComposer(turn);
    const container = field ? detector.containerOf(field) : null;
    // A "container" that holds the conversation is too wide to tell the composer from the thread.
    const tooWide = !!container && [turn.userTurn, ...turn.replyEls].some((el) => el && container.contains(el));
    return { field, container: tooWide ? null : container };
  }

  function findUser(turn: Turn, container: Element | null): void {
    if (turn.userTurn?.isConnected) return;
    const needle = compactText(turn.promptText).slice(0, 60);
    const users = outermost(allOfFirstMatch(adapter.selectors.userMessage));
    const fresh = users.filter((u) => !turn.usersBefore.has(u) || log.isFresh(u, turn.mark));
    // The sent text, or (a long paste the site shows as an attachment) the one new user message.
    const byAdapter = [...fresh].reverse().find((u) => compactText(u.textContent ?? '').includes(needle)) ?? (fresh.length === 1 && !turn.usersBefore.has(fresh[0]!) ? fresh[0] : undefined);
    if (byAdapter) {
      turn.userTurn = byAdapter;
      turn.userBy = 'adapter';
      return;
    }
    const found = findUserTurn(turn.promptText, log, turn.mark, container);
    if (found) {
      turn.userTurn = found;
      turn.userBy = 'fallback';
    }
  }

  function findReply(turn: Turn, container: Element | null): string {
    const u = turn.userTurn;
    const all = outermost(allOfFirstMatch(adapter.selectors.assistantMessage)).filter((r) => !(container && container.contains(r)));
    const after = u ? all.filter((r) => isAfter(u, r) && !r.contains(u)) : all.filter((r) => !turn.repliesBefore.has(r));
    if (after.length) {
      turn.replyEls = after;
      turn.region = null;
      turn.replyBy = 'adapter';
      return replyTextOf(after);
    }
    if (u) {
      const region = replyRegion(u, container, log, turn.mark);
      if (region) {
        turn.region = region;
        turn.replyEls = region.blocks;
        turn.replyBy = 'fallback';
        return regionText(region);
      }
    }
    turn.replyEls = [];
    return '';
  }

  function adapterFinishedMarker(turn: Turn, container: Element | null): boolean {
    const last = turn.replyEls.at(-1);
    if (!last || turn.replyBy !== 'adapter') return false;
    return (adapter.selectors.finished ?? []).some((selector) =>
      safeQueryAll(document, selector).some(
        (m) => !(container && container.contains(m)) && (last === m || last.contains(m) || m.contains(last) || isAfter(last, m)),
      ),
    );
  }

  function streamingFlagOn(turn: Turn): boolean {
    const u = turn.userTurn;
    return (adapter.selectors.streaming ?? []).some((selector) =>
      safeQueryAll(document, selector).some((m) => !u || isAfter(u, m) || turn.replyEls.some((r) => r.contains(m) || m.contains(r))),
    );
  }

  function step(turn: Turn, now: number): void {
    const { field, container } = composerArea(turn);
    if (!turn.userTurn?.isConnected && turn.userTurn) turn.userTurn = null;
    findUser(turn, container);
    if (!turn.confirmed) {
      if (turn.userTurn) {
        turn.confirmed = true;
        // The draft was last read a moment before the site took it: the message shows what was sent.
        const shown = readRenderedText(turn.userTurn);
        if (compactText(shown).includes(compactText(turn.promptText).slice(0, 60))) turn.promptText = shown;
        void persistStart(turn);
      } else if (now - turn.startedAt > CONFIRM_SITE_SEND_MS) {
        return void dropTurn(turn);
      } else {
        return;
      }
    }
    // A console may run the prompt where it is (no user turn shows up); give it a moment first.
    if (!turn.userTurn && turn.kind === 'console' && now - turn.startedAt < CONSOLE_USER_TURN_MS) return;
    const text = findReply(turn, container);
    const adapterStop = !!visibleStopControl(adapter, field);
    if (adapterStop) turn.adapterStopSeen = true;
    const unknown = !!container && !!field && buttons.knowsCalm() ? buttons.unknownVisible(container, field) : [];
    // The site puts up its stop control as it takes the message: only what is new then (or
    // before the reply's first words) is a stop control.
    if (now - turn.startedAt < STOP_APPEARS_MS || !text.trim()) unknown.forEach((sig) => turn.stopSigs.add(sig));
    const stopSigsUp = unknown.filter((sig) => turn.stopSigs.has(sig));
    stopSigsUp.forEach((sig) => buttons.noteStreaming(sig));
    const stopLike = !turn.adapterStopSeen && !adapterStop && stopSigsUp.length > 0;
    const adapterMarker = adapterFinishedMarker(turn, container);
    const fallbackMarker = !adapterMarker && !!turn.region && (hasTrailingButtons(turn.region) || flagTurnedOff(turn.region, log, turn.mark));
    if (adapterMarker) turn.finishedBy = 'adapter';
    else if (fallbackMarker) turn.finishedBy = 'fallback';
    const verdict = turn.judge.sample({
      now,
      text,
      stopVisible: adapterStop,
      stopLikeVisible: stopLike,
      streamingFlag: streamingFlagOn(turn),
      finishedMarker: adapterMarker || fallbackMarker,
      markerIsFallback: !adapterMarker && fallbackMarker,
    });
    if (verdict.done) {
      if (!turn.finishedBy) turn.finishedBy = turn.adapterStopSeen ? 'adapter' : 'fallback';
      void finish(turn, verdict);
      return;
    }
    if (now - turn.heartbeatAt >= HEARTBEAT_MS) {
      turn.heartbeatAt = now;
      void heartbeat(turn, turn.replyBy === 'adapter' ? turn.replyEls.map((el) => messageText(adapter, el)).join('\n\n') : text);
    }
  }

  function settleBeforeNext(turn: Turn, next: PendingSend): void {
    if (turn.done || turn.field === next.field && turn.promptText === next.text) return;
    if (!turn.confirmed) return void dropTurn(turn);
    const { field } = composerArea(turn);
    const streaming = !!visibleStopControl(adapter, field) || streamingFlagOn(turn);
    void finish(turn, { done: true, reason: 'finished', incomplete: streaming && turn.replyEls.length > 0 });
  }

  function dropTurn(turn: Turn): void {
    turn.done = true;
    removeTurn(turn);
    if (turn.persisted) void dropStartedTurn(turn.id);
  }

  function removeTurn(turn: Turn): void {
    lastTurnEndedAt = Date.now();
    const i = turns.indexOf(turn);
    if (i >= 0) turns.splice(i, 1);
    log.release(`turn:${turn.id}`);
    store.set((s) => ({ turns: { ...s.turns, active: Math.max(0, s.turns.active - 1) } }));
  }

  function consoleContextText(turn: Turn): string {
    // A console run sends everything on the page: the other fields (system/developer
    // instructions) and the messages already in the transcript. The prompt is the field sent from.
    let promptSkipped = false;
    const fields = findFields(adapter)
      .filter((f) => f !== turn.field)
      .map(readEditorText)
      .filter((text) => {
        if (!promptSkipped && text === turn.promptText) {
          promptSkipped = true;
          return false;
        }
        return text.trim() !== '';
      });
    const messages = visibleMessages(adapter)
      .filter((el) => findFields(adapter, el).length === 0)
      .filter((el) => !turn.userTurn || (isAfter(el, turn.userTurn) && !el.contains(turn.userTurn)))
      .filter((el) => !turn.replyEls.includes(el))
      .map((el) => messageText(adapter, el));
    return [...fields, ...messages].filter((t) => t.trim()).join('\n\n');
  }

  function contextFor(turn: Turn): ConversationContext {
    const url = location.href;
    if (turn.kind === 'console') return { recordedTokens: 0, visibleText: consoleContextText(turn) };
    const u = turn.userTurn;
    // An edited message starts a new branch; a regenerated reply re-answers the last turn.
    const options = { ignoreLedger: !turn.mainComposer, exceptLast: turn.trigger === 'regenerate' };
    if (u && (turn.userBy === 'adapter' || visibleMessages(adapter).length > 0)) return conversationContext(adapter, url, u, options);
    if (u) return fallbackConversationContext(url, u, threadRootOf(u, composerArea(turn).container ?? turn.field), options);
    return { recordedTokens: options.ignoreLedger ? 0 : ledgerFor(url).unseenTokens([], options), visibleText: '' };
  }

  async function finish(turn: Turn, verdict: Extract<Verdict, { done: true }>): Promise<void> {
    if (turn.done) return;
    turn.done = true;
    try {
      const replyText =
        turn.replyBy === 'adapter'
          ? turn.replyEls.map((el) => messageText(adapter, el)).join('\n\n')
          : turn.region
            ? turn.region.blocks.filter((b) => !isVisuallyHidden(b)).map((b) => readRenderedText(b)).join('\n')
            : '';
      const context = contextFor(turn);
      const [prompt, ctx, output] = await Promise.all([
        count(turn.promptText, turn.model),
        count(context.visibleText, turn.model),
        count(replyText, turn.model),
      ]);
      const event: UsageEvent = {
        ...baseEvent(turn, prompt.tokens, context.recordedTokens + ctx.tokens, output.tokens, prompt.exact && ctx.exact && output.exact),
        ...(verdict.incomplete ? { incomplete: true } : {}),
      };
      const url = location.href;
      const roles: Partial<Record<'send' | 'userMessage' | 'reply' | 'finished', Reading>> = {
        send: turn.trigger === 'regenerate' ? undefined : turn.by,
        userMessage: turn.userBy ?? 'none',
        reply: turn.replyBy ?? 'none',
        finished: turn.finishedBy ?? 'none',
      };
      noteRoleReadings(store, Object.fromEntries(Object.entries(roles).filter(([, v]) => v !== undefined)));
      if (turn.kind === 'chat') {
        addLedgerTurn(url, {
          promptTokens: prompt.tokens,
          outputTokens: output.tokens,
          promptTexts: [turn.promptText, turn.userTurn ? readRenderedText(turn.userTurn) : ''],
          replyText,
          promptElements: turn.userTurn ? [turn.userTurn] : [],
          replyElements: turn.replyEls,
          replacesLast: turn.trigger === 'regenerate',
        });
        if (turn.userTurn) lastUserTurn = turn.userTurn;
      }
      removeTurn(turn);
      await record(event);
      store.set((s) => ({ turns: { ...s.turns, recorded: s.turns.recorded + 1, lastDetectedBy: event.detectedBy ?? null } }));
    } catch (error) {
      reportError(error);
      if (turns.includes(turn)) removeTurn(turn);
    }
  }

  /** After a trusted click on a thread control: a reply that starts streaming now is the person's regeneration. */
  function checkRegenerate(now: number): void {
    if (!regenerate) return;
    if (now - regenerate.at > REGENERATE_WINDOW_MS) {
      regenerate = null;
      log.release('regenerate');
      return;
    }
    if (turns.length) return;
    const field = currentComposer();
    const container = field ? detector.containerOf(field) : null;
    const streaming =
      !!visibleStopControl(adapter, field) ||
      safeQueryAll(document, (adapter.selectors.streaming ?? []).join(',') || ':not(*)').length > 0 ||
      (!!container && !!field && buttons.knowsCalm() && buttons.stopLikeVisible(container, field));
    if (!streaming) return;
    const byAdapter = !!visibleStopControl(adapter, field) || safeQueryAll(document, (adapter.selectors.streaming ?? []).join(',') || ':not(*)').length > 0;
    const users = outermost(allOfFirstMatch(adapter.selectors.userMessage));
    const userTurn = users.at(-1) ?? (lastUserTurn?.isConnected ? lastUserTurn : null);
    const mark = regenerate.mark;
    regenerate = null;
    log.release('regenerate');
    if (userTurn && readRenderedText(userTurn).trim()) {
      startTurn({ regenerate: true, userTurn, userBy: users.length ? 'adapter' : 'fallback', by: byAdapter ? 'adapter' : 'fallback', mark });
    }
  }

  /**
   * While idle, learn what the composer's buttons look like when nothing streams. Not while a
   * send is on its way to being noticed (a trigger waiting for the composer to clear, or typed
   * text that left the composer without one): the site may already show its stop control.
   */
  function learnIdle(): void {
    if (detector.sendInFlight()) return;
    const field = currentComposer();
    if (!field || visibleStopControl(adapter, field)) return;
    const container = detector.containerOf(field);
    if (container) buttons.learnCalm(container, field, settled() && readEditorText(field).trim() !== '');
  }

  /** Long enough after the last reply that a stop control still showing is not its lingering one. */
  function settled(): boolean {
    return Date.now() - lastTurnEndedAt >= LINGERING_STOP_MS;
  }

  function tick(): void {
    timer = undefined;
    if (stopped) return;
    const now = Date.now();
    for (const turn of [...turns]) {
      try {
        step(turn, now);
      } catch (error) {
        reportError(error);
      }
    }
    checkRegenerate(now);
    if (!turns.length && !regenerate) learnIdle();
    schedule(turns.length || regenerate ? (options.pollMs ?? POLL_MS) : IDLE_POLL_MS);
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer !== undefined) {
      if (ms > 0) return;
      clearTimeout(timer);
    }
    timer = setTimeout(guard(tick), ms);
  }

  schedule(IDLE_POLL_MS);

  return () => {
    stopped = true;
    stopDetector();
    if (timer !== undefined) clearTimeout(timer);
    for (const turn of turns) log.release(`turn:${turn.id}`);
    log.release('draft');
    log.release('regenerate');
  };
}
