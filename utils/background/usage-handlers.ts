import type { Handlers } from '@/utils/background/messaging/router';
import { loadSettings } from '@/utils/storage/settings-store';
import { broadcastUsageChanged } from '@/utils/background/usage-broadcast';
import { validateImportedEvents } from '@/utils/storage/usage-export';
import { deleteAllUsage, deleteEventsBefore, storeEvents } from '@/utils/storage/usage-store';
import { classifySender } from '@/utils/background/messaging/sender';
import { forgetPendingTurn } from '@/utils/storage/pending-turns';
import { releaseDueTurns, reviewUnverifiedTurns, takeTurns } from '@/utils/background/usage-intake';
import { DAY_MS } from '@/utils/storage/usage-aggregates';

/** Deletes events older than the retention setting; 0 when retention is "forever". */
export async function applyRetention(now = Date.now()): Promise<number> {
  const { retentionDays } = await loadSettings();
  if (retentionDays === null) return 0;
  const deleted = await deleteEventsBefore(now - retentionDays * DAY_MS);
  if (deleted > 0) void broadcastUsageChanged();
  return deleted;
}

/** Records the held turns the clock has caught up with (at start-up, daily, and with each new turn). */
export async function recordDueTurns(): Promise<number> {
  const stored = await releaseDueTurns();
  if (stored > 0) void broadcastUsageChanged();
  return stored;
}

/** The background's usage handlers. Each replies only after its transaction committed. */
export const usageHandlers: Pick<Handlers, 'record-usage' | 'import-usage' | 'delete-all-usage' | 'apply-retention' | 'review-held-turns'> = {
  'record-usage': async ({ event }, sender) => {
    const { stored, held } = await takeTurns([event]);
    // The turn's saved copy (turn-finaliser.ts) goes once its finished event is in; only the copy its own site's tab saved.
    const from = classifySender(sender);
    if (from.kind === 'content') await forgetPendingTurn(event.id, from.host).catch(() => undefined);
    if (stored) void broadcastUsageChanged();
    if (!held) void recordDueTurns().catch(() => undefined);
    return held ? { stored: false, quarantined: true } : { stored: stored === 1 };
  },
  'review-held-turns': async ({ keep }) => {
    const result = await reviewUnverifiedTurns(keep);
    void broadcastUsageChanged();
    return result;
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
