import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { ModelInfo } from '@/utils/core/models/model-types';
import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { getModel, resolveModel } from '@/utils/core/models/model-registry';
import { chooseModel, type PageStore } from '@/utils/core/page/page-state';
import type { PageServices } from '@/utils/content/page-services';
import type { ClockTask } from '@/utils/content/page/page-clock';
import { reportError } from '@/utils/content/page/guard';
import { readEditorText } from '@/utils/content/page/editor-text';
import { DomChangeLog } from '@/utils/content/page/dom-change-log';
import { ComposerButtons } from '@/utils/content/page/fallback-composer';
import { visibleStopControl } from '@/utils/content/page/streaming';
import { recordUsage } from '@/utils/content/recording/record-usage';
import type { JudgeOptions } from '@/utils/content/recording/reply-judge';
import { SendDetector, type PendingSend } from '@/utils/content/recording/send-detector';
import { announcePage } from '@/utils/content/recording/turn-outbox';
import type { TurnActions } from '@/utils/content/recording/turn-machine';
import { currentComposer, type ReaderContext } from '@/utils/content/recording/turn-readers';
import { TurnRecorder, type CountFn } from '@/utils/content/recording/turn-recorder';
import { createTurn, type Turn, type TurnStart } from '@/utils/content/recording/turn';
import { takeSentFiles } from '@/utils/content/attachments/sent-files';
import { RegenerateWatch } from '@/utils/content/recording/regenerate-watch';
import { DraftHold } from '@/utils/content/recording/draft-hold';

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
 * visible control near the last reply (regenerate, retry) followed by a streaming reply
 * (regenerate-watch.ts). A
 * page that fakes streaming on its own records nothing. A sent turn is persisted at once
 * (turn-outbox.ts), so a tab closed mid-reply still records it, as incomplete.
 *
 * This file wires the parts on the page's shared services: the send detector starts turns;
 * each tick, every turn's roles are read off the page (turn-readers.ts) and handed to its
 * state machine (turn-machine.ts), whose actions the recorder carries out (turn-recorder.ts).
 * While no turn is in flight, the tick learns what the composer's buttons look like when
 * calm, so a control that appears only after a send is recognised as its stop control.
 */

export interface TurnTrackingOptions {
  /** Where finished events go (tests pass their own). */
  record?: (event: UsageEvent) => Promise<void>;
  /** Persist started turns to the outbox (off in unit tests). */
  persist?: boolean;
  judge?: Partial<JudgeOptions>;
  pollMs?: number;
  isTrusted?: (event: Event) => boolean;
  /** Counts a text (tests pass their own; production counts with the page's text counter). */
  count?: CountFn;
}

const POLL_MS = 250;
const IDLE_POLL_MS = 1000;
/** A stop control still showing this long after a reply ended may be that reply's, lingering (Gemini's stays 1.5 s and more). */
const LINGERING_STOP_MS = 5000;

export function startTurnTracking(services: PageServices, options: TurnTrackingOptions = {}): () => void {
  const { adapter } = services.store.get();
  if (adapter.kind === 'clay' || adapter.id === 'generic') return () => {};
  // Turns an earlier page of this tab left unfinished are recorded by the background as incomplete.
  if (options.persist ?? true) announcePage();
  return new TurnTracker(services, adapter, options).start();
}

/** The turns in flight, and when the last one ended. */
class TurnsInFlight {
  readonly all: Turn[] = [];
  private lastEndedAt = 0;

  constructor(
    private readonly store: PageStore,
    private readonly log: DomChangeLog,
  ) {}

  add(turn: Turn): void {
    this.log.hold(`turn:${turn.id}`);
    this.all.push(turn);
    this.store.set((s) => ({ turns: { ...s.turns, active: s.turns.active + 1 } }));
  }

  remove(turn: Turn): void {
    const i = this.all.indexOf(turn);
    if (i < 0) return;
    this.lastEndedAt = Date.now();
    this.all.splice(i, 1);
    this.log.release(`turn:${turn.id}`);
    this.store.set((s) => ({ turns: { ...s.turns, active: Math.max(0, s.turns.active - 1) } }));
  }

  /** Long enough after the last reply that a stop control still showing is not its lingering one. */
  settled(): boolean {
    return Date.now() - this.lastEndedAt >= LINGERING_STOP_MS;
  }

  releaseAll(): void {
    for (const turn of this.all) this.log.release(`turn:${turn.id}`);
  }
}

class TurnTracker {
  private readonly log: DomChangeLog;
  private readonly detector: SendDetector;
  private readonly ctx: ReaderContext;
  private readonly turns: TurnsInFlight;
  private readonly recorder: TurnRecorder;
  private readonly draft: DraftHold;
  private readonly regenerate: RegenerateWatch;
  private readonly ticker: ClockTask;
  /** The log position at each trigger, taken before the site reacted to it. */
  private readonly triggerMarks = new WeakMap<PendingSend, number>();
  private stopped = false;

  constructor(
    private readonly services: PageServices,
    private readonly adapter: SiteAdapter,
    private readonly options: TurnTrackingOptions,
  ) {
    const { store, clock, counters } = services;
    this.log = new DomChangeLog(services.changes);
    this.detector = new SendDetector({
      adapter,
      events: services.events,
      clock,
      isTrusted: options.isTrusted,
      onTrigger: (pending) => this.onTrigger(pending),
      onDropped: (pending) => this.log.release(`pending:${pending.at}`),
      onSend: (send) => this.onSend(send),
      onOtherClick: (control, event) => {
        if (this.regenerate.click(control, event)) this.schedule(POLL_MS);
      },
      onDraft: (present) => this.draft.change(present),
    });
    this.ctx = { adapter, log: this.log, composers: this.detector, buttons: new ComposerButtons() };
    this.turns = new TurnsInFlight(store, this.log);
    this.draft = new DraftHold(this.log, clock, () => this.detector.draftField());
    this.regenerate = new RegenerateWatch(this.ctx);
    this.recorder = new TurnRecorder({
      store,
      adapter,
      persist: options.persist ?? true,
      record: options.record ?? recordUsage,
      count: options.count ?? (async (text, model) => counters.text.count(text, model)),
      ended: (turn) => this.turns.remove(turn),
      ledgered: (userTurn) => this.regenerate.noteRecorded(userTurn),
    });
    this.ticker = clock.task(() => this.tick());
  }

