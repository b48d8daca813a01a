import { describe, expect, it } from 'vitest';
import { DEFAULT_JUDGE_OPTIONS } from '@/utils/content/recording/reply-judge';
import {
  CONFIRM_SITE_SEND_MS,
  CONSOLE_USER_TURN_MS,
  HEARTBEAT_MS,
  STOP_APPEARS_MS,
  TurnMachine,
  type FinishedVerdict,
  type ReplyFacts,
  type TurnActions,
  type TurnMachineInit,
} from '@/utils/content/recording/turn-machine';

/**
 * One turn's life driven by made-up page facts and made-up time (a tick every 250 ms, as the
 * tracker polls): no DOM, no timers. `page(t)` says what the page shows at time t.
 */

const TICK_MS = 250;

interface PageAt {
  user?: boolean;
  reply?: Partial<ReplyFacts>;
}

function harness(init: Partial<TurnMachineInit> = {}) {
  const machine = new TurnMachine({ startedAt: 0, kind: 'chat', confirmed: true, ...init });
  const actions: string[] = [];
  const heartbeats: number[] = [];
  const stopControls: string[][] = [];
  const finished: Array<{ at: number; verdict: FinishedVerdict }> = [];
  const replyReads: number[] = [];
  let now = 0;
  const act: TurnActions = {
    confirmed: () => actions.push(`confirmed@${now}`),
    drop: () => actions.push(`drop@${now}`),
    stopControls: (sigs) => stopControls.push(sigs),
    heartbeat: () => heartbeats.push(now),
    finish: (verdict) => finished.push({ at: now, verdict }),
  };
  const step = (t: number, at: PageAt = {}) => {
    now = t;
    machine.step(
      {
        now: t,
        userTurnFound: at.user ?? true,
        reply: () => {
          replyReads.push(t);
          return { text: '', adapterStop: false, unknownControls: [], marker: null, streamingFlag: false, ...at.reply };
        },
      },
      act,
    );
  };
  /** Ticks from `from` to `to` (inclusive) with what `page` says the page shows then. */
  const run = (page: (t: number) => PageAt, to: number, from = TICK_MS) => {
    for (let t = from; t <= to; t += TICK_MS) step(t, page(t));
  };
  return { machine, act, actions, heartbeats, stopControls, finished, replyReads, step, run };
}

/** The first tick at or after `ms`. */
const tickAt = (ms: number) => Math.ceil(ms / TICK_MS) * TICK_MS;

/** A reply that grows by one word per tick from `from` to `to` ms, then stays. */
const growing = (from: number, to: number) => (t: number) => 'word '.repeat(Math.max(0, Math.floor((Math.min(t, to) - from) / TICK_MS)));

