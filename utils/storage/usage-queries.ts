import type { IDBPIndex, IDBPTransaction } from 'idb';
import type { ProviderId } from '@/utils/core/models/model-types';
import { openUsageDb, type UsageDb } from '@/utils/storage/usage-db';
import { DAY_MS, HOUR_MS, SPANS, type UsageAggregate } from '@/utils/storage/usage-aggregates';
import { localDays } from '@/utils/core/usage/local-days';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { isWithinBounds, latestEventTime, MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';
import { MAX_CLOCK_BEHIND_MS } from '@/utils/core/usage/view-clock';
import { addSums, emptyTotals, eventSums, SUM_FIELDS, sumTotals, type UsageTotals } from '@/utils/core/usage/usage-totals';

/** Read-only queries for the popup and options pages. Ranges are [from, to) in epoch ms. */

export interface TimeRange {
  from: number;
  to: number;
}

type ReadTx = IDBPTransaction<UsageDb, ('events' | 'aggregates')[], 'readonly'>;

/** A slice of usage with its provider, model and start time (aggregate or single event). */
type Piece = Omit<UsageAggregate, 'span'>;

function eventPiece(e: UsageEvent): Piece {
  return { start: e.time, provider: e.provider, model: e.model, ...eventSums(e) };
}

/**
 * Aggregates are written only from events within bounds, so their sums are finite; a record
 * damaged by other means must not turn every total into NaN or $∞.
 */
function saneAggregates(rows: UsageAggregate[]): UsageAggregate[] {
  return rows.filter((row) => SUM_FIELDS.every((f) => typeof row[f] === 'number' && Number.isFinite(row[f])));
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
    // Bounds as of the range's end: a view reading as of a record dated after this clock (view-clock.ts) sums it like the aggregates do.
    return [byTime.getAll(IDBKeyRange.bound(from, to, false, true)).then((events) => events.filter((e) => isWithinBounds(e, Math.max(Date.now(), to))).map(eventPiece))];
  }
  const alignedFrom = ceilTo(from, span);
  const alignedTo = floorTo(to, span);
  if (alignedFrom >= alignedTo) return collectPieces(tx, from, to, narrower);
  return [
    tx.objectStore('aggregates').getAll(IDBKeyRange.bound([span, alignedFrom], [span, alignedTo], false, true)).then(saneAggregates),
    ...collectPieces(tx, from, alignedFrom, narrower),
    ...collectPieces(tx, alignedTo, to, narrower),
  ];
}

function readTx(): Promise<ReadTx> {
  return openUsageDb().then((db) => db.transaction(['events', 'aggregates'], 'readonly'));
}

export async function getTotals(range: TimeRange, provider?: ProviderId): Promise<UsageTotals> {
  return tidy(sumTotals(await getTotalsByModel(range, provider)));
}

/** Totals per provider+model, largest cost first (then most tokens). */
export async function getTotalsByModel(range: TimeRange, provider?: ProviderId): Promise<ModelTotals[]> {
  return (await getUsageOverview({ totals: [range] }, provider)).byModel[0]!;
}

/** Totals per calendar day in `timeZone` (days with no usage are omitted), oldest first. */
export async function getDailyTotals(
  range: TimeRange,
  timeZone: string,
  provider?: ProviderId,
): Promise<Array<{ day: string; totals: UsageTotals }>> {
  const { daily } = await getUsageOverview({ totals: [], daily: { range, timeZone } }, provider);
  return daily ?? [];
}

export interface ModelTotals {
  provider: ProviderId;
  model: string;
  totals: UsageTotals;
}

export interface UsageOverviewRequest {
  /** Ranges to total per provider+model (e.g. each distinct billing period). */
  totals: TimeRange[];
  /** A range to split into calendar days of `timeZone`. */
  daily?: { range: TimeRange; timeZone: string };
}

export interface UsageOverview {
  /** Per request range, per provider+model, largest cost first. */
  byModel: ModelTotals[][];
  /** Days with usage, oldest first; null when not asked. */
  daily: Array<{ day: string; totals: UsageTotals }> | null;
}

/**
 * Everything a view needs in one read-only transaction, all requests in flight at once.
 *
 * The read is built on whole-UTC-day aggregates, read once for the union of all ranges. A
 * range (or local day) is split at UTC midnights; each part that is not a whole UTC day is
 * summed either directly (hours, quarters at the edges, raw events for the rest) or, when
 * shorter, as its UTC day minus the complement. A New York day is then 1 day record plus 5
 * hour records per model instead of 24. Token counts and turns are integers, so the result
 * is exact; costs are float sums either way.
 */
