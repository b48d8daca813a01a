import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateLegacyStorage } from '@/utils/background/migrate-storage';
import { loadAnthropicKey } from '@/utils/storage/anthropic-key';
import { getRecentEvents } from '@/utils/storage/usage-queries';
import { readHeldTurns } from '@/utils/storage/held-turns';
import { reviewUnverifiedTurns } from '@/utils/background/usage-intake';
import { makeEvent } from '@/test/unit/usage-test-helpers';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';

describe('start-up migration of what earlier versions left in storage.local', () => {
  it('moves the API key out and records nothing from the old outboxes: well-formed turns wait for review, the rest go', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const good = makeEvent({ id: 'old-outbox-1' });
    const forged = makeEvent({ id: 'old-outbox-2', site: 'chatgpt.com', provider: 'google' });
    const claude = makeEvent({ id: 'site-outbox-1', site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' });
    const started = makeEvent({ id: 'started-turn-1', site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' });
    await fakeBrowser.storage.local.set({
      anthropicApiKey: KEY,
      'tt-pending-usage:old-outbox-1': good,
      'tt-pending-usage:old-outbox-2': forged,
      'tt-pending-usage:old-outbox-3': { ...makeEvent({ id: 'old-outbox-3' }), costUsd: 1e9 },
      'usageOutbox:claude.ai': { [claude.id]: claude, junk: 'x' },
      'startedTurn:started-turn-1': { event: started, pageId: 'page-1234-5678', heartbeatAt: 0 },
      estimateCorrections: { 'claude3-estimate': { ratio: 1.33, samples: 9, updated: Date.now() } },
      firedAlerts: ['x'],
      usageRevision: 'abc',
      validatedSettings: { version: '0.1.0', raw: '{}', settings: {} },
    });
    expect(await migrateLegacyStorage()).toEqual({ held: 4, dropped: 0 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ firedAlerts: ['x'] });
    expect(await loadAnthropicKey()).toBe(KEY);
    expect(await getRecentEvents(10)).toEqual([]);
    const held = await readHeldTurns();
    expect(held.map((t) => t.event.id).sort()).toEqual(['old-outbox-1', 'old-outbox-2', 'site-outbox-1', 'started-turn-1']);
    expect(held.every((t) => t.reason === 'unverified')).toBe(true);
    expect(held.find((t) => t.event.id === 'started-turn-1')!.event.incomplete).toBe(true);
    expect(await migrateLegacyStorage()).toEqual({ held: 0, dropped: 0 }); // nothing left to do

    // Kept by the user: each must pass the checks a tab's own turn passes (Google is not ChatGPT's provider).
    expect(await reviewUnverifiedTurns(true)).toEqual({ recorded: 3, discarded: 1 });
    expect((await getRecentEvents(10)).map((e) => e.id).sort()).toEqual(['old-outbox-1', 'site-outbox-1', 'started-turn-1']);
    expect(await readHeldTurns()).toEqual([]);
  });

  it('discarding records nothing and empties the hold', async () => {
    await fakeBrowser.storage.local.set({ 'usageOutbox:claude.ai': { a: makeEvent({ id: 'forged-turn-01', site: 'claude.ai', provider: 'anthropic', model: 'claude-sonnet-4-5' }) } });
    await migrateLegacyStorage();
    expect(await reviewUnverifiedTurns(false)).toEqual({ recorded: 0, discarded: 1 });
    expect(await getRecentEvents(10)).toEqual([]);
    expect(await readHeldTurns()).toEqual([]);
  });
});
