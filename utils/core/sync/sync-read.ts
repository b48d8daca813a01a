import type { ProviderId } from '@/utils/core/models/model-types';
import { emptySums } from '@/utils/core/usage/usage-totals';
import { latestEventTime, MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';
import { cleanDeviceName, isDeviceId } from '@/utils/core/sync/device-name';
import {
  MAX_CHUNKS,
  MAX_ROWS_PER_PERIOD,
  OTHER_MODELS,
  ROW_FIELDS,
  SYNC_FORMAT_VERSION,
  SYNC_PREFIX,
  SYNC_PROVIDERS,
  type DeviceAggregates,
  type DeviceMeta,
  type SyncPeriod,
  type SyncRow,
} from '@/utils/core/sync/sync-format';

/**
 * Reads every browser's aggregates back from the whole of storage.sync. Everything here is
 * untrusted: in Firefox any content script can write storage.sync, and any browser signed in
 * to the same account writes it. So each value is checked for shape and bounds and anything
 * else is left out (and counted), devices and rows are capped in number, and the result is
 * plain data: nothing read here ever reaches this browser's own records or settings.
 */

/** More devices than this are not read (the newest by their last update are). */
export const MAX_DEVICES = 32;
/** Bounds of one month's sums: a thousand times what one event may hold (usage-bounds.ts). */
const MAX_TOKENS = 1e12;
const MAX_COST_USD = 1e7;
const MAX_CREDITS = 1e10;
const MAX_TURNS = 1e8;
/** A model id as the catalogue and the sites spell them: no control characters, bounded. */
const MODEL_ID = /^[\p{L}\p{N}][\p{L}\p{N} ._:/()+@-]{0,119}$/u;
const KEY = /^tt-sync:([a-z0-9]{8,32}):(m|\d)$/;

const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

function boundOf(field: (typeof ROW_FIELDS)[number]): number {
  if (field === 'costUsd') return MAX_COST_USD;
  if (field === 'credits') return MAX_CREDITS;
  if (field === 'turns' || field === 'unpricedTurns' || field === 'reasoningUnknownTurns') return MAX_TURNS;
  return MAX_TOKENS;
}

/** A row, or null when any part of it is out of shape or bounds. */
export function parseRow(raw: unknown): SyncRow | null {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > ROW_FIELDS.length + 1) return null;
  const [model, ...numbers] = raw as unknown[];
  if (typeof model !== 'string' || !(MODEL_ID.test(model) || model === OTHER_MODELS)) return null;
  const sums = emptySums();
  for (let i = 0; i < numbers.length; i++) {
    const field = ROW_FIELDS[i]!;
    const value = numbers[i];
    const ok = field === 'costUsd' || field === 'credits'
      ? typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= boundOf(field)
      : isWhole(value, 0, boundOf(field));
    if (!ok) return null;
    sums[field] = value as number;
  }
  // The "of which" parts cannot exceed their whole.
  if (sums.cacheReadTokens > sums.contextTokens || sums.attachmentTokens > sums.promptTokens) return null;
  if (sums.unpricedTurns > sums.turns || sums.reasoningUnknownTurns > sums.turns) return null;
  return { model, sums };
}

function parsePeriod(raw: unknown, now: number): { period: SyncPeriod | null; rejected: number } {
  if (!Array.isArray(raw) || raw.length !== 3) return { period: null, rejected: 1 };
  const [provider, from, rows] = raw as unknown[];
  if (typeof provider !== 'string' || !SYNC_PROVIDERS.includes(provider as ProviderId)) return { period: null, rejected: 1 };
  if (!isWhole(from, MIN_EVENT_TIME, latestEventTime(now)) || !Array.isArray(rows) || rows.length > MAX_ROWS_PER_PERIOD) return { period: null, rejected: 1 };
  const seen = new Set<string>();
  const kept: SyncRow[] = [];
  let rejected = 0;
  for (const rawRow of rows) {
    const row = parseRow(rawRow);
    if (!row || seen.has(row.model)) {
      rejected++;
      continue;
    }
    seen.add(row.model);
    kept.push(row);
  }
  return { period: { provider: provider as ProviderId, from, rows: kept }, rejected };
}

/** A device's meta, or null when it is not one this version can trust the shape of. */
export function parseMeta(raw: unknown, now: number): DeviceMeta | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const m = raw as Record<string, unknown>;
  if (m.v !== SYNC_FORMAT_VERSION || typeof m.n !== 'string' || !isWhole(m.u, MIN_EVENT_TIME, Number.MAX_SAFE_INTEGER)) return null;
  if (!isWhole(m.c, 0, MAX_CHUNKS)) return null;
  return {
    name: cleanDeviceName(m.n),
    // A clock ahead of ours is read as "now", so it cannot claim a fresher update than now.
    updatedAt: Math.min(m.u, now),
    chunks: m.c,
    droppedPeriods: isWhole(m.d, 0, 100_000) ? m.d : 0,
  };
}

function parseDevice(id: string, items: Record<string, unknown>, meta: DeviceMeta, now: number): DeviceAggregates {
  const periods: SyncPeriod[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  let complete = true;
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = items[`${SYNC_PREFIX}${id}:${i}`];
    if (!Array.isArray(chunk) || chunk.length > 13 * SYNC_PROVIDERS.length) {
      complete = false;
      continue;
    }
    for (const raw of chunk) {
      const { period, rejected: bad } = parsePeriod(raw, now);
      rejected += bad;
      if (!period) continue;
      const key = `${period.provider}@${period.from}`;
      if (seen.has(key)) {
        rejected++;
        continue;
      }
      seen.add(key);
      periods.push(period);
    }
  }
  return { id, ...meta, periods, complete: complete && rejected === 0, rejected };
}

/** Every device in `items` (the whole of storage.sync) with a readable meta, most recently updated first. */
export function readDevices(items: Record<string, unknown>, now: number): DeviceAggregates[] {
  const metas: Array<{ id: string; meta: DeviceMeta }> = [];
  for (const [key, value] of Object.entries(items)) {
    const match = KEY.exec(key);
    if (!match || match[2] !== 'm' || !isDeviceId(match[1]!)) continue;
    const meta = parseMeta(value, now);
    if (meta) metas.push({ id: match[1]!, meta });
  }
  metas.sort((a, b) => b.meta.updatedAt - a.meta.updatedAt || (a.id < b.id ? -1 : 1));
  return metas.slice(0, MAX_DEVICES).map(({ id, meta }) => parseDevice(id, items, meta, now));
}

/** Every device id that has any key in `items`, readable or not (so a broken device can still be removed). */
export function deviceIdsIn(items: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const key of Object.keys(items)) {
    const match = KEY.exec(key);
    if (match) ids.add(match[1]!);
  }
  return [...ids];
}

