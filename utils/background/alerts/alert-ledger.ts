import { browser } from 'wxt/browser';
import { thresholdLevel, type LimitStatus } from '@/utils/core/usage/limit-status';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * Which threshold alerts have fired, keyed by limit + period + threshold, kept in
 * storage.local so a restarted service worker (or a second device's settings sync) never
 * repeats one. A key looks like "openai:tokens@1764547200000#0.8".
 */
export const FIRED_ALERTS_KEY = STORAGE_KEYS.firedAlerts.key;

export function alertKey(status: LimitStatus, threshold: number): string {
  return `${status.id}@${status.period.from}#${threshold}`;
}

export interface DueAlert {
  status: LimitStatus;
  /** The highest threshold crossed: the one the notification talks about. */
  threshold: number;
  /** Every key this alert settles (lower thresholds crossed at the same time are not announced separately). */
  keys: string[];
}

/** Alerts to fire now: for each limit, the highest newly crossed threshold, if any. Pure. */
export function dueAlerts(statuses: readonly LimitStatus[], thresholds: readonly number[], fired: ReadonlySet<string>): DueAlert[] {
  const due: DueAlert[] = [];
  for (const status of statuses) {
    const level = thresholdLevel(status.fraction, thresholds);
    if (level < 0) continue;
    const top = thresholds[level]!;
    if (fired.has(alertKey(status, top))) continue;
    const keys = thresholds.slice(0, level + 1).map((t) => alertKey(status, t));
    due.push({ status, threshold: top, keys });
  }
  return due;
}

/** Keys of periods that ended long ago are dropped so the ledger stays small. */
export function pruneFired(keys: Iterable<string>, now: number, keepMs = 400 * 86_400_000): string[] {
  return [...keys].filter((k) => {
    const from = Number(k.split('@')[1]?.split('#')[0]);
    return Number.isFinite(from) && from > now - keepMs;
  });
}

export async function loadFiredAlerts(): Promise<Set<string>> {
  const stored = (await browser.storage.local.get(FIRED_ALERTS_KEY))[FIRED_ALERTS_KEY];
  return new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);
}

export async function saveFiredAlerts(keys: Iterable<string>, now: number): Promise<void> {
  await browser.storage.local.set({ [FIRED_ALERTS_KEY]: pruneFired(keys, now) });
}
