import type { ClaySettings } from '../settings/settings-schema';
import { DEFAULT_CREDIT_SCHEME, type CreditScheme, type MeterId } from './credit-rules';

/**
 * Credit balances over billing periods. Plan credits ('period' meters) start fresh every
 * period and unused ones are lost; premium credits ('rollover' meters) carry their balance
 * until spent. Works per meter, so a scheme with data credits + actions needs no new code.
 */
export interface MeterBalance {
  meter: MeterId;
  label: string;
  renewal: 'period' | 'rollover';
  /** This period's allowance ('period') or the balance carried into it ('rollover'). */
  available: number;
  used: number;
  left: number;
  /** Used beyond what was available (Clay stops runs then; shown so the user sees why). */
  over: number;
  /** used / available, 0..1+; null when nothing is available. */
  fraction: number | null;
}

export function periodBalances(
  available: Record<MeterId, number>,
  used: Record<MeterId, number>,
  scheme: CreditScheme = DEFAULT_CREDIT_SCHEME,
): MeterBalance[] {
  return scheme.meters.map((m) => {
    const a = Math.max(0, available[m.id] ?? 0);
    const u = Math.max(0, used[m.id] ?? 0);
    return {
      meter: m.id,
      label: m.label,
      renewal: m.renewal,
      available: a,
      used: u,
      left: Math.max(0, a - u),
      over: Math.max(0, u - a),
      fraction: a > 0 ? u / a : null,
    };
  });
}

/**
 * What is available at the start of the next period: a 'period' meter gets its plan
 * allowance again (leftovers are lost), a 'rollover' meter keeps what wasn't spent.
 */
export function nextPeriodAvailable(
  planAllowance: Record<MeterId, number>,
  available: Record<MeterId, number>,
  used: Record<MeterId, number>,
  scheme: CreditScheme = DEFAULT_CREDIT_SCHEME,
): Record<MeterId, number> {
  return Object.fromEntries(
    scheme.meters.map((m) => [
      m.id,
      m.renewal === 'period'
        ? Math.max(0, planAllowance[m.id] ?? 0)
        : Math.max(0, (available[m.id] ?? 0) - (used[m.id] ?? 0)),
    ]),
  );
}

/** The default scheme's availability from the user's Clay settings. */
export function clayAvailable(clay: Pick<ClaySettings, 'planCreditsPerMonth' | 'premiumCredits'>): Record<MeterId, number> {
  return { credits: clay.planCreditsPerMonth, premium: clay.premiumCredits };
}

/**
 * Plan credits left this period given what's been logged (`usedThisPeriod`, e.g. the sum
 * of clay-run events' credits from getTotals(currentPeriod, 'clay').credits).
 */
export function planCreditsLeft(clay: Pick<ClaySettings, 'planCreditsPerMonth'>, usedThisPeriod: number): number {
  return Math.max(0, clay.planCreditsPerMonth - Math.max(0, usedThisPeriod));
}

/** Whether a run's credits fit in what's left on each meter. */
export function runFits(balances: MeterBalance[], runCredits: Record<MeterId, number>): boolean {
  return Object.entries(runCredits).every(([meter, need]) => {
    const b = balances.find((x) => x.meter === meter);
    return need <= 0 || (b !== undefined && b.left >= need);
  });
}
