import type { Layer } from '@/utils/core/page/page-state';
import { ReplyJudge, type JudgeOptions, type Verdict } from '@/utils/content/recording/reply-judge';

/**
 * One turn's life, from the send to its recorded end: a 'site' send waits for its text to show
 * up in the thread (else it was no send), then the reply is sampled until the judge
 * (reply-judge.ts) says it is done, or the next send settles it first. No DOM and no clock of
 * its own: each tick the tracker hands it what the page shows now (`TurnFacts`), and it asks for
 * what should happen (`TurnActions`) in the order it should happen.
 */

/** A 'site' send whose text never shows up in the thread is not a send. */
export const CONFIRM_SITE_SEND_MS = 6000;
/** A console's prompt may stay in its field: don't wait longer than this for it to show up in a transcript. */
export const CONSOLE_USER_TURN_MS = 1500;
/** A composer control that appears this soon after the send (or before the reply's first words) is its stop control. */
export const STOP_APPEARS_MS = 1000;
/** The outbox record of an in-flight turn is refreshed (output so far, "still alive") this often. */
export const HEARTBEAT_MS = 3_000;

export type FinishedVerdict = Extract<Verdict, { done: true }>;

/** What the reply looks like now, read once the turn is confirmed. */
export interface ReplyFacts {
  /** The reply's text ('' before it starts). */
  text: string;
  /** The adapter's stop control is visible in the composer. */
  adapterStop: boolean;
  /** Signatures of the composer's visible controls never seen while it was calm. */
  unknownControls: readonly string[];
  /** Which layer sees a finished marker on the reply (the adapter's is looked for first). */
  marker: Layer | null;
  /** The adapter's streaming flag is on. */
  streamingFlag: boolean;
}

export interface TurnFacts {
  now: number;
  /** The message with the sent text is in the thread. */
  userTurnFound: boolean;
  /** Called only when the reply matters (confirmed, and a console given its moment): reading it is the costly part. */
  reply(): ReplyFacts;
}

/** What happens to the turn, asked for synchronously from `step` and `settle`. */
export interface TurnActions {
  /** A 'site' send showed up in the thread: it is a turn now. */
  confirmed(): void;
  /** The send never showed up (or the next one came first): forget it. */
  drop(): void;
  /** These composer controls showed while this turn's reply streamed: they are stop controls. */
  stopControls(signatures: string[]): void;
  /** Time to refresh the turn's outbox record. */
  heartbeat(): void;
  finish(verdict: FinishedVerdict): void;
}

export interface TurnMachineInit {
  startedAt: number;
  kind: 'chat' | 'console';
  /** A send by Enter or a click (or a regeneration) is a turn at once; a 'site' send is not yet. */
  confirmed: boolean;
  /** What the reply's place showed at the start (a regenerated reply's old text). */
  initialReply?: string;
  judge?: Partial<JudgeOptions>;
}

type Phase = 'sent' | 'replying' | 'finished' | 'dropped';

export class TurnMachine {
  private phase: Phase;
  private readonly judge: ReplyJudge;
  private adapterStopSeen = false;
  /** Composer controls that were new while the turn started: its stop control, whatever its name. */
  private readonly stopSigs = new Set<string>();
  private heartbeatAt: number;
  private finishedLayer: Layer | null = null;

  constructor(private readonly init: TurnMachineInit) {
    this.phase = init.confirmed ? 'replying' : 'sent';
    this.judge = new ReplyJudge(init.startedAt, init.initialReply ?? '', init.judge);
    this.heartbeatAt = init.startedAt;
  }

  /** False while a 'site' send waits for its text to show up in the thread. */
  get confirmed(): boolean {
    return this.phase !== 'sent';
  }

  /** Finished or dropped: nothing more will be asked for. */
  get done(): boolean {
    return this.phase === 'finished' || this.phase === 'dropped';
  }

  /** Which layer saw the reply finish (a marker, or the stop control going); null until one did. */
  get finishedBy(): Layer | null {
    return this.finishedLayer;
  }

  /**
   * One tick. A finished turn is still sampled while its counts are on their way (the tracker
   * keeps it until it is recorded), so the role readings it records are the latest; it asks for
   * nothing more.
   */
  step(facts: TurnFacts, act: TurnActions): void {
    if (this.phase === 'dropped') return;
    const { now } = facts;
    const age = now - this.init.startedAt;
    if (this.phase === 'sent') {
      if (!facts.userTurnFound) {
        if (age > CONFIRM_SITE_SEND_MS) this.drop(act);
        return;
      }
      this.phase = 'replying';
      act.confirmed();
    }
    // A console may run the prompt where it is (no user turn shows up); give it a moment first.
    if (!facts.userTurnFound && this.init.kind === 'console' && age < CONSOLE_USER_TURN_MS) return;
    const reply = facts.reply();
    if (reply.adapterStop) this.adapterStopSeen = true;
    const stopControls = this.stopControlsUp(reply, age);
    if (stopControls.length) act.stopControls(stopControls);
    if (reply.marker) this.finishedLayer = reply.marker;
    const verdict = this.judge.sample({
      now,
      text: reply.text,
      stopVisible: reply.adapterStop,
      stopLikeVisible: !this.adapterStopSeen && !reply.adapterStop && stopControls.length > 0,
      streamingFlag: reply.streamingFlag,
      finishedMarker: reply.marker !== null,
      markerIsFallback: reply.marker === 'fallback',
    });
    if (verdict.done) {
      this.finishedLayer ??= this.adapterStopSeen ? 'adapter' : 'fallback';
      return this.finish(verdict, act);
    }
    if (now - this.heartbeatAt >= HEARTBEAT_MS) {
      this.heartbeatAt = now;
      if (!this.done) act.heartbeat();
    }
  }

  /**
   * The person sent another message: this turn ends now (its reply can't grow into the next
   * one). An unconfirmed send is dropped; a reply still streaming is recorded as incomplete,
   * unless its finished marker (the reply's action row) is up: a site's stop control can linger
   * after the reply is done (Gemini), and a next message sent then cuts nothing short.
   */
  settle(read: () => { streaming: boolean; replyShown: boolean; finishedShown?: boolean }, act: Pick<TurnActions, 'drop' | 'finish'>): void {
    if (this.done) return;
    if (this.phase === 'sent') return this.drop(act);
    const { streaming, replyShown, finishedShown } = read();
    this.finish({ done: true, reason: 'finished', incomplete: streaming && replyShown && !finishedShown }, act);
  }

  /**
   * The unknown controls that are this turn's stop control. The site puts its stop control up
   * as it takes the message: only what is new then (or before the reply's first words) counts,
   * not a control that appears at the reply's end (a voice button back in the send button's place).
   */
  private stopControlsUp(reply: ReplyFacts, age: number): string[] {
    if (age < STOP_APPEARS_MS || !reply.text.trim()) reply.unknownControls.forEach((sig) => this.stopSigs.add(sig));
    return reply.unknownControls.filter((sig) => this.stopSigs.has(sig));
  }

  private drop(act: Pick<TurnActions, 'drop'>): void {
    this.phase = 'dropped';
    act.drop();
  }

  private finish(verdict: FinishedVerdict, act: Pick<TurnActions, 'finish'>): void {
    if (this.done) return;
    this.phase = 'finished';
    act.finish(verdict);
  }
}
