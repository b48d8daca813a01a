import { describe, expect, it } from 'vitest';
import { ReplyJudge, type ReplySample } from '@/utils/content/recording/reply-judge';

/** Feeds samples every 250 ms; returns the time (ms after start) the judge said done, or null. */
function run(judge: ReplyJudge, timeline: (t: number) => Partial<ReplySample>, untilMs: number): { at: number; verdict: ReturnType<ReplyJudge['sample']> } | null {
  for (let t = 250; t <= untilMs; t += 250) {
    const verdict = judge.sample({ now: t, text: '', stopVisible: false, stopLikeVisible: false, streamingFlag: false, finishedMarker: false, ...timeline(t) });
    if (verdict.done) return { at: t, verdict };
  }
  return null;
}

/** A reply that grows by one word per 250 ms from `from` to `to` ms, then stays. */
const growing = (from: number, to: number) => (t: number) => 'word '.repeat(Math.max(0, Math.floor((Math.min(t, to) - from) / 250)));

describe('ReplyJudge', () => {
  it('never cuts off a reply that pauses half-way with its stop control up, and finishes soon after the stop goes', () => {
    const text = (t: number) => (t < 2000 ? growing(500, 2000)(t) : t < 6000 ? growing(500, 2000)(2000) : growing(4000, 8000)(t));
    const judge = new ReplyJudge(0);
    const done = run(judge, (t) => ({ text: text(t), stopVisible: t < 8000 }), 20_000);
    expect(done?.at).toBeGreaterThanOrEqual(8000 + 750);
    expect(done?.at).toBeLessThanOrEqual(8000 + 1250);
    expect(done?.verdict).toMatchObject({ done: true, reason: 'finished', incomplete: false });
  });

  it('with no stop control ever seen, waits for a few seconds of stillness (a 1.8 s pause is not the end)', () => {
    const text = (t: number) => (t < 3000 ? growing(0, 3000)(t) : t < 4800 ? growing(0, 3000)(3000) : growing(1800, 6000)(t));
    const done = run(new ReplyJudge(0), (t) => ({ text: text(t) }), 20_000);
    expect(done!.at).toBeGreaterThanOrEqual(6000 + 4000);
  });

  it('a completion marker finishes a still reply even while a stop button lingers (Gemini)', () => {
    const done = run(new ReplyJudge(0), (t) => ({ text: growing(0, 3000)(t), stopVisible: true, finishedMarker: t >= 3000 }), 20_000);
    expect(done!.at).toBeGreaterThanOrEqual(3500);
    expect(done!.at).toBeLessThanOrEqual(3750);
  });

  it('a marker only the fallback guessed (a code block\'s copy button at a pause) does not end a reply while a stop control is up', () => {
    // Paused 2 s inside a code block (its copy button trailing), stop-like control up; then the rest, then the stop goes.
    const text = (t: number) => (t < 2000 ? growing(0, 2000)(t) : t < 4000 ? growing(0, 2000)(2000) : growing(2000, 6000)(t));
    for (const stop of [{ stopVisible: true }, { stopLikeVisible: true }]) {
      const done = run(new ReplyJudge(0), (t) => ({ text: text(t), ...(t < 6000 ? stop : {}), finishedMarker: t >= 2000 && t < 4000 || t >= 6000, markerIsFallback: true }), 20_000);
      expect(done!.at).toBeGreaterThanOrEqual(6000 + 500);
    }
    // With the stop gone, the fallback's marker still ends a still reply quickly.
    const done = run(new ReplyJudge(0), (t) => ({ text: growing(0, 3000)(t), stopLikeVisible: t < 3000, finishedMarker: t >= 3000, markerIsFallback: true }), 20_000);
    expect(done!.at).toBeLessThanOrEqual(3750);
  });

  it('a streaming flag holds the reply open; its turning off ends it like a stop control', () => {
    const done = run(new ReplyJudge(0), (t) => ({ text: growing(0, 2000)(t), streamingFlag: t < 5000 }), 20_000);
    expect(done!.at).toBeGreaterThanOrEqual(5000 + 750);
    expect(done!.at).toBeLessThan(5000 + 1500);
  });

  it('a stop-like control seen only by the fallback holds a still reply open for a while, not forever', () => {
    const done = run(new ReplyJudge(0), (t) => ({ text: growing(0, 2000)(t), stopLikeVisible: true }), 60_000);
    expect(done!.at).toBeGreaterThanOrEqual(2000 + 15_000);
    expect(done!.at).toBeLessThan(2000 + 16_000);
  });

  it('needs the reply to change: a regenerated reply\'s old text is not the new reply', () => {
    const old = 'the old answer';
    const judge = new ReplyJudge(0, old);
    expect(run(judge, () => ({ text: old }), 10_000)).toBeNull();
    const fresh = new ReplyJudge(0, old);
    const done = run(fresh, (t) => ({ text: t < 1000 ? old : 'a new answer', stopVisible: t < 2000 }), 10_000);
    expect(done!.at).toBeGreaterThanOrEqual(2750);
  });

  it('no reply at all: recorded without one after the start timeout, unless something still streams', () => {
    expect(run(new ReplyJudge(0, '', { startTimeoutMs: 5000 }), () => ({}), 10_000)?.verdict).toMatchObject({ reason: 'no-reply' });
    expect(run(new ReplyJudge(0, '', { startTimeoutMs: 5000 }), () => ({ stopVisible: true }), 10_000)).toBeNull();
  });

  it('a reply that never settles is given up on as incomplete', () => {
    const done = run(new ReplyJudge(0, '', { totalTimeoutMs: 10_000 }), (t) => ({ text: `x${t}`, stopVisible: true }), 20_000);
    expect(done?.verdict).toMatchObject({ done: true, reason: 'timeout', incomplete: true });
  });
});
