import { openDB, type IDBPDatabase } from 'idb';
import { parseFeedPoint, type FeedPoint } from '@/utils/core/telemetry/feed-point';
import { checkedOtlpHeaders } from '@/utils/core/telemetry/otlp-headers';
import { parseFeedStatus, type FeedStatus } from '@/utils/core/telemetry/feed-status';

/**
 * The team feed's database, in the extension's own IndexedDB (no content script can reach it):
 * - `outbox`: the points waiting to be sent, in the order they were recorded (an increasing
 *   key), one per event id (a unique index), so a retried turn is never queued twice;
 * - `sent`: the ids already delivered, kept 30 days, so a turn recorded again is not resent;
 * - `meta`: the export status the options page shows, the collector's headers (credentials:
 *   only here, never in storage.sync or an export), and this profile's random instance id.
 * Background and the options page only.
 */
export const OTLP_DB_NAME = 'tokentally-otlp';
const OUTBOX = 'outbox';
const SENT = 'sent';
const META = 'meta';

export interface QueuedPoint {
  seq: number;
  point: FeedPoint;
}

let cached: { factory: IDBFactory; db: Promise<IDBPDatabase> } | null = null;
function open(): Promise<IDBPDatabase> {
  // Tests swap the global factory between cases; a connection to the old one is stale.
  if (!cached || cached.factory !== globalThis.indexedDB) {
    const db = openDB(OTLP_DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore(OUTBOX, { keyPath: 'seq', autoIncrement: true }).createIndex('by-event', 'eventId', { unique: true });
        database.createObjectStore(SENT, { keyPath: 'eventId' }).createIndex('by-time', 'sentAt');
        database.createObjectStore(META);
      },
    });
    cached = { factory: globalThis.indexedDB, db };
    db.catch(() => {
      cached = null;
    });
  }
  return cached.db;
}

export interface EnqueueResult {
  queued: number;
  /** Already waiting, or already sent. */
  duplicates: number;
  /** Not queued because the outbox held `limit` points. */
  refused: number;
}

/** Queues the points whose ids are new, up to `limit` waiting in all; one transaction. */
export async function enqueuePoints(points: readonly FeedPoint[], limit: number): Promise<EnqueueResult> {
  const db = await open();
  const tx = db.transaction([OUTBOX, SENT], 'readwrite');
  const outbox = tx.objectStore(OUTBOX);
  let size = await outbox.count();
  const result: EnqueueResult = { queued: 0, duplicates: 0, refused: 0 };
  const seen = new Set<string>();
  for (const point of points) {
    const known = seen.has(point.eventId) || (await outbox.index('by-event').getKey(point.eventId)) !== undefined || (await tx.objectStore(SENT).getKey(point.eventId)) !== undefined;
    seen.add(point.eventId);
    if (known) result.duplicates++;
    else if (size >= limit) result.refused++;
    else {
      await outbox.add({ ...point });
      size++;
      result.queued++;
    }
  }
  await tx.done;
  return result;
}

/** The oldest `max` waiting points, in the order they were queued; unreadable ones are dropped. */
export async function readOutbox(max: number): Promise<QueuedPoint[]> {
  const rows = (await (await open()).getAll(OUTBOX, null, max)) as Array<{ seq: number } & Record<string, unknown>>;
  const queued: QueuedPoint[] = [];
  const broken: number[] = [];
  for (const { seq, ...rest } of rows) {
    const point = parseFeedPoint(rest);
    if (point) queued.push({ seq, point });
    else broken.push(seq);
  }
  if (broken.length) await deleteQueued(broken);
  return queued;
}

async function deleteQueued(seqs: number[]): Promise<void> {
  const tx = (await open()).transaction(OUTBOX, 'readwrite');
  await Promise.all(seqs.map((seq) => tx.store.delete(seq)));
  await tx.done;
}

/** Delivered: out of the outbox and into the ledger of sent ids, together. */
export async function markSent(queued: readonly QueuedPoint[], now: number): Promise<void> {
  const tx = (await open()).transaction([OUTBOX, SENT], 'readwrite');
  await Promise.all(queued.flatMap(({ seq, point }) => [tx.objectStore(OUTBOX).delete(seq), tx.objectStore(SENT).put({ eventId: point.eventId, sentAt: now })]));
  await tx.done;
}

/** Forgets sent ids older than `before` (epoch ms); returns how many. */
export async function pruneSent(before: number): Promise<number> {
  const tx = (await open()).transaction(SENT, 'readwrite');
  const keys = await tx.store.index('by-time').getAllKeys(IDBKeyRange.upperBound(before, true));
  await Promise.all(keys.map((key) => tx.store.delete(key)));
  await tx.done;
  return keys.length;
}

export async function outboxSize(): Promise<number> {
  return (await open()).count(OUTBOX);
}

/** Empties the outbox (the feed was switched off); returns how many points were dropped. */
export async function clearOutbox(): Promise<number> {
  const tx = (await open()).transaction(OUTBOX, 'readwrite');
  const size = await tx.store.count();
  await tx.store.clear();
  await tx.done;
  return size;
}

export async function readFeedStatus(): Promise<FeedStatus> {
  return parseFeedStatus(await (await open()).get(META, 'status'));
}

/** Applies `change` to the stored status in one transaction. */
export async function updateFeedStatus(change: (status: FeedStatus) => FeedStatus): Promise<FeedStatus> {
  const tx = (await open()).transaction(META, 'readwrite');
  const next = change(parseFeedStatus(await tx.store.get('status')));
  await tx.store.put(next, 'status');
  await tx.done;
  return next;
}

export async function readOtlpHeaders(): Promise<Record<string, string>> {
  return checkedOtlpHeaders(await (await open()).get(META, 'headers')) ?? {};
}

export async function writeOtlpHeaders(headers: Record<string, string>): Promise<void> {
  await (await open()).put(META, { ...headers }, 'headers');
}

/** This profile's service.instance.id: random, made once, never derived from anything of the user's. */
export async function feedInstanceId(): Promise<string> {
  const tx = (await open()).transaction(META, 'readwrite');
  const existing: unknown = await tx.store.get('instanceId');
  const id = typeof existing === 'string' && /^[0-9a-f-]{36}$/.test(existing) ? existing : crypto.randomUUID();
  if (id !== existing) await tx.store.put(id, 'instanceId');
  await tx.done;
  return id;
}
