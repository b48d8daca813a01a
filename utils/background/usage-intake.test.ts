import { describe, expect, it } from 'vitest';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { releaseDueTurns, takeTurns } from '@/utils/background/usage-intake';
import { holdTurns, MAX_HELD_TURNS, readHeldTurns } from '@/utils/storage/held-turns';
import { getRecentEvents } from '@/utils/storage/usage-queries';

const DAY = 86_400_000;

describe('turns ahead of the clock', () => {
  it('are held, never refused or deleted, and recorded once when the clock is right again', async () => {
    const sent = Date.UTC(2026, 11, 7, 12);
    const turn = makeEvent({ id: 'clock-turn-0001', time: sent });
    // The clock was moved back three days after the turn was sent.
    const wrongClock = sent - 3 * DAY;
    expect(await takeTurns([turn, makeEvent({ id: 'clock-turn-0002', time: wrongClock })], wrongClock)).toEqual({ stored: 1, held: 1 });
    expect((await readHeldTurns()).map((t) => t.event.id)).toEqual(['clock-turn-0001']);
    // Still wrong: nothing moves.
    expect(await releaseDueTurns(wrongClock + 1_000)).toBe(0);
    // Right again.
    expect(await releaseDueTurns(sent + 60_000)).toBe(1);
    expect(await releaseDueTurns(sent + 120_000)).toBe(0);
    expect((await getRecentEvents(10)).map((e) => e.id).sort()).toEqual(['clock-turn-0001', 'clock-turn-0002']);
    expect(await readHeldTurns()).toEqual([]);
  });

  it('the hold is bounded: when it is full, more are refused rather than growing without end', async () => {
    const now = Date.now();
    const turns = Array.from({ length: MAX_HELD_TURNS + 5 }, (_, i) => ({ event: makeEvent({ id: `held-turn-${String(i).padStart(4, '0')}`, time: now + 9 * DAY }), reason: 'clock' as const, since: now }));
    expect(await holdTurns(turns)).toBe(MAX_HELD_TURNS);
    expect(await holdTurns([turns[0]!])).toBe(1); // one already held is replaced
    expect((await readHeldTurns()).length).toBe(MAX_HELD_TURNS);
  });
});