describe('TurnMachine', () => {
  it("a 'site' send waits for its text to show up in the thread, without reading the reply; found, it is confirmed once", () => {
    const h = harness({ confirmed: false });
    h.run(() => ({ user: false }), 2000);
    expect(h.machine.confirmed).toBe(false);
    expect(h.replyReads).toEqual([]);
    h.run(() => ({ user: true }), 2500, 2250);
    expect(h.actions).toEqual(['confirmed@2250']);
    expect(h.machine.confirmed).toBe(true);
    expect(h.replyReads).toEqual([2250, 2500]);
  });

  it(`a 'site' send that never shows up is dropped once more than ${CONFIRM_SITE_SEND_MS} ms have passed`, () => {
    const h = harness({ confirmed: false });
    h.run(() => ({ user: false }), CONFIRM_SITE_SEND_MS);
    expect(h.actions).toEqual([]);
    expect(h.machine.done).toBe(false);
    h.step(CONFIRM_SITE_SEND_MS + 1, { user: false });
    expect(h.actions).toEqual([`drop@${CONFIRM_SITE_SEND_MS + 1}`]);
    expect(h.machine.done).toBe(true);
    // Dropped is final: the message showing up late changes nothing.
    h.step(CONFIRM_SITE_SEND_MS + 250, { user: true, reply: { text: 'late' } });
    expect(h.actions).toHaveLength(1);
    expect(h.replyReads).toEqual([]);
  });

  it(`a console run with no message in a transcript reads its reply only after ${CONSOLE_USER_TURN_MS} ms; a chat's at once`, () => {
    const consoleRun = harness({ kind: 'console' });
    consoleRun.run(() => ({ user: false }), 2000);
    expect(consoleRun.replyReads[0]).toBe(CONSOLE_USER_TURN_MS);
    const consoleWithTranscript = harness({ kind: 'console' });
    consoleWithTranscript.run(() => ({ user: true }), 500);
    expect(consoleWithTranscript.replyReads[0]).toBe(TICK_MS);
    const chat = harness({ kind: 'chat' });
    chat.run(() => ({ user: false }), 500);
    expect(chat.replyReads[0]).toBe(TICK_MS);
  });

  it(`refreshes the outbox every ${HEARTBEAT_MS} ms while the reply streams, and not once it is finished`, () => {
    const h = harness();
    const text = growing(500, 9000);
    h.run((t) => ({ reply: { text: text(t), adapterStop: t < 10_000 } }), 20_000);
    expect(h.heartbeats).toEqual([3000, 6000, 9000]);
    expect(h.finished).toHaveLength(1);
    expect(h.finished[0]!.at).toBeGreaterThanOrEqual(10_000);
    h.run((t) => ({ reply: { text: text(t) } }), 30_000, 20_250);
    expect(h.heartbeats).toEqual([3000, 6000, 9000]);
    expect(h.finished).toHaveLength(1);
  });

  it("finishes on the judge's verdict: a finished marker after a still moment, credited to the layer that saw it", () => {
    const h = harness();
    const text = growing(250, 2000);
    h.run((t) => ({ reply: { text: text(t), adapterStop: t < 2000, marker: t >= 2000 ? 'fallback' : null } }), 6000);
    expect(h.finished).toEqual([{ at: tickAt(2000 + DEFAULT_JUDGE_OPTIONS.quietWithMarkerMs), verdict: { done: true, reason: 'finished', incomplete: false } }]);
    expect(h.machine.finishedBy).toBe('fallback');
    expect(h.machine.done).toBe(true);
  });

  it('without a marker, the stop control going ends the reply: credited to the adapter if its stop control showed, else to the fallback', () => {
    const withStop = harness();
    withStop.run((t) => ({ reply: { text: growing(250, 2000)(t), adapterStop: t < 3000 } }), 8000);
    expect(withStop.finished[0]!.at).toBe(tickAt(3000 + DEFAULT_JUDGE_OPTIONS.quietAfterStopMs));
    expect(withStop.machine.finishedBy).toBe('adapter');
    const noSignals = harness();
    noSignals.run((t) => ({ reply: { text: growing(250, 2000)(t) } }), 8000);
    expect(noSignals.finished[0]!.at).toBe(tickAt(2000 + DEFAULT_JUDGE_OPTIONS.quietWithoutSignalsMs));
    expect(noSignals.machine.finishedBy).toBe('fallback');
  });

  it('the next send settles the turn: incomplete only while its reply still streams and has shown', () => {
    const cases: Array<[{ streaming: boolean; replyShown: boolean; finishedShown?: boolean }, boolean]> = [
      [{ streaming: true, replyShown: true }, true],
      [{ streaming: false, replyShown: true }, false],
      [{ streaming: true, replyShown: false }, false],
      // A stop control lingering after the reply's action row is up (Gemini): the reply was whole.
      [{ streaming: true, replyShown: true, finishedShown: true }, false],
      [{ streaming: true, replyShown: true, finishedShown: false }, true],
    ];
    for (const [page, incomplete] of cases) {
      const h = harness();
      h.run((t) => ({ reply: { text: growing(250, 5000)(t), adapterStop: true } }), 1000);
      h.machine.settle(() => page, h.act);
      expect(h.finished.map((f) => f.verdict)).toEqual([{ done: true, reason: 'finished', incomplete }]);
      // Settled is final: the reply streaming on asks for no heartbeat, and its end is no second finish.
      h.run((t) => ({ reply: { text: growing(250, 5000)(t), adapterStop: t < 5000 } }), 8000, 1250);
      h.run(() => ({ reply: { text: 'done', marker: 'adapter' } }), 10_000, 8250);
      expect(h.heartbeats).toEqual([]);
      expect(h.finished).toHaveLength(1);
    }
  });

  it('the next send drops an unconfirmed send without reading the page', () => {
    const h = harness({ confirmed: false });
    h.run(() => ({ user: false }), 1000);
    let read = false;
    h.machine.settle(() => ((read = true), { streaming: true, replyShown: true }), h.act);
    expect(h.actions).toEqual(['drop@1000']);
    expect(h.finished).toEqual([]);
    expect(read).toBe(false);
  });

  it(`a composer control new within ${STOP_APPEARS_MS} ms of the send is the stop control: it holds the paused reply open`, () => {
    const h = harness();
    // A stop-like control up from the first tick; the reply pauses 4.5 s mid-way (longer than a
    // reply with no signals may be still), then ends, and the control goes.
    const text = (t: number) => (t < 1500 ? growing(250, 1500)(t) : t < 6000 ? growing(250, 1500)(1500) : growing(4750, 7500)(t));
    h.run((t) => ({ reply: { text: text(t), unknownControls: t < 7500 ? ['stop-sig'] : [] } }), 14_000);
    expect(h.stopControls.length).toBeGreaterThan(0);
    expect(h.stopControls.flat().every((sig) => sig === 'stop-sig')).toBe(true);
    expect(h.finished[0]!.at).toBe(tickAt(7500 + DEFAULT_JUDGE_OPTIONS.quietAfterStopMs));
  });

  it('a control that appears before the reply\'s first words counts even after the first second; one appearing later does not', () => {
    const early = harness();
    early.run((t) => ({ reply: { text: t < 2000 ? '' : 'the reply', unknownControls: t >= 1500 && t < 2500 ? ['slow-stop'] : [] } }), 10_000);
    expect(early.stopControls.flat()).toContain('slow-stop');
    expect(early.finished[0]!.at).toBe(tickAt(2500 + DEFAULT_JUDGE_OPTIONS.quietAfterStopMs));

    const late = harness();
    // Words from 500 ms on; a voice button takes the send button's place at 1500 ms and stays.
    late.run((t) => ({ reply: { text: growing(250, 2000)(t), unknownControls: t >= 1500 ? ['voice'] : [] } }), 10_000);
    expect(late.stopControls).toEqual([]);
    expect(late.finished[0]!.at).toBe(tickAt(2000 + DEFAULT_JUDGE_OPTIONS.quietWithoutSignalsMs));
  });

  it('a stop-like control does not count as one once the adapter\'s own stop control was seen', () => {
    const h = harness();
    h.run((t) => ({ reply: { text: growing(250, 2000)(t), adapterStop: t < 1000, unknownControls: ['stop-sig'] } }), 10_000);
    // The adapter's stop went at 1000; the unknown control (still up) no longer holds the reply open.
    expect(h.finished[0]!.at).toBe(tickAt(2000 + DEFAULT_JUDGE_OPTIONS.quietAfterStopMs));
    expect(h.machine.finishedBy).toBe('adapter');
  });
});
