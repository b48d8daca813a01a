import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateLegacyStorage } from '@/utils/background/migrate-storage';
import { loadAnthropicKey } from '@/utils/storage/anthropic-key';
import { getRecentEvents } from '@/utils/storage/usage-queries';
import { makeEvent } from '@/test/unit/usage-test-helpers';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';

describe('start-up migration of what v0.1 left in storage.local', () => {
  it('moves the API key out, delivers the old outbox once, and drops what a tab of that site could not have recorded', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const good = makeEvent({ id: 'old-outbox-1' });
    const forged = makeEvent({ id: 'old-outbox-2', site: 'chatgpt.com', provider: 'google' });
    const absurd = { ...makeEvent({ id: 'old-outbox-3' }), time: 9e15 };
    await fakeBrowser.storage.local.set({
      anthropicApiKey: KEY,
      'tt-pending-usage:old-outbox-1': good,
      'tt-pending-usage:old-outbox-2': forged,
      'tt-pending-usage:old-outbox-3': absurd,
      firedAlerts: ['x'],
      usageRevision: 'abc',
      validatedSettings: { version: '0.1.0', raw: '{}', settings: {} },
    });
    const stored = vi.fn();
    await migrateLegacyStorage(stored);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ firedAlerts: ['x'] });
    expect(await loadAnthropicKey()).toBe(KEY);
    expect((await getRecentEvents(10)).map((e) => e.id)).toEqual(['old-outbox-1']);
    expect(stored).toHaveBeenCalledTimes(1);
    await migrateLegacyStorage(stored); // nothing left to do
    expect(stored).toHaveBeenCalledTimes(1);
  });
});
