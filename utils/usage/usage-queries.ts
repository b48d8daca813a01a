import type { IDBPTransaction } from 'idb';
import type { ProviderId } from '../models/model-types';
import { openUsageDb, type UsageDb } from './usage-db';
import { HOUR_MS, QUARTER_MS, SPANS, type UsageAggregate } from './usage-aggregates';
import { localDays } from './local-days';
import type { UsageEvent } from './usage-event';

/** Read-only queries for the popup and options pages. Ranges are [from, to) in epoch ms. */

export interface UsageTotals {
  promptTokens: number;
  contextTokens: number;
  /** prompt + context: what an API call would have billed as input. */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  credits: number;
  turns: number;
  /** Turns whose model had no known price; their cost is missing from costUsd. */
  unpricedTurns: number;
}

export interface TimeRange {
  from: number;
  to: number;
}

type ReadTx = IDBPTransaction<UsageDb, ('events' | 'aggregates')[], 'readonly'>;

/** A slice of usage with its provider, model and start time (aggregate or single event). */
type Piece = Omit<UsageAggregate, 'span'>;

export function emptyTotals(): UsageTotals {
  return { promptTokens: 0, contextTokens: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, credits: 0, turns: 0, unpricedTurns: 0 };
}

function addPiece(totals: UsageTotals, p: Piece): void {
  totals.promptTokens += p.promptTokens;
  totals.contextTokens += p.contextTokens;
  totals.inputTokens += p.promptTokens + p.contextTokens;
  totals.outputTokens += p.outputTokens;
  totals.costUsd += p.costUsd;
  totals.credits += p.credits;
  totals.turns += p.turns;
  totals.unpricedTurns += p.unpricedTurns;
}

function eventPiece(e: UsageEvent): Piece {
  return {
    start: e.time, provider: e.provider, model: e.model,
    promptTokens: e.promptTokens, contextTokens: e.contextTokens, outputTokens: e.outputTokens,
    costUsd: e.costUsd ?? 0, credits: e.credits ?? 0, turns: 1, unpricedTurns: e.costUsd === null ? 1 : 0,
  };
}

const ceilTo = (t: number, step: number) => Math.ceil(t / step) * step;
const floorTo = (t: number, step: number) => Math.floor(t / step) * step;

/**
 * Issues the reads for every piece of usage inside [from, to), exactly once: the widest
 * aggregate spans (from `spans`, widest first) that fit, narrower ones at the edges, raw
 * events for the unaligned remainder. All requests go out at once in `tx`.
 */
function collectPieces(tx: ReadTx, from: number, to: number, spans: readonly number[]): Promise<Piece[]>[] {
  if (!(to > from)) return [];
  const [span, ...narrower] = spans;
  if (span === undefined) {
    const byTime = tx.objectStore('events').index('by-time');
    return [byTime.getAll(IDBKeyRange.bound(from, to, false, true)).then((events) => events.map(eventPiece))];
  }
  const alignedFrom = ceilTo(from, span);
  const alignedTo = floorTo(to, span);
  if (alignedFrom >= alignedTo) return collectPieces(tx, from, to, narrower);
  return [
    tx.objectStore('aggregates').getAll(IDBKeyRange.bound([span, alignedFrom], [span, alignedTo], false, true)),
    ...collectPieces(tx, from, alignedFrom, narrower),
    ...collectPieces(tx, alignedTo, to, narrower),
  ];
}

function readTx(): Promise<ReadTx> {
  return openUsageDb().then((db) => db.transaction(['events', 'aggregates'], 'readonly'));
}

async function readPieces({ from, to }: TimeRange, provider?: ProviderId): Promise<Piece[]> {
  const tx = await readTx();
  const pieces = (await Promise.all(collectPieces(tx, from, to, SPANS))).flat();
  return provider ? pieces.filter((p) => p.provider === provider) : pieces;
}

