import type { Handlers } from '@/utils/background/messaging/router';
import { loadSettings } from '@/utils/storage/settings-store';
import { broadcastUsageChanged } from '@/utils/background/usage-broadcast';
import { validateImportedEvents } from '@/utils/storage/usage-export';
import { deleteAllUsage, deleteEventsBefore, storeEvents } from '@/utils/storage/usage-store';
import { DAY_MS } from '@/utils/storage/usage-aggregates';

/** Deletes events older than the retention setting; 0 when retention is "forever". */
export async function applyRetention(now = Date.now()): Promise<number> {
  const { retentionDays } = await loadSettings();
  if (retentionDays === null) return 0;
  const deleted = await deleteEventsBefore(now - retentionDays * DAY_MS);
  if (deleted > 0) void broadcastUsageChanged();
  return deleted;
}

/** The background's usage handlers. Each replies only after its transaction committed. */
export const usageHandlers: Omit<Handlers, 'count' | 'count-exact' | 'observe-exact-count' | 'ping' | 'meter-claim' | 'meter-report' | 'meter-notice' | 'turn-started' | 'page-started' | 'site-health' | 'settings' | 'update-site-settings'> = {
  'record-usage': async ({ event }) => {
    const { stored } = await storeEvents([event]);
    if (stored) void broadcastUsageChanged();
    return { stored: stored === 1 };
  },
  'import-usage': async ({ events }) => {
    const valid = validateImportedEvents(events);
    const { stored, duplicates } = await storeEvents(valid);
    if (stored) void broadcastUsageChanged();
    return { imported: stored, duplicates };
  },
  'delete-all-usage': async () => {
    await deleteAllUsage();
    void broadcastUsageChanged();
    return { deleted: true };
  },
  'apply-retention': async () => ({ deleted: await applyRetention() }),
};
