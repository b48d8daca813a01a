import type { ProviderId } from '@/utils/core/models/model-types';
import type { OtherBrowsers } from '@/components/popup/popup-scope';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { viewClock } from '@/utils/core/usage/view-clock';
import type { RecentEvents, UsageOverview, UsageOverviewRequest } from '@/utils/storage/usage-queries';
import { sumTotals, type UsageTotals } from '@/utils/core/usage/usage-totals';
import { daysLeft, lastDayOf, type BillingPeriod } from '@/utils/core/periods/billing-period';
import { limitReachedAt, projectUsage } from '@/utils/core/periods/pace';
import { addDays, formatLocalDate, parseLocalDate, localDateOf } from '@/utils/core/periods/zoned-time';
import {
  ALL_PROVIDERS,
  cycleFor,
  configuredLimits,
  limitStatusesFor,
  periodFor,
  severityOf,
  type LimitKind,
  type Severity,
} from '@/utils/core/usage/limit-status';

/** The read-only usage queries the popup needs (usage-queries.ts); injectable for tests. */
export interface PopupQueries {
  getTotalsByModel(range: { from: number; to: number }, provider?: ProviderId): Promise<Array<{ provider: ProviderId; model: string; totals: UsageTotals }>>;
  getDailyTotals(range: { from: number; to: number }, timeZone: string, provider?: ProviderId): Promise<Array<{ day: string; totals: UsageTotals }>>;
  /** The newest events and how many stored records are out of bounds (skipped everywhere). */
  readRecentEvents(limit: number, now?: number): Promise<RecentEvents>;
  /** When given, cards and chart come from this one read instead of separate queries. */
  getUsageOverview?(request: UsageOverviewRequest, provider?: ProviderId): Promise<UsageOverview>;
}

export interface LimitBarData {
  kind: LimitKind;
  used: number;
  limit: number;
  /** used / limit (may exceed 1). */
  fraction: number;
  severity: Severity;
  /** Fraction of the limit expected at the end of the period at the current pace; null = too early. */
  projectedFraction: number | null;
  /** When the limit will be reached at this pace (epoch ms), null if not this period. */
  reachedAt: number | null;
}

export interface ModelRow {
  provider: ProviderId;
  model: string;
  totals: UsageTotals;
}

export interface ProviderCardData {
  provider: ProviderId;
  totals: UsageTotals;
  period: BillingPeriod;
  timeZone: string;
  daysLeft: number;
  /** Local date of the period's last day (the projection's "by" date). */
  lastDay: string;
  limits: LimitBarData[];
  /** Fraction of the most-used limit; null when no limit is set. */
  limitUsed: number | null;
  /** Tokens (input + output) expected by the end of the period; null = too early to tell. */
  projectedTokens: number | null;
  models: ModelRow[];
  /** Clay only. */
  clay?: { planCredits: number; premiumCredits: number };
  /** The user's subscription price a month for this provider, to set the API-equivalent cost against; absent when none is set. */
  planMonthlyUsd?: number;
}

export interface DailyPoint {
  day: string;
  tokens: number;
  costUsd: number;
  turns: number;
}

export interface DailySeries {
  timeZone: string;
  from: string;
  to: string;
  days: DailyPoint[];
}

export interface PopupData {
  now: number;
  cards: ProviderCardData[];
  /** Null until the chart's data is read (it comes second so the cards show sooner). */
  daily: DailySeries | null;
  recent: UsageEvent[];
  /** Stored records out of bounds (usage-bounds.ts): not in any number shown here; the popup says how many. */
  skippedRecords: number;
  thresholds: number[];
  /** False for a first-time user: nothing recorded yet. */
  hasUsage: boolean;
  /** How far this computer's clock is behind the newest record (the data are as of that record), when it is. */
  clockBehindBy?: number;
  /** The other browsers counted in (scope "All your browsers"); absent for "This browser". */
  otherBrowsers?: OtherBrowsers;
}

export const RECENT_TURNS = 20;

