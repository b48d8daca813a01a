import type { IDBPTransaction } from 'idb';
import type { ProviderId } from '../models/model-types';
import { openUsageDb, type UsageDb } from './usage-db';
import { DAY_MS, QUARTER_MS, type UsageAggregate } from './usage-aggregates';
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
 * Every piece of usage inside [from, to), exactly once: whole UTC days from the day
 * aggregates (when `useDays`), whole quarters from the 15-minute ones, raw events for the
 * unaligned edges.
 */
async function collectPieces(tx: ReadTx, { from, to }: TimeRange, useDays: boolean): Promise<Piece[]> {
  if (!(to > from)) return [];
  const events = tx.objectStore('events').index('by-time');
  const aggregates = tx.objectStore('aggregates');
  const eventsIn = async (a: number, b: number) =>
    b > a ? (await events.getAll(IDBKeyRange.bound(a, b, false, true))).map(eventPiece) : [];
  const aggregatesIn = async (span: number, a: number, b: number): Promise<Piece[]> =>
    b > a ? await aggregates.getAll(IDBKeyRange.bound([span, a], [span, b], false, true)) : [];

  const qFrom = ceilTo(from, QUARTER_MS);
  const qTo = floorTo(to, QUARTER_MS);
  if (qFrom >= qTo) return eventsIn(from, to);
  const dFrom = ceilTo(qFrom, DAY_MS);
  const dTo = floorTo(qTo, DAY_MS);
  const parts: Promise<Piece[]>[] = [eventsIn(from, qFrom), eventsIn(qTo, to)];
  if (useDays && dFrom < dTo) {
    parts.push(aggregatesIn(DAY_MS, dFrom, dTo), aggregatesIn(QUARTER_MS, qFrom, dFrom), aggregatesIn(QUARTER_MS, dTo, qTo));
  } else {
    parts.push(aggregatesIn(QUARTER_MS, qFrom, qTo));
  }
  return (await Promise.all(parts)).flat();
}

async function readPieces(range: TimeRange, useDays: boolean, provider?: ProviderId): Promise<Piece[]> {
  const db = await openUsageDb();
  const tx = db.transaction(['events', 'aggregates'], 'readonly');
  const pieces = await collectPieces(tx, range, useDays);
  return provider ? pieces.filter((p) => p.provider === provider) : pieces;
}

export async function getTotals(range: TimeRange, provider?: ProviderId): Promise<UsageTotals> {
  const totals = emptyTotals();
  for (const piece of await readPieces(range, true, provider)) addPiece(totals, piece);
  return totals;
}

/** Totals per provider+model, largest cost first (then most tokens). */
export async function getTotalsByModel(
  range: TimeRange,
  provider?: ProviderId,
): Promise<Array<{ provider: ProviderId; model: string; totals: UsageTotals }>> {
  const byModel = new Map<string, { provider: ProviderId; model: string; totals: UsageTotals }>();
  for (const piece of await readPieces(range, true, provider)) {
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
  // Local days need not align with UTC days, so only quarters and events are used here.
  const pieces = await readPieces(range, false, provider);
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOfQuarter = new Map<number, string>();
  const byDay = new Map<string, UsageTotals>();
  for (const piece of pieces) {
    // Every quarter lies within one local day (offsets are multiples of 15 minutes).
    const quarter = floorTo(piece.start, QUARTER_MS);
    let day = dayOfQuarter.get(quarter);
    if (day === undefined) dayOfQuarter.set(quarter, (day = format.format(quarter)));
    let totals = byDay.get(day);
    if (!totals) byDay.set(day, (totals = emptyTotals()));
    addPiece(totals, piece);
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, totals]) => ({ day, totals }));
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
