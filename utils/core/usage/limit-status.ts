import type { ProviderId } from '@/utils/core/models/model-types';
import { TOKEN_PROVIDER_IDS } from '@/utils/core/models/providers';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { currentPeriod, type BillingPeriod } from '@/utils/core/periods/billing-period';

/** The totals this module needs; structurally a subset of usage-queries' UsageTotals. */
export interface PeriodTotals {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  credits: number;
  turns: number;
}

export type LimitKind = 'tokens' | 'budget' | 'credits';

export interface LimitStatus {
  /** Stable per provider+kind, e.g. "openai:tokens"; alerts are de-duplicated on it. */
  id: string;
  provider: ProviderId;
  kind: LimitKind;
  used: number;
  limit: number;
  /** used / limit; may exceed 1 once the limit is passed. */
  fraction: number;
  period: BillingPeriod;
}

export const TOKEN_PROVIDERS = TOKEN_PROVIDER_IDS;
export const ALL_PROVIDERS: readonly ProviderId[] = [...TOKEN_PROVIDERS, 'clay'];

export interface ProviderCycle {
  cycleStartDay: number;
  timeZone: string;
}

/** Each provider bills on its own cycle; Clay's lives in the Clay settings. */
export function cycleFor(settings: Settings, provider: ProviderId): ProviderCycle {
  if (provider === 'clay') return { cycleStartDay: settings.clay.cycleStartDay, timeZone: settings.clay.timezone };
  const limits = settings.limits[provider];
  return { cycleStartDay: limits.cycleStartDay, timeZone: limits.timezone };
}

export function periodFor(settings: Settings, provider: ProviderId, now: number): BillingPeriod {
  const { cycleStartDay, timeZone } = cycleFor(settings, provider);
  return currentPeriod(now, cycleStartDay, timeZone);
}

/** The limits configured for a provider, as [kind, limit] pairs (only those set and above zero). */
export function configuredLimits(settings: Settings, provider: ProviderId): Array<[LimitKind, number]> {
  if (provider === 'clay') {
    const plan = settings.clay.planCreditsPerMonth;
    return plan > 0 ? [['credits', plan]] : [];
  }
  const l = settings.limits[provider];
  const out: Array<[LimitKind, number]> = [];
  if (l.monthlyTokenLimit != null && l.monthlyTokenLimit > 0) out.push(['tokens', l.monthlyTokenLimit]);
  if (l.monthlyBudgetUsd != null && l.monthlyBudgetUsd > 0) out.push(['budget', l.monthlyBudgetUsd]);
  return out;
}

export function usedFor(kind: LimitKind, totals: PeriodTotals): number {
  if (kind === 'tokens') return totals.inputTokens + totals.outputTokens;
  if (kind === 'budget') return totals.costUsd;
  return totals.credits;
}

export function limitStatusesFor(
  settings: Settings,
  provider: ProviderId,
  totals: PeriodTotals,
  period: BillingPeriod,
): LimitStatus[] {
  return configuredLimits(settings, provider).map(([kind, limit]) => {
    const used = usedFor(kind, totals);
    return { id: `${provider}:${kind}`, provider, kind, used, limit, fraction: used / limit, period };
  });
}

/** The limit closest to (or furthest past) its end, or null when none is set. */
export function mostUsed(statuses: readonly LimitStatus[]): LimitStatus | null {
  let best: LimitStatus | null = null;
  for (const s of statuses) if (!best || s.fraction > best.fraction) best = s;
  return best;
}

/** Index of the highest threshold reached (-1 when below all). Thresholds ascend. */
export function thresholdLevel(fraction: number, thresholds: readonly number[]): number {
  let level = -1;
  thresholds.forEach((t, i) => {
    if (fraction >= t) level = i;
  });
  return level;
}

export type Severity = 'ok' | 'warn' | 'over';

/** 'over' from the last threshold (100% by default), 'warn' from the first, else 'ok'. */
export function severityOf(fraction: number, thresholds: readonly number[]): Severity {
  const level = thresholdLevel(fraction, thresholds);
  if (level < 0) return 'ok';
  return level === thresholds.length - 1 ? 'over' : 'warn';
}
