/**
 * Decides, from what a turn's reply looks like over time, when the reply is finished. Pure (no
 * DOM, no clock of its own), so every rule is tested with made-up samples:
 *
 * - A completion marker (the reply's action buttons, a streaming flag turned off) finishes a
 *   reply that has stopped changing, even if the adapter's stop button lingers (Gemini's does).
 *   A marker only the fallback layer guessed waits for the stop control to go.
 * - Otherwise the reply must be still with no stop control and no streaming flag: briefly if
 *   a stop control was seen during this turn (its going away is the signal), for a few seconds
 *   if none ever was (a page whose stop control we can't see). A reply that pauses mid-way with
 *   its stop control up is never cut off.
 * - A stop-like control known only to the fallback layer holds a still reply open for a while,
 *   not forever: it could be a control that merely appeared after the send.
 */

export interface ReplySample {
  now: number;
  /** What the reply shows now ('' before it starts); compared, never stored. */
  text: string;
  /** The adapter's stop control is visible in the composer. */
  stopVisible: boolean;
  /** The fallback layer sees a control in the composer that never showed while idle. */
  stopLikeVisible: boolean;
  /** The adapter's streaming flag is on. */
  streamingFlag: boolean;
  /** The adapter's finished marker, or the fallback's (trailing action buttons, a flag turned off). */
  finishedMarker: boolean;
  /**
   * The marker was found by the fallback layer only. Its guess (buttons at the end of the reply)
   * also fits a code block's copy button while the reply pauses inside the block, so it does
   * not outweigh a stop control that is still up.
   */
  markerIsFallback?: boolean;
}

export interface JudgeOptions {
  /** Stillness needed with a completion marker. */
  quietWithMarkerMs: number;
  /** Stillness needed once the stop control seen during the turn is gone. */
  quietAfterStopMs: number;
  /** Stillness needed when no stop control was ever seen. */
  quietWithoutSignalsMs: number;
  /** Longest a still reply is held open by a stop-like control only the fallback layer sees. */
  fallbackStopMaxQuietMs: number;
  /** No reply at all after this long (and nothing streaming): the turn is recorded without one. */
  startTimeoutMs: number;
  /** Give up on a reply that never settles after this long (recorded as incomplete). */
  totalTimeoutMs: number;
}

export const DEFAULT_JUDGE_OPTIONS: JudgeOptions = {
  quietWithMarkerMs: 500,
  quietAfterStopMs: 800,
  quietWithoutSignalsMs: 4000,
  fallbackStopMaxQuietMs: 15_000,
  startTimeoutMs: 90_000,
  totalTimeoutMs: 15 * 60_000,
};

export type Verdict =
  | { done: false }
  | { done: true; reason: 'finished' | 'no-reply' | 'timeout'; incomplete: boolean };

export class ReplyJudge {
  private readonly options: JudgeOptions;
  private lastText: string;
  private changedAt: number;
  private replyChanged = false;
  private sawStop = false;
  /** Whether a stop control or streaming flag showed at the last sample, and since when that holds. */
  private signalsOn = false;
  private signalsChangedAt: number;

  /** `initialText`: what the reply's place showed when the turn started (a regenerated reply's old text). */
  constructor(
    private readonly startedAt: number,
    initialText = '',
    options: Partial<JudgeOptions> = {},
  ) {
    this.options = { ...DEFAULT_JUDGE_OPTIONS, ...options };
    this.lastText = initialText;
    this.changedAt = startedAt;
    this.signalsChangedAt = startedAt;
  }

  /** True once a stop control (adapter or fallback) or a streaming flag was seen during this turn. */
  get stopSeen(): boolean {
    return this.sawStop;
  }

  sample(s: ReplySample): Verdict {
    const o = this.options;
    if (s.text !== this.lastText) {
      this.lastText = s.text;
      this.changedAt = s.now;
      if (s.text.trim()) this.replyChanged = true;
    }
    const stop = s.stopVisible || s.stopLikeVisible;
    // A streaming flag that was on and is now off says as much as a stop control that went away.
    if (stop || s.streamingFlag) this.sawStop = true;
    const signalsOn = stop || s.streamingFlag;
    if (signalsOn !== this.signalsOn) {
      this.signalsOn = signalsOn;
      this.signalsChangedAt = s.now;
    }
    // Still since the text last changed and since the stop control (or flag) went away: the last
    // words often land in the same moment the stop control leaves.
    const quiet = s.now - Math.max(this.changedAt, this.signalsChangedAt);
    const hasReply = this.replyChanged && s.text.trim() !== '';

    if (hasReply && !s.streamingFlag) {
      if (s.finishedMarker && quiet >= o.quietWithMarkerMs && !(s.markerIsFallback && stop)) return { done: true, reason: 'finished', incomplete: false };
      if (!stop && quiet >= (this.sawStop ? o.quietAfterStopMs : o.quietWithoutSignalsMs)) return { done: true, reason: 'finished', incomplete: false };
      if (!s.stopVisible && s.stopLikeVisible && quiet >= o.fallbackStopMaxQuietMs) return { done: true, reason: 'finished', incomplete: false };
    }
    if (!hasReply && !stop && !s.streamingFlag && s.now - this.startedAt >= o.startTimeoutMs) {
      return { done: true, reason: 'no-reply', incomplete: false };
    }
    if (s.now - this.startedAt >= o.totalTimeoutMs) return { done: true, reason: 'timeout', incomplete: stop || s.streamingFlag };
    return { done: false };
  }
}
