import { lastReadAt, loadSiteMeters, updateSiteMeters as updateStore, withNotice, withReport, type SiteMetersState } from '@/utils/storage/meter-store';
import { sendBroadcast } from '@/utils/protocol/broadcasts';
import type { LimitNotice, MeterReport, MeterSite, MeterWindow } from '@/utils/core/meters/meter-types';

/** Writes the meters, then tells open extension pages (the popup) to read them again. */
async function updateSiteMeters(change: (state: SiteMetersState) => SiteMetersState): Promise<SiteMetersState> {
  const state = await updateStore(change);
  void sendBroadcast({ type: 'meters-changed' });
  return state;
}

/**
 * Background side of the meters: content scripts ask for a read slot, then report what they
 * read. The router has already checked the sender: a tab speaks for its own site only
 * (CONTENT_SENDER_CHECKS in content-policy.ts, meter-sender.ts).
 */

/** At most one read per site per minute, across all its tabs. */
export const MIN_READ_INTERVAL_MS = 60_000;
/** After the site said "too many requests", wait longer. */
export const RATE_LIMITED_INTERVAL_MS = 5 * 60_000;

export interface MeterHandlerDeps {
  now(): number;
  /** Called after every stored change (alerts, badge). */
  onChange(state: SiteMetersState): void;
}

export function createMeterHandlers(deps: MeterHandlerDeps) {
  const claims = new Map<MeterSite, number>();

  const intervalFor = (state: SiteMetersState, site: MeterSite): number => {
    const account = state.active[site];
    const reading = account ? state.readings[`${site}:${account}`] : undefined;
    return reading?.error?.status === 429 ? RATE_LIMITED_INTERVAL_MS : MIN_READ_INTERVAL_MS;
  };

  return {
    async claim(site: MeterSite): Promise<{ due: boolean; retryInMs: number; last?: { windows: MeterWindow[]; readAt: number } }> {
      const now = deps.now();
      const state = await loadSiteMeters();
      const last = Math.max(claims.get(site) ?? 0, lastReadAt(state, site));
      const wait = last + intervalFor(state, site) - now;
      if (wait > 0) {
        // Not this page's turn to read: it shows the last reading (its badge) until it is.
        const account = state.active[site];
        const reading = account ? state.readings[`${site}:${account}`] : undefined;
        return reading && !reading.error ? { due: false, retryInMs: wait, last: { windows: reading.windows, readAt: reading.readAt } } : { due: false, retryInMs: wait };
      }
      claims.set(site, now);
      return { due: true, retryInMs: 0 };
    },

    async report(report: MeterReport): Promise<{ stored: boolean }> {
      const state = await updateSiteMeters((s) => withReport(s, report, deps.now()));
      deps.onChange(state);
      return { stored: true };
    },

    async notice(notice: LimitNotice): Promise<{ stored: boolean }> {
      const state = await updateSiteMeters((s) => withNotice(s, notice, deps.now()));
      deps.onChange(state);
      return { stored: true };
    },
  };
}
