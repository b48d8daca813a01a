import { browser } from 'wxt/browser';
import { migrateLegacyAnthropicKey } from '@/utils/storage/anthropic-key';
import { incomingUsageEventSchema, type UsageEvent } from '@/utils/core/usage/usage-event';
import { holdTurns } from '@/utils/storage/held-turns';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * Background, at start-up: clears what earlier versions kept in storage.local, where content
 * scripts can reach it. The API key goes to the secrets database; old caches are removed; the
 * estimators' corrections start again (they now live in the extension's own IndexedDB, and a
 * stored value could have been written by any content script).
 *
 * Turns found in the old outboxes (0.1's one item per event, the per-site outboxes and the
 * started turns) could have been written by anything: none is recorded on the strength of its
 * own `site` field. Well-formed ones are held for the user's review (held-turns.ts: the popup
 * shows them, with their sites and cost, to keep or discard); the rest are dropped. All the
 * keys are removed. Reading all of storage.local is the background's right, never a content
 * script's.
 */
const OUTBOX_PREFIXES = [STORAGE_KEYS.legacyOutbox.key, STORAGE_KEYS.usageOutbox.key, STORAGE_KEYS.startedTurns.key];

export async function migrateLegacyStorage(now = Date.now()): Promise<{ held: number; dropped: number }> {
  await migrateLegacyAnthropicKey();
  await browser.storage.local.remove([STORAGE_KEYS.legacyUsageRevision.key, STORAGE_KEYS.legacyValidatedSettings.key, STORAGE_KEYS.estimateCorrections.key]);
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => OUTBOX_PREFIXES.some((prefix) => key.startsWith(prefix)));
  if (keys.length === 0) return { held: 0, dropped: 0 };
  const events = keys.flatMap((key) => legacyEvents(key, all[key]));
  const held = events.length ? await holdTurns(events.map((event) => ({ event, reason: 'unverified' as const, since: now }))) : 0;
  await browser.storage.local.remove(keys);
  const dropped = events.length - held;
  if (dropped > 0 || events.length === 0) console.warn(`[TokenTally] removed ${keys.length} old outbox items; ${held} turns held for review`);
  return { held, dropped };
}

/** The well-formed events one old outbox item holds (an event, a site's map of events, or a started turn). */
function legacyEvents(key: string, value: unknown): UsageEvent[] {
  const candidates: unknown[] = key.startsWith(STORAGE_KEYS.usageOutbox.key)
    ? Object.values(value && typeof value === 'object' ? value : {}).slice(0, 100)
    : key.startsWith(STORAGE_KEYS.startedTurns.key)
      ? [(value as { event?: unknown } | null)?.event && { ...(value as { event: object }).event, incomplete: true }]
      : [value];
  return candidates.flatMap((candidate) => {
    const parsed = incomingUsageEventSchema.safeParse(candidate);
    return parsed.success ? [parsed.data] : [];
  });
}
