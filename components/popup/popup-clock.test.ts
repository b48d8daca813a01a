import { describe, expect, it, vi } from 'vitest';
import { settingsSchema } from '@/utils/core/settings/settings-schema';
import { viewClock, MAX_CLOCK_BEHIND_MS } from '@/utils/core/usage/view-clock';
import { loadPopupData } from '@/components/popup/popup-data';
import { usageQueries } from '@/components/popup/use-popup-data';
import { storeEvents } from '@/utils/storage/usage-store';
import { makeEvent } from '@/test/unit/usage-test-helpers';

const DAY = 86_400_000;

describe('a clock behind the newest records', () => {
  it('views read as of the newest record when it is ahead of the clock, within a year', () => {
    const now = Date.UTC(2026, 11, 4);
    expect(viewClock(now, null)).toEqual({ now, behindBy: 0 });
    expect(viewClock(now, now + DAY / 2)).toEqual({ now, behindBy: 0 }); // ordinary skew
    expect(viewClock(now, now + 3 * DAY)).toEqual({ now: now + 3 * DAY + 1, behindBy: 3 * DAY });
    expect(viewClock(now, now + MAX_CLOCK_BEHIND_MS + 1)).toEqual({ now, behindBy: 0 }); // out of bounds, not the clock
  });

  it('the popup shows the records (never "nothing recorded") and says how far behind the clock is', async () => {
    const recorded = Date.now();
    await storeEvents([makeEvent({ id: 'ahead-record-01', time: recorded, promptTokens: 40, contextTokens: 0, outputTokens: 60 })]);
    // Then the clock was moved back three days.
    const wrongNow = recorded - 3 * DAY;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(wrongNow);
    const data = await loadPopupData(settingsSchema.parse({}), wrongNow, usageQueries);
    vi.useRealTimers();
    expect(data.hasUsage).toBe(true);
    expect(data.recent.map((e) => e.id)).toEqual(['ahead-record-01']);
    expect(data.clockBehindBy).toBe(recorded - wrongNow);
    const openai = data.cards.find((c) => c.provider === 'openai')!;
    expect(openai.totals.inputTokens + openai.totals.outputTokens).toBe(100);
  });
});