/**
 * Everything the popup shows, read in as few IndexedDB passes as possible: providers that
 * share a billing period (the usual case) are read together, totals are the sum of the
 * per-model rows, and with `getUsageOverview` the chart's days come from the same read.
 */
export async function loadPopupData(
  settings: Settings,
  now: number,
  queries: PopupQueries,
  recentPromise: Promise<RecentEvents> = queries.readRecentEvents(RECENT_TURNS),
): Promise<PopupData> {
  const data = await loadAt(settings, now, queries, recentPromise);
  // Records dated after this clock: read again as of the newest (rare, so read twice rather than wait for it).
  const clock = viewClock(now, (await recentPromise).newestAhead);
  if (clock.now === now) return data;
  return { ...(await loadAt(settings, clock.now, queries, queries.readRecentEvents(RECENT_TURNS, clock.now))), clockBehindBy: clock.behindBy };
}

async function loadAt(settings: Settings, now: number, queries: PopupQueries, recentPromise: Promise<RecentEvents>): Promise<PopupData> {
  if (!queries.getUsageOverview) {
    const data = await loadCards(settings, now, queries, recentPromise);
    return { ...data, daily: await loadDaily(settings, now, data, queries) };
  }
  const groups = periodGroups(settings, now);
  // The chart follows the first card, unknown until the totals are in; every provider
  // usually shares one cycle, so OpenAI's is the guess, checked below.
  const guess = chartRequest(settings, now, 'openai');
  const overview = await queries.getUsageOverview({ totals: groups, daily: { range: guess.range, timeZone: guess.timeZone } });
  const data = buildCards(settings, now, modelRowsOf(groups, overview.byModel), await recentPromise);
  const want = chartRequest(settings, now, data.cards[0]?.provider ?? 'openai');
  const rows =
    want.range.from === guess.range.from && want.range.to === guess.range.to && want.timeZone === guess.timeZone
      ? overview.daily ?? []
      : await queries.getDailyTotals(want.range, want.timeZone);
  return { ...data, daily: dailySeries(want, rows, now) };
}

type PeriodGroup = { from: number; to: number; providers: ProviderId[] };

/** Providers grouped by identical billing period, so each period is read once. */
function periodGroups(settings: Settings, now: number): PeriodGroup[] {
  const byRange = new Map<string, PeriodGroup>();
  for (const provider of ALL_PROVIDERS) {
    const period = periodFor(settings, provider, now);
    const key = `${period.from}-${period.to}`;
    const entry = byRange.get(key) ?? { from: period.from, to: period.to, providers: [] };
    entry.providers.push(provider);
    byRange.set(key, entry);
  }
  return [...byRange.values()];
}

function modelRowsOf(groups: PeriodGroup[], rowsPerGroup: ModelRow[][]): Map<ProviderId, ModelRow[]> {
  const modelRows = new Map<ProviderId, ModelRow[]>();
  groups.forEach(({ providers }, i) => {
    for (const row of rowsPerGroup[i] ?? []) {
      if (!providers.includes(row.provider)) continue;
      const list = modelRows.get(row.provider) ?? [];
      list.push(row);
      modelRows.set(row.provider, list);
    }
  });
  return modelRows;
}

/**
 * The cards, per-model rows and last turns: everything but the chart. `recent` may be a read
 * already under way (the popup starts it before settings have loaded).
 */
export async function loadCards(
  settings: Settings,
  now: number,
  queries: PopupQueries,
  recentPromise: Promise<RecentEvents> = queries.readRecentEvents(RECENT_TURNS),
): Promise<PopupData> {
  const groups = periodGroups(settings, now);
  const rowsPerGroup = await Promise.all(
    groups.map(({ from, to, providers }) => queries.getTotalsByModel({ from, to }, providers.length === 1 ? providers[0] : undefined)),
  );
  return buildCards(settings, now, modelRowsOf(groups, rowsPerGroup), await recentPromise);
}