  start(): () => void {
    const stopDetector = this.detector.start();
    this.schedule(IDLE_POLL_MS);
    return () => {
      this.stopped = true;
      stopDetector();
      this.ticker.cancel();
      this.turns.releaseAll();
      this.draft.stop();
      this.regenerate.stop();
    };
  }

  private onTrigger(pending: PendingSend): void {
    this.log.hold(`pending:${pending.at}`);
    this.triggerMarks.set(pending, this.log.mark());
    // The composer's buttons now (send showing) are calm, unless a reply is still streaming.
    if (pending.container && !this.turns.all.length) this.ctx.buttons.learnCalm(pending.container, pending.field, this.turns.settled());
    // A new message ends the turns before it, read now, before the site adds the new one to
    // the thread (this runs ahead of the site's own handlers): their replies can't grow into it.
    for (const turn of [...this.turns.all]) this.settleBeforeNext(turn, pending);
  }

  private onSend(send: PendingSend): void {
    // A 'site' send had no trigger: what changed since the draft appeared is where its message is.
    const mark = send.trigger === 'site' ? (this.draft.mark ?? this.log.mark()) : (this.triggerMarks.get(send) ?? this.log.mark());
    this.startTurn({ trigger: send.trigger, by: send.by, promptText: send.text, field: send.field, mainComposer: send.mainComposer, mark });
    this.log.release(`pending:${send.at}`);
  }

  private startTurn(start: TurnStart): void {
    const model = this.modelNow();
    if (!model) return reportError(new Error('No model for this page; turn not recorded'));
    // A message from the main composer carries the files attached to it (regenerations re-send none).
    const files = start.mainComposer && start.trigger !== 'regenerate' ? takeSentFiles(this.services.store) : 0;
    const turn = createTurn(this.ctx, start, model, this.options.judge, files);
    this.turns.add(turn);
    if (turn.machine.confirmed) void this.recorder.persistStart(turn);
    this.schedule(0);
  }

  private modelNow(): ModelInfo | null {
    const state = this.services.store.get();
    const chosen = chooseModel(state).model;
    if (chosen) return chosen;
    const fallback = this.adapter.defaultModel;
    return (state.settings && resolveModel(fallback, state.settings)) ?? getModel(fallback) ?? null;
  }

  private step(turn: Turn, now: number): void {
    const { page } = turn;
    const area = page.composerArea();
    const userTurnFound = page.readUser(turn.promptText, area.container);
    turn.machine.step({ now, userTurnFound, reply: () => page.readReply(area) }, this.actionsFor(turn));
  }

  private settleBeforeNext(turn: Turn, next: PendingSend): void {
    // The same send seen again (an Enter and the site's own click) is not a next one.
    if (turn.page.field === next.field && turn.promptText === next.text) return;
    turn.machine.settle(
      () => ({ streaming: turn.page.streamingNow(), replyShown: turn.page.replyEls.length > 0, finishedShown: turn.page.finishedShown() }),
      this.actionsFor(turn),
    );
  }

  private actionsFor(turn: Turn): TurnActions {
    return {
      confirmed: () => {
        turn.promptText = turn.page.promptAsShown(turn.promptText);
        void this.recorder.persistStart(turn);
      },
      drop: () => {
        this.turns.remove(turn);
        this.recorder.drop(turn);
      },
      stopControls: (signatures) => signatures.forEach((sig) => this.ctx.buttons.noteStreaming(sig)),
      heartbeat: () => void this.recorder.heartbeat(turn),
      finish: (verdict) => void this.recorder.finish(turn, verdict),
    };
  }

  private tick(): void {
    if (this.stopped) return;
    const now = Date.now();
    for (const turn of [...this.turns.all]) {
      try {
        this.step(turn, now);
      } catch (error) {
        reportError(error);
      }
    }
    const regeneration = this.regenerate.check(now, this.turns.all.length > 0);
    if (regeneration) this.startTurn(regeneration);
    const busy = this.turns.all.length > 0 || this.regenerate.waiting;
    if (!busy) this.learnIdle();
    this.schedule(busy ? (this.options.pollMs ?? POLL_MS) : IDLE_POLL_MS);
  }

  /** A tick already due keeps its time, unless this one is immediate (a turn just started). */
  private schedule(ms: number): void {
    if (this.stopped || (ms > 0 && this.ticker.scheduled())) return;
    this.ticker.runIn(ms);
  }

  /**
   * While idle, learn what the composer's buttons look like when nothing streams. Not while a
   * send is on its way to being noticed (a trigger waiting for the composer to clear, or typed
   * text that left the composer without one): the site may already show its stop control.
   */
  private learnIdle(): void {
    if (this.detector.sendInFlight()) return;
    const field = currentComposer(this.ctx);
    if (!field || visibleStopControl(this.adapter, field)) return;
    const container = this.detector.containerOf(field);
    if (container) this.ctx.buttons.learnCalm(container, field, this.turns.settled() && readEditorText(field).trim() !== '');
  }
}
