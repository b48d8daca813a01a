import type { IDBPObjectStore } from 'idb';
import type { ProviderId } from '@/utils/core/models/model-types';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { isWithinBounds } from '@/utils/core/usage/usage-bounds';
import { addSums, emptySums, eventSums, type Sums } from '@/utils/core/usage/usage-totals';

/**
 * Sums of usage over one time span for one provider+model. Three span widths are kept:
 * 15 minutes (every timezone offset in use is a multiple of 15 minutes, so any local
 * day or billing-period boundary falls on one), hours (a local day is ~24 of them in
 * most zones) and whole UTC days (a month reads ~30 records per model instead of
 * ~3,000). A range is summed from the widest spans that fit inside it, narrower ones at
 * the edges and raw events for the sub-quarter remainder: always exact.
 */
export const QUARTER_MS = 15 * 60_000;
export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * 60 * 60_000;
/** Widest first. */
export const SPANS: readonly number[] = [DAY_MS, HOUR_MS, QUARTER_MS];

/** The sums (usage-totals.ts) of one span of one provider+model. */
export interface UsageAggregate extends Sums {
  span: number;
  start: number;
  provider: ProviderId;
  model: string;
}

export function spanStart(time: number, span: number): number {
  return Math.floor(time / span) * span;
}

type AggregateStore = IDBPObjectStore<any, any, 'aggregates', 'readwrite' | 'versionchange'>;

/**
 * Adds (sign 1) or removes (sign -1) events from their aggregates. Deltas are merged in
 * memory first so each aggregate record is read and written once. Must run inside the
 * same transaction that writes/deletes the events, so both always agree. Events outside the
 * bounds are left out both ways (one from a version-3 database, or one written by other means).
 */
export async function addEventsToAggregates(
  store: AggregateStore,
  events: UsageEvent[],
  sign: 1 | -1 = 1,
  spans: readonly number[] = SPANS,
): Promise<void> {
  const deltas = new Map<string, { key: [number, number, string, string]; sums: Sums }>();
  for (const event of events) {
    // Never summed, so never subtracted: a record out of bounds (usage-bounds.ts) stays out.
    if (!isWithinBounds(event)) continue;
    for (const span of spans) {
      const key: [number, number, string, string] = [span, spanStart(event.time, span), event.provider, event.model];
      const id = aggregateId(key);
      let delta = deltas.get(id);
      if (!delta) deltas.set(id, (delta = { key, sums: emptySums() }));
      addSums(delta.sums, eventSums(event), sign);
    }
  }
  // Existing records: one ranged read per span when the range holds few more records than
  // the batch touches (imports, retention), else one read per record (a single turn).
  const existing = new Map<string, UsageAggregate>();
  const bySpan = new Map<number, number[]>();
  for (const { key } of deltas.values()) {
    const starts = bySpan.get(key[0]) ?? [];
    starts.push(key[1]);
    bySpan.set(key[0], starts);
  }
  const perKey: Array<[number, number, string, string]> = [];
  await Promise.all(
    [...bySpan].map(async ([span, starts]) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const start of starts) {
        if (start < lo) lo = start;
        if (start > hi) hi = start;
      }
      const range = IDBKeyRange.bound([span, lo], [span, hi, []]);
      if (starts.length >= RANGED_READ_MIN && (await store.count(range)) <= starts.length * 4) {
        for (const row of (await store.getAll(range)) as UsageAggregate[]) existing.set(aggregateId([row.span, row.start, row.provider, row.model]), row);
      } else {
        for (const { key } of deltas.values()) if (key[0] === span) perKey.push(key);
      }
    }),
  );
  await Promise.all(
    perKey.map(async (key) => {
      const row = (await store.get(key)) as UsageAggregate | undefined;
      if (row) existing.set(aggregateId(key), row);
    }),
  );
  const writes: Promise<unknown>[] = [];
  for (const [id, { key, sums }] of deltas) {
    const next: UsageAggregate = existing.get(id) ?? { span: key[0], start: key[1], provider: key[2] as ProviderId, model: key[3], ...emptySums() };
    addSums(next, sums);
    // An emptied aggregate is removed rather than left with float residue in costUsd.
    writes.push(next.turns <= 0 ? store.delete(key) : store.put(next));
  }
  await Promise.all(writes);
}

/** Below this many records of one span, reading each is cheaper than counting a range. */
const RANGED_READ_MIN = 16;

const aggregateId = (key: [number, number, string, string]) => key.join('\u0000');
