import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsSchema } from '@/utils/core/settings/settings-schema';
import { emptyTotals, type UsageTotals } from '@/utils/core/usage/usage-totals';
import type { ProviderId } from '@/utils/core/models/model-types';
import { loadPopupData, type PopupQueries } from '@/components/popup/popup-data';
import { queriesFor, readPopupScope, savePopupScope, withOtherDevices } from '@/components/popup/popup-scope';
import { otherBrowsersText } from '@/components/popup/ScopeSwitch';
import { loadSyncDevice } from '@/utils/storage/sync-device';
import type { DeviceAggregates } from '@/utils/core/sync/sync-format';
import { emptySums } from '@/utils/core/usage/usage-totals';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const NOV = Date.UTC(2026, 10, 1);
const OCT = Date.UTC(2026, 9, 1);
const t = (p: Partial<UsageTotals>): UsageTotals => ({ ...emptyTotals(), ...p, inputTokens: (p.promptTokens ?? 0) + (p.contextTokens ?? 0) });

const localRows: Array<{ provider: ProviderId; model: string; totals: UsageTotals }> = [{ provider: 'openai', model: 'gpt-5', totals: t({ promptTokens: 1000, outputTokens: 100, turns: 2, costUsd: 0.5 }) }];
const local: PopupQueries = {
  getTotalsByModel: async (_range, provider) => localRows.filter((r) => !provider || r.provider === provider),
  getDailyTotals: async () => [],
  readRecentEvents: async () => ({ events: [], skipped: 0 }),
};

const desktop: DeviceAggregates = {
  id: 'desktop000000000', name: 'Work desktop', updatedAt: NOW - 60_000, chunks: 1, droppedPeriods: 0, complete: true, rejected: 0,
  periods: [
    { provider: 'openai', from: NOV, rows: [{ model: 'gpt-5', sums: { ...emptySums(), promptTokens: 500, contextTokens: 250, outputTokens: 50, turns: 1, costUsd: 0.25 } }] },
    { provider: 'anthropic', from: NOV, rows: [{ model: 'claude-opus-4-8', sums: { ...emptySums(), promptTokens: 70, outputTokens: 30, turns: 1, costUsd: 1 } }] },
    { provider: 'openai', from: OCT, rows: [{ model: 'gpt-5', sums: { ...emptySums(), promptTokens: 99_999, turns: 9 } }] },
  ],
};

describe('the popup scope', () => {
  it("'All your browsers' adds the other browser's current period to the cards and limit bars; older periods stay out", async () => {
    const settings = structuredClone(settingsSchema.parse({}));
    settings.limits.openai.monthlyTokenLimit = 10_000;
    const data = await loadPopupData(settings, NOW, withOtherDevices(local, [desktop]));
    const openai = data.cards.find((c) => c.provider === 'openai')!;
    expect(openai.totals).toMatchObject({ inputTokens: 1750, outputTokens: 150, turns: 3, costUsd: 0.75 });
    expect(openai.limits[0]!.used).toBe(1900);
    expect(openai.models).toHaveLength(1);
    expect(data.cards.find((c) => c.provider === 'anthropic')!.totals.outputTokens).toBe(30);
    const mine = await loadPopupData(settings, NOW, local);
    expect(mine.cards.find((c) => c.provider === 'openai')!.totals).toMatchObject({ inputTokens: 1000, turns: 2 });
    expect(mine.cards.some((c) => c.provider === 'anthropic')).toBe(false);
  });

  it('with the overview query, each period group gets its own rows', async () => {
    const withOverview: PopupQueries = { ...local, getUsageOverview: async (request) => ({ byModel: request.totals.map(() => localRows), daily: [] }) };
    const data = await loadPopupData(structuredClone(settingsSchema.parse({})), NOW, withOtherDevices(withOverview, [desktop]));
    expect(data.cards.find((c) => c.provider === 'openai')!.totals.turns).toBe(3);
  });

  it("leaves this browser's own synced copy out, and names the others", async () => {
    const self = await loadSyncDevice();
    await fakeBrowser.storage.sync.set({
      [`tt-sync:${self.id}:m`]: { v: 1, n: 'Me', u: NOW, c: 1, d: 0 },
      [`tt-sync:${self.id}:0`]: [['openai', NOV, [['gpt-5', 1000, 0, 100, 2, 0.5]]]],
      'tt-sync:desktop000000000:m': { v: 1, n: 'Work desktop', u: NOW - 9 * 86_400_000, c: 1, d: 0 },
      'tt-sync:desktop000000000:0': [['openai', NOV, [['gpt-5', 500, 250, 50, 1, 0.25]]]],
    });
    const { queries, others } = await queriesFor('all', local, NOW);
    expect(others).toEqual({ names: ['Work desktop'], stale: 1 });
    expect(otherBrowsersText(others!)).toBe('With Work desktop (1 not updated for over a week).');
    expect((await queries.getTotalsByModel({ from: NOV, to: NOW }))[0]!.totals.turns).toBe(3);
    expect(await queriesFor('this', local, NOW)).toEqual({ queries: local, others: null });
  });

  it('remembers the choice, and reads anything else stored as the default', async () => {
    expect(await readPopupScope()).toBe('all');
    await savePopupScope('this');
    expect(await readPopupScope()).toBe('this');
    await fakeBrowser.storage.local.set({ popupScope: { evil: true } });
    expect(await readPopupScope()).toBe('all');
  });
});
