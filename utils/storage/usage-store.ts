import { openUsageDb } from '@/utils/storage/usage-db';
import { addEventsToAggregates } from '@/utils/storage/usage-aggregates';
import type { UsageEvent } from '@/utils/core/usage/usage-event';

/**
 * Writes to the usage database. Background only. Each function runs in one readwrite
 * transaction over events + aggregates and resolves only once it has committed, so an
 * acknowledged write is durable and the aggregates never disagree with the events.
 */

/** Stores the events whose ids are new; returns how many were stored (the rest are duplicates). */
export async function storeEvents(events: UsageEvent[]): Promise<{ stored: number; duplicates: number }> {
  const db = await openUsageDb();
  const tx = db.transaction(['events', 'aggregates'], 'readwrite');
  const eventsStore = tx.objectStore('events');
  const seen = new Set<string>();
  const fresh: UsageEvent[] = [];
  // The existence check and the aggregate update share this transaction: a retried or
  // re-imported id can never be counted twice, even with concurrent writers.
  const exists = await existenceCheck(eventsStore, events);
  events.forEach((event) => {
    if (exists(event.id) || seen.has(event.id)) return;
    seen.add(event.id);
    fresh.push(event);
  });
  await Promise.all(fresh.map((e) => eventsStore.add(e)));
  await addEventsToAggregates(tx.objectStore('aggregates'), fresh);
  await tx.done;
  return { stored: fresh.length, duplicates: events.length - fresh.length };
}

/** Above this batch size one key scan beats a lookup per event (big imports). */
const KEY_SCAN_THRESHOLD = 512;

async function existenceCheck(
  store: { getKey(id: string): Promise<string | undefined>; getAllKeys(range?: IDBKeyRange): Promise<string[]> },
  events: UsageEvent[],
): Promise<(id: string) => boolean> {
  if (events.length > KEY_SCAN_THRESHOLD) {
    let lo = events[0]!.id;
    let hi = lo;
    for (const { id } of events) {
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
    // Only the stored ids between the batch's smallest and largest (exported ids cluster).
    const keys = new Set(await store.getAllKeys(IDBKeyRange.bound(lo, hi)));
    return (id) => keys.has(id);
  }
  const found = new Set<string>();
  await Promise.all(events.map(async (e) => { if ((await store.getKey(e.id)) !== undefined) found.add(e.id); }));
  return (id) => found.has(id);
}

export async function deleteAllUsage(): Promise<void> {
  const db = await openUsageDb();
  const tx = db.transaction(['events', 'aggregates', 'quarantine'], 'readwrite');
  await Promise.all([tx.objectStore('events').clear(), tx.objectStore('aggregates').clear(), tx.objectStore('quarantine').clear()]);
  await tx.done;
}

/** Deletes events older than `cutoff` (epoch ms) and takes them out of the aggregates. */
export async function deleteEventsBefore(cutoff: number): Promise<number> {
  const db = await openUsageDb();
  const tx = db.transaction(['events', 'aggregates'], 'readwrite');
  const byTime = tx.objectStore('events').index('by-time');
  const old = await byTime.getAll(IDBKeyRange.upperBound(cutoff, true));
  await Promise.all(old.map((e) => tx.objectStore('events').delete(e.id)));
  await addEventsToAggregates(tx.objectStore('aggregates'), old, -1);
  await tx.done;
  return old.length;
}