export async function getUsageOverview(request: UsageOverviewRequest, provider?: ProviderId): Promise<UsageOverview> {
  const days = request.daily ? localDays(request.daily.range, request.daily.timeZone) : [];
  const ranges = request.totals.filter((r) => r.to > r.from);
  const all = [...ranges, ...(days.length ? [{ from: days[0]!.from, to: days.at(-1)!.to }] : [])];
  if (all.length === 0) return { byModel: request.totals.map(() => []), daily: request.daily ? [] : null };

  const tx = await readTx();
  const unionFrom = floorTo(Math.min(...all.map((r) => r.from)), DAY_MS);
  const unionTo = ceilTo(Math.max(...all.map((r) => r.to)), DAY_MS);
  const dayRows = tx.objectStore('aggregates')
    .getAll(IDBKeyRange.bound([DAY_MS, unionFrom], [DAY_MS, unionTo], false, true))
    .then(saneAggregates)
    .then((rows) => {
      const byStart = new Map<number, Piece[]>();
      for (const row of rows) {
        const list = byStart.get(row.start);
        if (list) list.push(row);
        else byStart.set(row.start, [row]);
      }
      return byStart;
    });
  const reader = new EdgeReader(tx);

  const rangeParts = ranges.map((r) => signedParts(r.from, r.to, dayRows, reader));
  const dayParts = days.map((d) => signedParts(d.from, d.to, dayRows, reader));

  const byModel = await Promise.all(rangeParts.map(async (parts) => {
    const rows = new Map<string, ModelTotals>();
    for (const { pieces, sign } of await settle(parts)) {
      for (const piece of pieces) {
        if (provider && piece.provider !== provider) continue;
        const key = `${piece.provider}\u0000${piece.model}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { provider: piece.provider, model: piece.model, totals: emptyTotals() }));
        addSums(row.totals, piece, sign);
      }
    }
    return [...rows.values()].filter((r) => r.totals.turns > 0).map((r) => ({ ...r, totals: tidy(r.totals) })).sort(byCostThenTokens);
  }));
  const daily = request.daily
    ? (await Promise.all(dayParts.map(async (parts, i) => {
        const totals = emptyTotals();
        for (const { pieces, sign } of await settle(parts)) {
          for (const piece of pieces) if (!provider || piece.provider === provider) addSums(totals, piece, sign);
        }
        return { day: days[i]!.day, totals: tidy(totals) };
      }))).filter((d) => d.totals.turns > 0)
    : null;
  globalThis.performance?.mark?.('tt:overview');
  return { byModel: request.totals.map((r) => (r.to > r.from ? byModel.shift()! : [])), daily };
}

type SignedPart = { pieces: Promise<Piece[]>; sign: 1 | -1 };

async function settle(parts: SignedPart[]): Promise<Array<{ pieces: Piece[]; sign: 1 | -1 }>> {
  return Promise.all(parts.map(async ({ pieces, sign }) => ({ pieces: await pieces, sign })));
}

/** Subtraction leaves float residue in a cost that should be exactly what was added. */
function tidy(t: UsageTotals): UsageTotals {
  if (t.turns === t.unpricedTurns) t.costUsd = 0;
  return t;
}

const byCostThenTokens = (a: ModelTotals, b: ModelTotals) =>
  b.totals.costUsd - a.totals.costUsd || b.totals.inputTokens + b.totals.outputTokens - (a.totals.inputTokens + a.totals.outputTokens);

/** [from, to) as signed reads: whole UTC days from the day records, partial days the cheaper way. */
function signedParts(from: number, to: number, dayRows: Promise<Map<number, Piece[]>>, reader: EdgeReader): SignedPart[] {
  const parts: SignedPart[] = [];
  for (let day = floorTo(from, DAY_MS); day < to; day += DAY_MS) {
    const s = Math.max(from, day);
    const e = Math.min(to, day + DAY_MS);
    const whole = dayRows.then((m) => m.get(day) ?? []);
    if (s === day && e === day + DAY_MS) {
      parts.push({ pieces: whole, sign: 1 });
    } else if (e - s > DAY_MS / 2) {
      parts.push({ pieces: whole, sign: 1 });
      if (s > day) parts.push({ pieces: reader.pieces(day, s), sign: -1 });
      if (e < day + DAY_MS) parts.push({ pieces: reader.pieces(e, day + DAY_MS), sign: -1 });
    } else {
      parts.push({ pieces: reader.pieces(s, e), sign: 1 });
    }
  }
  return parts;
}

/** Reads of sub-day spans, each asked of IndexedDB once per transaction however often it is needed. */
class EdgeReader {
  private readonly cache = new Map<string, Promise<Piece[]>>();
  constructor(private readonly tx: ReadTx) {}

  pieces(from: number, to: number): Promise<Piece[]> {
    const key = `${from}-${to}`;
    let read = this.cache.get(key);
    if (!read) {
      read = Promise.all(collectPieces(this.tx, from, to, SUB_DAY_SPANS)).then((lists) => lists.flat());
      this.cache.set(key, read);
    }
    return read;
  }
}

const SUB_DAY_SPANS = SPANS.filter((s) => s < DAY_MS);

export interface RecentEvents {
  /** The newest events within bounds, newest first. */
  events: UsageEvent[];
  /** Stored records outside the bounds (usage-bounds.ts), none of which is shown or summed. */
  skipped: number;
  /**
   * The time of the newest record dated after `now` allows, if one is within a year of it: this
   * computer's clock was moved back after it was recorded (views then read as of that time,
   * view-clock.ts). Null when there is none.
   */
  newestAhead?: number | null;
}

/** The newest events, newest first (records out of bounds left out). */
export async function getRecentEvents(limit: number, now = Date.now()): Promise<UsageEvent[]> {
  return (await readRecentEvents(limit, now)).events;
}

/**
 * The newest events, and how many stored records are out of bounds: those in quarantine, those
 * stamped before 2020 or after tomorrow (cheap index counts), and those of the newest whose
 * numbers are out of bounds.
 */
export async function readRecentEvents(limit: number, now = Date.now()): Promise<RecentEvents> {
  const db = await openUsageDb();
  const tx = db.transaction(['events', 'quarantine']);
  const byTime = tx.objectStore('events').index('by-time');
  const latest = latestEventTime(now);
  const outside = Promise.all([
    tx.objectStore('quarantine').count(),
    byTime.count(IDBKeyRange.upperBound(MIN_EVENT_TIME, true)),
    byTime.count(IDBKeyRange.lowerBound(latest, true)),
  ]).then((counts) => counts.reduce((a, b) => a + b, 0));
  const newest = limit > 0 ? newestEvents(byTime, limit, now, latest) : Promise.resolve([]);
  const ahead = byTime.openKeyCursor(IDBKeyRange.bound(latest, now + MAX_CLOCK_BEHIND_MS, true, false), 'prev').then((cursor) => (cursor ? Number(cursor.key) : null));
  const [read, outsideCount, newestAhead] = await Promise.all([newest, outside, ahead]);
  const events = read.filter((e) => isWithinBounds(e, now));
  globalThis.performance?.mark?.('tt:recent');
  return { events, skipped: outsideCount + read.length - events.length, newestAhead };
}

/** Windows tried before walking a cursor: one getAll instead of a round trip per event. */
const RECENT_WINDOWS_MS = [15 * 60_000, HOUR_MS, 6 * HOUR_MS, DAY_MS, 7 * DAY_MS];

type TimeIndex = IDBPIndex<UsageDb, ('events' | 'quarantine')[], 'events', 'by-time', 'readonly'>;

async function newestEvents(byTime: TimeIndex, limit: number, now: number, latest: number): Promise<UsageEvent[]> {
  // The smallest recent window holding enough events (counting reads keys only), up to the
  // latest time a record may carry (a clock a little ahead is fine; 9e15 is not).
  // One window at a time: counting walks the index, so a wide window costs what it holds.
  for (const window of RECENT_WINDOWS_MS) {
    const range = IDBKeyRange.bound(now - window, latest);
    const count = await byTime.count(range);
    if (count < limit) continue;
    if (count > limit * 8) break;
    return (await byTime.getAll(range)).slice(-limit).reverse();
  }
  const result: UsageEvent[] = [];
  let cursor = await byTime.openCursor(IDBKeyRange.bound(MIN_EVENT_TIME, latest), 'prev');
  while (cursor && result.length < limit) {
    result.push(cursor.value);
    cursor = await cursor.continue();
  }
  return result;
}

/**
 * Every event within bounds, oldest first (for export), and how many stored records were left
 * out because they are not (quarantined ones included).
 */
export async function readExportableEvents(now = Date.now()): Promise<{ events: UsageEvent[]; skipped: number }> {
  const db = await openUsageDb();
  const tx = db.transaction(['events', 'quarantine']);
  const [all, quarantined] = await Promise.all([tx.objectStore('events').index('by-time').getAll(), tx.objectStore('quarantine').count()]);
  const events = all.filter((e) => isWithinBounds(e, now));
  return { events, skipped: quarantined + all.length - events.length };
}
