import { browser } from 'wxt/browser';
import { migrateLegacyAnthropicKey } from '@/utils/storage/anthropic-key';
import { recordFromTabProblem } from '@/utils/background/messaging/tab-site-check';
import { usageEventSchema, type UsageEvent } from '@/utils/core/usage/usage-event';
import { storeEvents } from '@/utils/storage/usage-store';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * Background, at start-up: clears what 0.1 stores in storage.local, where content scripts can
 * reach it. The API key goes to the secrets database; 0.1's popup caches are removed (the
 * validated settings live in storage.session, out of content scripts' reach); 0.1's
 * one-item-per-event outbox is delivered here, each event held to what a tab of its own site
 * could have recorded, and removed. Reading all of storage.local is the background's right,
 * never a content script's.
 */
export async function migrateLegacyStorage(onUsageStored: () => unknown = () => {}): Promise<void> {
  await migrateLegacyAnthropicKey();
  await browser.storage.local.remove([STORAGE_KEYS.legacyUsageRevision.key, STORAGE_KEYS.legacyValidatedSettings.key]);
  const all = await browser.storage.local.get(null);
  const legacyKeys = Object.keys(all).filter((key) => key.startsWith(STORAGE_KEYS.legacyOutbox.key));
  if (legacyKeys.length === 0) return;
  const events: UsageEvent[] = [];
  for (const key of legacyKeys) {
    const parsed = usageEventSchema.safeParse(all[key]);
    if (parsed.success && recordFromTabProblem(parsed.data, { host: parsed.data.site }) === null) events.push(parsed.data);
    else console.warn(`[TokenTally] dropped an invalid v0.1 outbox item (${key})`);
  }
  if (events.length && (await storeEvents(events)).stored > 0) onUsageStored();
  await browser.storage.local.remove(legacyKeys);
}
