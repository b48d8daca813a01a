import type { ProviderId } from '@/utils/core/models/model-types';
import { emptySums, type Sums } from '@/utils/core/usage/usage-totals';

/**
 * One browser's usage as it travels through browser sync (Chrome Sync, Firefox Sync): its
 * monthly aggregates per provider and model, never text and never single turns. Each browser
 * (a "device") writes only keys of its own, `tt-sync:<deviceId>:m` (its name and when it last
 * wrote) and `tt-sync:<deviceId>:0`, `:1`, … (the aggregates), so two browsers never overwrite
 * each other and a browser that receives another's keys (as sync does, or by copying the
 * whole of storage.sync) has everything it needs to show both.
 *
 * A "month" is a billing period of the provider (its cycle start day and timezone come from the
 * settings, which browser sync shares too), identified by the period's start in epoch ms.
 *
 * The quota arithmetic (storage.sync in Chrome; Firefox Sync applies the same numbers):
 * 102,400 bytes in all, 8,192 per item (key + JSON value), 512 items, 120 writes a minute,
 * 1,800 an hour.
 * - The settings share the area: 1.6 KB by default, more with many sites or price overrides.
 *   8 browsers at full budget leave 102,400 - 8 × 9,728 = 24,576 bytes for them. A browser
 *   never uses more than what the other keys leave free (less a 1 KB margin), so a 9th or a
 *   10th still syncs, with fewer months, and a settings save always has room.
 * - Items: 1 meta + at most 2 data items per browser, so 8 browsers use 24 of 512 items.
 * - Size: a model row is its id plus up to 11 numbers with trailing zeros left out, 40 to 75
 *   bytes; a period adds ~30 (sync-format.test.ts checks the figures). Measured with busy rows
 *   (millions of tokens, cache reads, reasoning): 4 models a month (2 providers) take ~370 bytes
 *   a month, so 13 months (the current one and 12 before) fit in 4.9 KB; 10 models a month keep
 *   11 months, 20 keep 6, 40 keep 3. A period keeps at most 40 model rows (the rest are summed
 *   into one "other models" row), so the current month always fits.
 * - Over budget, the oldest months are dropped first and the device's meta says how many
 *   (`droppedPeriods`), which the options page shows.
 * - Writes: at most one run a minute (after turns are recorded, and every 6 hours), each one
 *   `set` of the changed items and at most one `remove`: ≤ 2 writes a minute, ≤ 120 an hour.
 */

export const SYNC_PREFIX = 'tt-sync:';
export const SYNC_FORMAT_VERSION = 1;

export const SYNC_QUOTA = { totalBytes: 102_400, itemBytes: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 } as const;
/** What one browser may use at most: 8 of them leave 24 KB for the settings. */
export const DEVICE_BUDGET_BYTES = 9_728;
/** Left free when other keys crowd the area, so a settings save never hits the quota. */
export const SAFETY_MARGIN_BYTES = 1_024;
/** A data item stays this far under the item quota. */
export const CHUNK_BYTES = 8_000;
export const MAX_CHUNKS = 2;
/** The current period and the 12 before it. */
export const MAX_PERIODS_PER_PROVIDER = 13;
export const MAX_ROWS_PER_PERIOD = 40;
export const OTHER_MODELS = '(other models)';
/** A browser that has not written for this long is marked stale (still counted, never dropped). */
export const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;
/** An unchanged browser still writes this often, so the others know it is alive. */
export const HEARTBEAT_MS = 12 * 60 * 60_000;

export const SYNC_PROVIDERS: readonly ProviderId[] = ['openai', 'anthropic', 'google', 'clay', 'deepseek', 'x-ai', 'mistral', 'meta', 'perplexity', 'alibaba'];

/**
 * The sums in the order a row stores them (format version 1: never reorder, only append).
 * Fields often zero come last, so trailing zeros can be left out.
 */
export const ROW_FIELDS = [
  'promptTokens', 'contextTokens', 'outputTokens', 'turns', 'costUsd', 'cacheReadTokens',
  'attachmentTokens', 'reasoningTokens', 'credits', 'unpricedTurns', 'reasoningUnknownTurns',
] as const satisfies ReadonlyArray<keyof Sums>;

export interface SyncRow {
  model: string;
  sums: Sums;
}

export interface SyncPeriod {
  provider: ProviderId;
  /** The billing period's start, epoch ms. */
  from: number;
  rows: SyncRow[];
}

export interface DeviceMeta {
  name: string;
  updatedAt: number;
  chunks: number;
  /** Periods left out to stay within the quota (the oldest). */
  droppedPeriods: number;
}

