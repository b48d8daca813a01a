import { PROVIDER_NAMES } from '@/utils/core/models/providers';
import { mostUsed, severityOf, type LimitStatus, type Severity } from '@/utils/core/usage/limit-status';

export interface ActionBadge {
  text: string;
  color: string;
  /** Tooltip for the toolbar icon, so the number is never unexplained. */
  title: string;
}

/** Badge colours: all pass 4.5:1 contrast against the white badge text. */
export const BADGE_COLORS: Record<Severity | 'none', string> = {
  none: '#4b5563',
  ok: '#1d4ed8',
  warn: '#b45309',
  over: '#b91c1c',
};

/** 950 -> "950", 1234 -> "1.2k", 12_345 -> "12k", 1_234_567 -> "1.2M". Fits the 4-character badge. */
export function compactCount(n: number): string {
  const v = Math.max(0, Math.round(n));
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (v >= size) {
      const scaled = v / size;
      // One decimal below 10 ("1.2k"), none above ("12k"); truncate so 999_999 never shows "1000k".
      const shown = scaled < 10 ? Math.floor(scaled * 10) / 10 : Math.floor(scaled);
      return `${shown}${suffix}`;
    }
  }
  return String(v);
}

/** Whole percent, rounded down so the badge never says 100% before the limit is reached. */
export function percentText(fraction: number): string {
  const pct = Math.floor(Math.max(0, fraction) * 100 + 1e-9);
  return pct > 999 ? '999+' : `${pct}%`;
}

const KIND_LABEL = { tokens: 'tokens', budget: 'budget', credits: 'credits' } as const;
const PROVIDER_LABEL: Readonly<Record<string, string>> = PROVIDER_NAMES;

/**
 * The toolbar badge: the percentage of the most-used limit coloured by threshold, or
 * today's tokens (compact) when no limit is set, or nothing on a day without usage.
 */
export function actionBadgeFor(statuses: readonly LimitStatus[], todayTokens: number, thresholds: readonly number[]): ActionBadge {
  const top = mostUsed(statuses);
  if (top) {
    const label = `${PROVIDER_LABEL[top.provider] ?? top.provider} ${KIND_LABEL[top.kind]}`;
    return {
      text: percentText(top.fraction),
      color: BADGE_COLORS[severityOf(top.fraction, thresholds)],
      title: `TokenTally: ${label} at ${percentText(top.fraction)} of this period's limit`,
    };
  }
  if (todayTokens <= 0) return { text: '', color: BADGE_COLORS.none, title: 'TokenTally: no usage today' };
  return {
    text: compactCount(todayTokens),
    color: BADGE_COLORS.none,
    title: `TokenTally: ${todayTokens.toLocaleString('en-US')} tokens today`,
  };
}
