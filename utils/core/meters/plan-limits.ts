import type { MessageCap } from '@/utils/core/meters/chatgpt-caps';
import { chatgptWindows, type SentMessage } from '@/utils/core/meters/chatgpt-windows';
import type { LimitNotice, MeterError, MeterReading, MeterSite, MeterWindow } from '@/utils/core/meters/meter-types';

/**
 * The popup's "Plan limits" section as data: per site, the accounts read, each with its
 * windows (bar, % used, reset countdown, pace), how old the reading is and why it could not
 * be read. Pure: views render it, the hook (use-plan-limits.ts) feeds it.
 */

/** A reading older than this is marked stale. */
export const STALE_AFTER_MS = 3_600_000;
/** Below this share of a window gone, a pace is noise. */
const MIN_ELAPSED_SHARE = 0.1;

export type MeterSeverity = 'ok' | 'warn' | 'over';

export interface WindowView {
  id: string;
  label: string;
  /** Fraction used, clamped to 0..1 (the `data-used` contract). */
  used: number;
  /** "42%" (the unclamped figure: "120%" is possible for counted windows). */
  percentText: string;
  resetsAt: number | null;
  /** ISO 8601, "" when unknown (the `data-resets-at` contract). */
  resetsIso: string;
  /** "2 h 14 min"; null when the reset time is unknown. */
  countdown: string | null;
  /** "Tue 3:00 PM"; null when unknown. */
  resetClock: string | null;
  /** "On pace for 64% by the reset", "On pace to run out around 3:40 PM"; null when too early. */
  pace: string | null;
  severity: MeterSeverity;
  detail?: string;
  /** The reset time passed since the reading: the site has not been read since. */
  resetSinceRead: boolean;
  /** A cap that can't be counted: shown by its size, with no percentage or reset. */
  uncounted?: true;
}

export interface AccountView {
  key: string;
  name: string | null;
  /** Null for counted meters (ChatGPT), which are always current. */
  readAt: number | null;
  stale: boolean;
  /** "read 5 min ago". */
  age: string | null;
  error: MeterError | null;
  windows: WindowView[];
}

export interface SiteMeterView {
  site: MeterSite;
  title: string;
  /** How the numbers were obtained, in a few words. */
  source: string;
  /** The account shown first (the one the site's page used last) leads. */
  accounts: AccountView[];
  note?: string;
}

export interface PlanLimitsData {
  sites: SiteMeterView[];
  /** The switch for reading the sites' meters is off. */
  readsOff: boolean;
}

export interface PlanLimitsInput {
  readings: Record<string, MeterReading>;
  active: Partial<Record<MeterSite, string>>;
  notices: LimitNotice[];
  caps: MessageCap[];
  messages: SentMessage[];
  thresholds: number[];
  readsOff: boolean;
  now: number;
}

const TITLES: Record<MeterSite, string> = { claude: 'Claude', gemini: 'Gemini', chatgpt: 'ChatGPT' };
const SOURCES: Record<MeterSite, string> = {
  claude: "claude.ai's own usage meter",
  gemini: "Gemini's usage page",
  chatgpt: 'messages counted by TokenTally against your caps',
};

const clock = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export function formatAge(ms: number): string {
  return ms < 60_000 ? 'read just now' : `read ${formatDuration(ms)} ago`;
}

export function meterSeverity(used: number, thresholds: readonly number[]): MeterSeverity {
  if (used >= 1) return 'over';
  return thresholds.length && used >= thresholds[0]! ? 'warn' : 'ok';
}

/** Where the window is heading: the share used at its reset at this rate, or when it runs out. */
export function windowPace(w: Pick<MeterWindow, 'used' | 'resetsAt' | 'lengthMs'>, now: number): string | null {
  if (w.resetsAt === null || w.lengthMs === null || w.used <= 0 || w.used >= 1 || w.resetsAt <= now) return null;
  const start = w.resetsAt - w.lengthMs;
  const elapsed = now - start;
  if (elapsed < w.lengthMs * MIN_ELAPSED_SHARE || elapsed <= 0) return null;
  const projected = (w.used * w.lengthMs) / elapsed;
  if (projected < 1) return `On pace for ${Math.floor(projected * 100)}% by the reset`;
  const fullAt = start + elapsed / w.used;
  return `On pace to run out around ${clock.format(new Date(fullAt))}, ${formatDuration(w.resetsAt - fullAt)} before the reset`;
}

/**
 * A window as shown at `now`, from a reading taken at `readAt`. When its reset time has passed
 * since the reading, the window has reset and what was used then is gone: it shows empty. A
 * reset time the site gave that had already passed when it was read is shown as given (the
 * number is the site's own), without a countdown.
 */
/** A time Date can show: a stored value outside its range would throw and blank the section. */
const showable = (t: number | null): number | null => (t !== null && Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? t : null);

export function windowView(w: MeterWindow, now: number, thresholds: readonly number[], readAt = now): WindowView {
  const given = showable(w.resetsAt);
  const resetSinceRead = given !== null && given <= now && given > readAt;
  const used = resetSinceRead ? 0 : w.used;
  const resetsAt = resetSinceRead ? null : given;
  const upcoming = resetsAt !== null && resetsAt > now;
  return {
    id: w.id,
    label: w.label,
    used: Math.min(1, Math.max(0, used)),
    percentText: `${Math.floor(used * 100 + 1e-9)}%`,
    resetsAt,
    resetsIso: resetsAt === null ? '' : new Date(resetsAt).toISOString(),
    countdown: upcoming ? formatDuration(resetsAt - now) : null,
    resetClock: resetsAt === null ? null : clock.format(new Date(resetsAt)),
    pace: upcoming ? windowPace(w, now) : null,
    severity: meterSeverity(used, thresholds),
    ...(w.detail ? { detail: w.detail } : {}),
    ...(w.uncounted ? { uncounted: true as const } : {}),
    resetSinceRead,
  };
}

export function buildPlanLimits(input: PlanLimitsInput): PlanLimitsData {
  const { now, thresholds } = input;
  const sites: SiteMeterView[] = [];
  for (const site of ['claude', 'gemini'] as const) {
    const readings = Object.values(input.readings).filter((r) => r.site === site);
    if (!readings.length) continue;
    const activeKey = input.active[site];
    readings.sort((a, b) => Number(b.account === activeKey) - Number(a.account === activeKey) || b.readAt - a.readAt);
    sites.push({
      site,
      title: TITLES[site],
      source: SOURCES[site],
      accounts: readings.map((r) => ({
        key: `${r.site}:${r.account}`,
        name: r.accountName,
        readAt: r.readAt,
        stale: now - r.readAt > STALE_AFTER_MS,
        age: formatAge(now - r.readAt),
        error: r.error,
        windows: r.error ? [] : r.windows.map((w) => windowView(w, now, thresholds, r.readAt)),
      })),
    });
  }
  const counted = chatgptWindows(input.caps, input.messages, input.notices, now);
  if (counted.length) {
    sites.push({
      site: 'chatgpt',
      title: TITLES.chatgpt,
      source: SOURCES.chatgpt,
      accounts: [{ key: 'chatgpt:counted', name: null, readAt: null, stale: false, age: null, error: null, windows: counted.map((w) => windowView(w, now, thresholds)) }],
      note: 'ChatGPT shows no meter: these count the messages TokenTally recorded in this browser.',
    });
  }
  return { sites, readsOff: input.readsOff };
}
