import { describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import type { UsageTotals } from '@/utils/core/usage/usage-totals';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { ProviderId } from '@/utils/core/models/model-types';
import { fillDays, loadPopupData, type PopupQueries } from '@/components/popup/popup-data';
import { describeSite } from '@/components/popup/current-site';

const NOW = Date.parse('2026-11-21T12:00:00Z'); // 20.5 days into a 30-day UTC period

const totals = (input: number, output: number, cost: number, turns: number, credits = 0): UsageTotals => ({
  promptTokens: input, contextTokens: 0, inputTokens: input, outputTokens: output, costUsd: cost, credits, turns, unpricedTurns: 0,
  attachmentTokens: 0, cacheReadTokens: 0, reasoningTokens: 0, reasoningUnknownTurns: 0,
});

function fakeQueries(rows: Array<{ provider: ProviderId; model: string; totals: UsageTotals }>, recent: Partial<UsageEvent>[] = []) {
  const calls: Array<{ from: number; to: number; provider?: ProviderId }> = [];
  const queries: PopupQueries = {
    getTotalsByModel: async (range, provider) => {
      calls.push({ ...range, provider });
      return rows.filter((r) => !provider || r.provider === provider);
    },
    getDailyTotals: async () => [{ day: '2026-11-03', totals: totals(100, 50, 0.01, 1) }],
    readRecentEvents: async (limit) => ({ events: recent.slice(0, limit) as UsageEvent[], skipped: 0 }),
  };
  return { queries, calls };
}

const settingsWith = (patch: (s: Settings) => void) => {
  // A deep copy: zod hands out the same default objects on every parse, so mutating one would leak into others.
  const s = structuredClone(settingsSchema.parse({}));
  patch(s);
  return s;
};

describe('loadPopupData', () => {
  it('shows providers in use or with a limit, with the most-used limit fraction', async () => {
    const settings = settingsWith((s) => {
      s.limits.openai.monthlyTokenLimit = 10_000;
      s.limits.openai.monthlyBudgetUsd = 1;
      s.limits.google.monthlyBudgetUsd = 5;
    });
    const { queries, calls } = fakeQueries(
      [
        { provider: 'openai', model: 'gpt-4o', totals: totals(3000, 1000, 0.5, 4) },
        { provider: 'openai', model: 'gpt-5', totals: totals(1000, 1000, 0.2, 2) },
      ],
      [{ id: 'x', provider: 'openai' }],
    );
    const data = await loadPopupData(settings, NOW, queries);
    expect(data.cards.map((c) => c.provider)).toEqual(['openai', 'google']);
    const openai = data.cards[0]!;
    expect(openai.totals.inputTokens).toBe(4000);
    expect(openai.totals.turns).toBe(6);
    expect(openai.limits.map((l) => [l.kind, l.fraction])).toEqual([
      ['tokens', 0.6],
      ['budget', 0.7],
    ]);
    expect(openai.limitUsed).toBeCloseTo(0.7, 12);
    expect(openai.limits[1]!.projectedFraction).toBeCloseTo(0.7 * (30 / 20.5), 9);
    expect(openai.limits[1]!.severity).toBe('ok');
    expect(openai.period.resetDate).toBe('2026-12-01');
    expect(openai.daysLeft).toBe(10);
    expect(data.cards[1]!.limitUsed).toBe(0);
    // All providers share the default period: one read, not four.
    expect(calls).toHaveLength(1);
    expect(data.hasUsage).toBe(true);
  });

  it("carries a provider's subscription price to its card, and none where it is not set", async () => {
    const settings = settingsWith((s) => {
      s.limits.anthropic.planMonthlyUsd = 20;
    });
    const { queries } = fakeQueries([
      { provider: 'anthropic', model: 'claude-sonnet-5', totals: totals(3000, 1000, 31.5, 4) },
      { provider: 'openai', model: 'gpt-4o', totals: totals(1000, 1000, 0.2, 2) },
    ]);
    const data = await loadPopupData(settings, NOW, queries);
    const byProvider = Object.fromEntries(data.cards.map((c) => [c.provider, c]));
    expect(byProvider.anthropic!.planMonthlyUsd).toBe(20);
    expect(byProvider.openai!.planMonthlyUsd).toBeUndefined();
  });

  it('a first-time user gets no cards and the empty flag', async () => {
    const { queries } = fakeQueries([]);
    const data = await loadPopupData(settingsSchema.parse({}), NOW, queries);
    expect(data.cards).toEqual([]);
    expect(data.hasUsage).toBe(false);
  });

  it('reads providers with different cycles separately, each in its own period', async () => {
    const settings = settingsWith((s) => {
      s.limits.anthropic.cycleStartDay = 15;
      s.limits.anthropic.timezone = 'Asia/Kolkata';
    });
    const { queries, calls } = fakeQueries([{ provider: 'anthropic', model: 'claude-sonnet-4-5', totals: totals(10, 5, 0, 1) }], [{ provider: 'anthropic' }]);
    const data = await loadPopupData(settings, NOW, queries);
    expect(calls).toHaveLength(2);
    const anthropic = calls.find((c) => c.provider === 'anthropic')!;
    expect(new Date(anthropic.from).toISOString()).toBe('2026-11-14T18:30:00.000Z');
    expect(data.cards[0]!.timeZone).toBe('Asia/Kolkata');
    expect(data.cards[0]!.limitUsed).toBeNull();
  });

  it('Clay shows credits against the plan once Clay is used', async () => {
    const settings = settingsWith((s) => {
      s.clay.planCreditsPerMonth = 1000;
      s.clay.premiumCredits = 40;
    });
    const { queries } = fakeQueries([{ provider: 'clay', model: 'gpt-4o-mini', totals: totals(500, 100, 0, 3, 850) }], [{ provider: 'clay' }]);
    const [clay] = (await loadPopupData(settings, NOW, queries)).cards;
    expect(clay!.provider).toBe('clay');
    expect(clay!.limitUsed).toBeCloseTo(0.85, 12);
    expect(clay!.limits[0]!.severity).toBe('warn');
    expect(clay!.clay).toEqual({ planCredits: 1000, premiumCredits: 40 });
  });
});

describe('fillDays', () => {
  it('fills every day of the range with zeros where nothing happened', () => {
    const days = fillDays([{ day: '2026-11-02', totals: totals(10, 5, 0.1, 1) }], '2026-11-01', '2026-11-03');
    expect(days.map((d) => [d.day, d.tokens])).toEqual([
      ['2026-11-01', 0],
      ['2026-11-02', 15],
      ['2026-11-03', 0],
    ]);
  });
});

describe('describeSite', () => {
  const settings = settingsWith((s) => {
    s.sites['claude.ai'] = { ...s.sites['claude.ai']!, ...settingsSchema.shape.sites.parse({ 'claude.ai': { enabled: false } })['claude.ai']! };
    s.extraSites = ['example.org'];
  });
  it('knows supported, paused and user-enabled sites', () => {
    expect(describeSite('https://claude.ai/new', 1, settings)).toMatchObject({ host: 'claude.ai', supported: true, paused: true });
    expect(describeSite('https://example.org/x', 1, settings)).toMatchObject({ supported: false, extra: true, origin: 'https://example.org' });
    expect(describeSite('chrome://extensions', 1, settings)).toMatchObject({ host: null, supported: false });
    expect(describeSite(undefined, 1, settings).host).toBeNull();
  });
});