export async function getTotals(range: TimeRange, provider?: ProviderId): Promise<UsageTotals> {
  const totals = emptyTotals();
  for (const piece of await readPieces(range, provider)) addPiece(totals, piece);
  return totals;
}

/** Totals per provider+model, largest cost first (then most tokens). */
export async function getTotalsByModel(
  range: TimeRange,
  provider?: ProviderId,
): Promise<Array<{ provider: ProviderId; model: string; totals: UsageTotals }>> {
  const byModel = new Map<string, { provider: ProviderId; model: string; totals: UsageTotals }>();
  for (const piece of await readPieces(range, provider)) {
    const key = `${piece.provider}\u0000${piece.model}`;
    let row = byModel.get(key);
    if (!row) byModel.set(key, (row = { provider: piece.provider, model: piece.model, totals: emptyTotals() }));
    addPiece(row.totals, piece);
  }
  return [...byModel.values()].sort(
    (a, b) => b.totals.costUsd - a.totals.costUsd || b.totals.inputTokens + b.totals.outputTokens - (a.totals.inputTokens + a.totals.outputTokens),
  );
}

/** Totals per calendar day in `timeZone` (days with no usage are omitted), oldest first. */
export async function getDailyTotals(
  range: TimeRange,
  timeZone: string,
  provider?: ProviderId,
): Promise<Array<{ day: string; totals: UsageTotals }>> {
  const days = localDays(range, timeZone);
  if (days.length === 0) return [];
  const tx = await readTx();
  // Hours come in one read for the whole range. An hour that straddles two local days
  // (half-hour offsets) is replaced by its four quarters, which never straddle.
  const hFrom = ceilTo(range.from, HOUR_MS);
  const hTo = floorTo(range.to, HOUR_MS);
  const reads: Promise<Piece[]>[] = [];
  const splitHours = new Set<number>();
  if (hFrom < hTo) {
    for (const { from } of days) {
      const hour = floorTo(from, HOUR_MS);
      if (from !== hour && hour >= hFrom && hour < hTo) splitHours.add(hour);
    }
    const hours = tx.objectStore('aggregates').getAll(IDBKeyRange.bound([HOUR_MS, hFrom], [HOUR_MS, hTo], false, true));
    reads.push(hours.then((rows) => rows.filter((r) => !splitHours.has(r.start))));
    for (const hour of splitHours) reads.push(...collectPieces(tx, hour, hour + HOUR_MS, [QUARTER_MS]));
    reads.push(...collectPieces(tx, range.from, hFrom, [QUARTER_MS]), ...collectPieces(tx, hTo, range.to, [QUARTER_MS]));
  } else {
    reads.push(...collectPieces(tx, range.from, range.to, [QUARTER_MS]));
  }
  const totals = days.map(() => emptyTotals());
  const starts = days.map((d) => d.from);
  for (const piece of (await Promise.all(reads)).flat()) {
    if (provider && piece.provider !== provider) continue;
    addPiece(totals[dayIndex(starts, piece.start)]!, piece);
  }
  return days.flatMap((d, i) => (totals[i]!.turns > 0 ? [{ day: d.day, totals: totals[i]! }] : []));
}

/** Index of the last day starting at or before `t` (binary search over sorted starts). */
function dayIndex(starts: number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The newest events, newest first. */
export async function getRecentEvents(limit: number): Promise<UsageEvent[]> {
  const db = await openUsageDb();
  const result: UsageEvent[] = [];
  if (limit <= 0) return result;
  let cursor = await db.transaction('events').store.index('by-time').openCursor(null, 'prev');
  while (cursor && result.length < limit) {
    result.push(cursor.value);
    cursor = await cursor.continue();
  }
  return result;
}

/** Every event, oldest first (for export). */
export async function getAllEvents(): Promise<UsageEvent[]> {
  const db = await openUsageDb();
  return db.getAllFromIndex('events', 'by-time');
}