export interface DeviceAggregates extends DeviceMeta {
  id: string;
  periods: SyncPeriod[];
  /** False when a data item the meta announces is missing or was rejected (sync still arriving, or tampered). */
  complete: boolean;
  /** Rows or periods that failed validation and were left out. */
  rejected: number;
}

export const metaKey = (deviceId: string) => `${SYNC_PREFIX}${deviceId}:m`;
export const chunkKey = (deviceId: string, index: number) => `${SYNC_PREFIX}${deviceId}:${index}`;
export const isDeviceKey = (deviceId: string, key: string) => key.startsWith(`${SYNC_PREFIX}${deviceId}:`);

/** Bytes an item counts against the quota: its key and its JSON value, UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Cost in whole micro-dollars, so rows stay short and sums exact enough. */
const roundField = (field: (typeof ROW_FIELDS)[number], value: number) => (field === 'costUsd' ? Math.round(value * 1e6) / 1e6 : Math.round(value));

export type EncodedRow = [string, ...number[]];
export type EncodedPeriod = [string, number, EncodedRow[]];

export function encodeRow(row: SyncRow): EncodedRow {
  const numbers = ROW_FIELDS.map((f) => roundField(f, row.sums[f] || 0));
  while (numbers.length && numbers.at(-1) === 0) numbers.pop();
  return [row.model, ...numbers];
}

/** A period's rows, the largest first, with any beyond MAX_ROWS_PER_PERIOD summed into one row. */
export function encodePeriod(period: SyncPeriod): EncodedPeriod {
  const size = (r: SyncRow) => r.sums.promptTokens + r.sums.contextTokens + r.sums.outputTokens + r.sums.credits;
  const rows = [...period.rows].sort((a, b) => size(b) - size(a) || (a.model < b.model ? -1 : 1));
  if (rows.length > MAX_ROWS_PER_PERIOD) {
    const rest = rows.splice(MAX_ROWS_PER_PERIOD - 1);
    const other = emptySums();
    for (const r of rest) for (const f of ROW_FIELDS) other[f] += r.sums[f] || 0;
    rows.push({ model: OTHER_MODELS, sums: other });
  }
  return [period.provider, period.from, rows.map(encodeRow)];
}

export interface DevicePlan {
  /** Every item this device should hold now, by key. */
  items: Record<string, unknown>;
  droppedPeriods: number;
  bytes: number;
}

/**
 * This device's items within `budget` bytes: periods newest first, packed into at most
 * MAX_CHUNKS items; once one no longer fits, it and every older one are dropped (the meta
 * says how many). Returns null when not even the meta fits.
 */
export function planDeviceItems(deviceId: string, meta: Pick<DeviceMeta, 'name' | 'updatedAt'>, periods: readonly SyncPeriod[], budget: number): DevicePlan | null {
  const sorted = [...periods].sort((a, b) => b.from - a.from || SYNC_PROVIDERS.indexOf(a.provider) - SYNC_PROVIDERS.indexOf(b.provider));
  const encoded = sorted.map(encodePeriod);
  // The meta's size with the largest counts it can hold, so it is never what breaks the budget.
  const metaBytes = itemBytes(metaKey(deviceId), encodeMeta({ ...meta, chunks: MAX_CHUNKS, droppedPeriods: encoded.length }));
  if (metaBytes > budget) return null;
  const chunks: EncodedPeriod[][] = [];
  let used = metaBytes;
  let kept = 0;
  for (const period of encoded) {
    const last = chunks.length - 1;
    const current = chunks[last];
    if (current) {
      const before = itemBytes(chunkKey(deviceId, last), current);
      const after = itemBytes(chunkKey(deviceId, last), [...current, period]);
      if (after <= CHUNK_BYTES && used - before + after <= budget) {
        current.push(period);
        used += after - before;
        kept++;
        continue;
      }
    }
    const alone = itemBytes(chunkKey(deviceId, chunks.length), [period]);
    if (chunks.length >= MAX_CHUNKS || alone > CHUNK_BYTES || used + alone > budget) break;
    chunks.push([period]);
    used += alone;
    kept++;
  }
  const items: Record<string, unknown> = {
    [metaKey(deviceId)]: encodeMeta({ ...meta, chunks: chunks.length, droppedPeriods: encoded.length - kept }),
  };
  chunks.forEach((chunk, i) => (items[chunkKey(deviceId, i)] = chunk));
  const bytes = Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  return { items, droppedPeriods: encoded.length - kept, bytes };
}

export function encodeMeta(meta: DeviceMeta): Record<string, unknown> {
  return { v: SYNC_FORMAT_VERSION, n: meta.name, u: meta.updatedAt, c: meta.chunks, d: meta.droppedPeriods };
}
