import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSiteHealth, saveSiteHealth, validSiteHealth } from '@/utils/storage/site-health-store';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

describe('stored site health', () => {
  const now = Date.UTC(2026, 11, 7, 12);
  const record = { reading: 'adapter', since: now - 60_000, roles: { composer: 'adapter', reply: 'fallback' }, reportedAt: now };

  it('keeps well-formed records and leaves out any the popup could not show (storage.local is within content scripts reach)', () => {
    const valid = validSiteHealth(
      {
        'claude.ai': record,
        'epoch.example': { ...record, since: 0 },
        'future.example': { ...record, reportedAt: 9e15 },
        'odd.example': { ...record, reading: 'hacked' },
        'roles.example': { ...record, roles: { composer: 'adapter', send: '<img>' } },
        'junk.example': 'junk',
      },
      now,
    );
    expect(Object.keys(valid).sort()).toEqual(['claude.ai', 'roles.example']);
    expect(valid['roles.example']!.roles).toEqual({ composer: 'adapter' });
    expect(validSiteHealth('garbage', now)).toEqual({});
  });

  it('reads back what the background saved, and nothing planted beside it', async () => {
    await saveSiteHealth('chatgpt.com', { reading: 'fallback', since: Date.now() - 1000, roles: { composer: 'fallback' } });
    const stored = (await fakeBrowser.storage.local.get(STORAGE_KEYS.siteHealth.key))[STORAGE_KEYS.siteHealth.key] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.siteHealth.key]: { ...stored, 'planted.example': { ...record, since: -1 } } });
    expect(Object.keys(await readSiteHealth())).toEqual(['chatgpt.com']);
  });
});
