import { openUsageDb } from '@/utils/storage/usage-db';
import type { SentMessage } from '@/utils/core/meters/chatgpt-windows';
import { METER_SITE_HOSTS } from '@/utils/core/meters/meter-types';

/**
 * The chat messages TokenTally recorded on chatgpt.com since `since`: the input of the
 * ChatGPT message caps. Playground and API console turns have their own limits and are left
 * out. Reads the time index only over the window (a heavy week is a few thousand records).
 */
export async function chatgptMessagesSince(since: number, now = Date.now()): Promise<SentMessage[]> {
  const db = await openUsageDb();
  const events = await db.getAllFromIndex('events', 'by-time', IDBKeyRange.bound(since, now + 60_000));
  const hosts = METER_SITE_HOSTS.chatgpt;
  return events.filter((e) => e.kind === 'chat' && hosts.includes(e.site)).map((e) => ({ time: e.time, model: e.model }));
}