function buildCards(settings: Settings, now: number, modelRows: Map<ProviderId, ModelRow[]>, { events: recent, skipped }: RecentEvents): PopupData {
  const recentProviders = new Set(recent.map((e) => e.provider));
  const cards: ProviderCardData[] = [];
  for (const provider of ALL_PROVIDERS) {
    const models = modelRows.get(provider) ?? [];
    const totals = sumTotals(models);
    const limitConfigured = provider !== 'clay' && configuredLimits(settings, provider).length > 0;
    if (totals.turns === 0 && !recentProviders.has(provider) && !limitConfigured) continue;
    const period = periodFor(settings, provider, now);
    const { timeZone } = cycleFor(settings, provider);
    const limits = limitStatusesFor(settings, provider, totals, period).map((s): LimitBarData => {
      const projected = projectUsage(s.used, period, now).projected;
      return {
        kind: s.kind,
        used: s.used,
        limit: s.limit,
        fraction: s.fraction,
        severity: severityOf(s.fraction, settings.alertThresholds),
        projectedFraction: projected === null ? null : projected / s.limit,
        reachedAt: limitReachedAt(s.used, s.limit, period, now),
      };
    });
    cards.push({
      provider,
      totals,
      period,
      timeZone,
      daysLeft: daysLeft(period, now, timeZone),
      lastDay: lastDayOf(period),
      limits,
      limitUsed: limits.length ? Math.max(...limits.map((l) => l.fraction)) : null,
      projectedTokens: projectUsage(totals.inputTokens + totals.outputTokens, period, now).projected,
      models,
      clay: provider === 'clay' ? { planCredits: settings.clay.planCreditsPerMonth, premiumCredits: settings.clay.premiumCredits } : undefined,
      ...planPriceOf(settings, provider),
    });
  }

  return { now, cards, daily: null, recent, skippedRecords: skipped, thresholds: settings.alertThresholds, hasUsage: recent.length > 0 };
}

/** The chart's range: the period of `provider` up to now, in its timezone. */
function chartRequest(settings: Settings, now: number, provider: ProviderId) {
  const period = periodFor(settings, provider, now);
  return { period, timeZone: cycleFor(settings, provider).timeZone, range: { from: period.from, to: Math.min(period.to, now + 1) } };
}

function dailySeries(req: ReturnType<typeof chartRequest>, rows: ReadonlyArray<{ day: string; totals: UsageTotals }>, now: number): DailySeries {
  const days = fillDays(rows, formatLocalDate(localDateOf(req.period.from, req.timeZone)), formatLocalDate(localDateOf(now, req.timeZone)));
  return { timeZone: req.timeZone, from: days[0]?.day ?? '', to: days.at(-1)?.day ?? '', days };
}

/** The daily series for the chart: the period of the first card (OpenAI's when none), in its timezone. */
/** The subscription price set for a provider (Clay's credits are a plan of their own). */
function planPriceOf(settings: Settings, provider: ProviderId): { planMonthlyUsd?: number } {
  if (provider === 'clay') return {};
  const price = settings.limits[provider as Exclude<ProviderId, 'clay'>]?.planMonthlyUsd;
  return price ? { planMonthlyUsd: price } : {};
}

export async function loadDaily(settings: Settings, now: number, data: Pick<PopupData, 'cards'>, queries: PopupQueries): Promise<DailySeries> {
  const req = chartRequest(settings, now, data.cards[0]?.provider ?? 'openai');
  return dailySeries(req, await queries.getDailyTotals(req.range, req.timeZone), now);
}

/** One point per calendar day from `first` to `last` inclusive; days without usage are zero. */
export function fillDays(rows: ReadonlyArray<{ day: string; totals: UsageTotals }>, first: string, last: string): DailyPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r.totals]));
  const out: DailyPoint[] = [];
  for (let d = parseLocalDate(first), i = 0; formatLocalDate(d) <= last && i < 62; d = addDays(d, 1), i++) {
    const day = formatLocalDate(d);
    const t = byDay.get(day);
    out.push({ day, tokens: t ? t.inputTokens + t.outputTokens : 0, costUsd: t?.costUsd ?? 0, turns: t?.turns ?? 0 });
  }
  return out;
}
