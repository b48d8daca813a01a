import { describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import { currentPeriod } from '@/utils/core/periods/billing-period';
import { actionBadgeFor, compactCount, percentText, BADGE_COLORS } from '@/utils/background/alerts/action-badge';
import { alertKey, dueAlerts, loadFiredAlerts, pruneFired, saveFiredAlerts } from '@/utils/background/alerts/alert-ledger';
import { limitStatusesFor, severityOf, type LimitStatus, type PeriodTotals } from '@/utils/core/usage/limit-status';
import type { Handlers } from '@/utils/background/messaging/router';
import { afterUsageWrites, createUsageMonitor, notificationText } from '@/utils/background/alerts/usage-monitor';

const NOW = Date.parse('2026-12-10T12:00:00Z');
const period = currentPeriod(NOW, 1, 'UTC');
const totals = (p: Partial<PeriodTotals> = {}): PeriodTotals => ({ inputTokens: 0, outputTokens: 0, costUsd: 0, credits: 0, turns: 0, ...p });
const status = (fraction: number, id = 'openai:tokens'): LimitStatus => ({
  id,
  provider: 'openai',
  kind: 'tokens',
  used: fraction * 1000,
  limit: 1000,
  fraction,
  period,
});
const withLimits = (patch: (s: Settings) => void): Settings => {
  // A deep copy: zod hands out the same default objects on every parse, so mutating one would leak into others.
  const s = structuredClone(settingsSchema.parse({}));
  patch(s);
  return s;
};

describe('action badge text', () => {
  it('compacts counts to four characters', () => {
    expect(compactCount(0)).toBe('0');
    expect(compactCount(950)).toBe('950');
    expect(compactCount(1234)).toBe('1.2k');
    expect(compactCount(12_345)).toBe('12k');
    expect(compactCount(999_999)).toBe('999k');
    expect(compactCount(1_250_000)).toBe('1.2M');
    expect(compactCount(3_400_000_000)).toBe('3.4B');
  });

  it('rounds percentages down and caps them', () => {
    expect(percentText(0.999)).toBe('99%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0.29)).toBe('29%');
    expect(percentText(12)).toBe('999+');
  });

  it('shows the most-used limit, coloured by threshold', () => {
    const badge = actionBadgeFor([status(0.5), status(0.85, 'openai:budget')], 99_999, [0.8, 1]);
    expect(badge.text).toBe('85%');
    expect(badge.color).toBe(BADGE_COLORS.warn);
    expect(actionBadgeFor([status(1.2)], 0, [0.8, 1]).color).toBe(BADGE_COLORS.over);
    expect(actionBadgeFor([status(0.1)], 0, [0.8, 1]).color).toBe(BADGE_COLORS.ok);
  });

  it("shows today's tokens when no limit is set, nothing on an idle day", () => {
    expect(actionBadgeFor([], 12_400, [0.8, 1]).text).toBe('12k');
    expect(actionBadgeFor([], 0, [0.8, 1]).text).toBe('');
  });

  it('severity follows configurable thresholds', () => {
    expect(severityOf(0.55, [0.5, 0.75, 1])).toBe('warn');
    expect(severityOf(0.49, [0.5, 0.75, 1])).toBe('ok');
    expect(severityOf(1, [0.5, 0.75, 1])).toBe('over');
  });
});

describe('limit statuses', () => {
  it('measures tokens as input + output, the budget in USD and Clay credits', () => {
    const s = withLimits((s) => {
      s.limits.openai.monthlyTokenLimit = 10_000;
      s.limits.openai.monthlyBudgetUsd = 5;
      s.clay.planCreditsPerMonth = 2000;
    });
    const t = totals({ inputTokens: 3000, outputTokens: 1000, costUsd: 4, credits: 500, turns: 3 });
    const open = limitStatusesFor(s, 'openai', t, period);
    expect(open.map((x) => [x.id, x.fraction])).toEqual([
      ['openai:tokens', 0.4],
      ['openai:budget', 0.8],
    ]);
    expect(limitStatusesFor(s, 'clay', t, period)[0]!.fraction).toBe(0.25);
    expect(limitStatusesFor(s, 'google', t, period)).toEqual([]);
  });
});

describe('alert de-duplication', () => {
  it('fires the highest newly crossed threshold once, settling lower ones', () => {
    const due = dueAlerts([status(1.05)], [0.8, 1], new Set());
    expect(due).toHaveLength(1);
    expect(due[0]!.threshold).toBe(1);
    expect(due[0]!.keys).toEqual([alertKey(status(1), 0.8), alertKey(status(1), 1)]);
    expect(dueAlerts([status(1.5)], [0.8, 1], new Set(due[0]!.keys))).toEqual([]);
  });

  it('fires again in the next period, not for limits below every threshold', () => {
    const fired = new Set([alertKey(status(0.9), 0.8)]);
    expect(dueAlerts([status(0.95)], [0.8, 1], fired)).toEqual([]);
    const next = { ...status(0.9), period: currentPeriod(NOW + 31 * 86_400_000, 1, 'UTC') };
    expect(dueAlerts([next], [0.8, 1], fired)).toHaveLength(1);
    expect(dueAlerts([status(0.5)], [0.8, 1], new Set())).toEqual([]);
  });

  it('persists fired keys in storage.local and prunes ancient periods', async () => {
    const old = `openai:tokens@${NOW - 500 * 86_400_000}#0.8`;
    await saveFiredAlerts([alertKey(status(1), 0.8), old], NOW);
    expect([...(await loadFiredAlerts())]).toEqual([alertKey(status(1), 0.8)]);
    expect(pruneFired(['garbage'], NOW)).toEqual([]);
  });

  it('the monitor notifies once even when refreshes race, and survives a restart', async () => {
    let stored = new Set<string>();
    const notified: string[] = [];
    const badges: string[] = [];
    const settings = withLimits((s) => {
      s.limits.anthropic.monthlyTokenLimit = 1000;
    });
    let used = 850;
    const deps = {
      loadSettings: async () => settings,
      getTotals: async (_r: { from: number; to: number }, provider?: string) =>
        provider === 'anthropic' || provider === undefined ? totals({ inputTokens: used, turns: 1 }) : totals(),
      now: () => NOW,
      setBadge: async (b: { text: string }) => void badges.push(b.text),
      notify: async (a: { keys: string[] }) => void notified.push(a.keys.at(-1)!),
      loadFired: async () => new Set(stored),
      saveFired: async (keys: Set<string>) => void (stored = new Set(keys)),
    };
    const monitor = createUsageMonitor(deps);
    await Promise.all([monitor.refresh(), monitor.refresh(), monitor.refresh()]);
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatch(/^anthropic:tokens@\d+#0\.8$/);
    expect(badges.at(-1)).toBe('85%');
    // A new worker (fresh monitor) reads the ledger from storage.
    const restarted = createUsageMonitor(deps);
    await restarted.refresh();
    expect(notified).toHaveLength(1);
    used = 1000;
    await restarted.refresh();
    expect(notified).toHaveLength(2);
    expect(notified[1]).toMatch(/#1$/);
    expect(badges.at(-1)).toBe('100%');
  });

  it('words notifications with amounts and the reset date', () => {
    const [alert] = dueAlerts([{ ...status(0.82), kind: 'budget', id: 'openai:budget', used: 8.2, limit: 10 }], [0.8, 1], new Set());
    const text = notificationText(alert!);
    expect(text.title).toBe('OpenAI budget: 82% used');
    expect(text.message).toBe('$8.20 of $10.00 this period (resets 2027-01-01).');
  });
});

describe('afterUsageWrites', () => {
  it('calls back after a successful write only', async () => {
    let writes = 0;
    const original: Partial<Handlers> = {
      'record-usage': async () => ({ stored: true }),
      'delete-all-usage': async () => Promise.reject(new Error('boom')),
    };
    const handlers = afterUsageWrites(original, () => writes++);
    await handlers['record-usage']!({ type: 'record-usage' } as never, {} as never);
    await expect(handlers['delete-all-usage']!({ type: 'delete-all-usage' }, {} as never)).rejects.toThrow('boom');
    expect(writes).toBe(1);
  });
});
