import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingsSchema } from '@/utils/settings/settings-schema';
import { readCachedSettings, startWithCachedSettings, writeCachedSettings } from './early-popup-data';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

describe('cached validated settings', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  const settings = settingsSchema.parse({});
  const raw = '{"settings.limits":{"alertThresholds":[0.8,1]}}';

  it('are reused only for byte-identical stored settings', () => {
    expect(readCachedSettings(raw)).toBeNull();
    writeCachedSettings(raw, settings);
    expect(readCachedSettings(raw)).toEqual(settings);
    expect(readCachedSettings(raw.replace('0.8', '0.9'))).toBeNull();
  });

  it('a corrupt cache entry is ignored, not thrown', () => {
    localStorage.setItem('tokentally.popupSettings', '{not json');
    expect(readCachedSettings(raw)).toBeNull();
  });

  it('the early read is handed out only when the stored settings still match', async () => {
    writeCachedSettings(raw, settings);
    const early = startWithCachedSettings();
    expect(await early.use({ revision: 'r', settings: raw + ' ' })).toBeNull();
    const data = await early.use({ revision: 'r', settings: raw });
    expect(data).not.toBeNull();
    expect(data!.hasUsage).toBe(false);
    expect(data!.daily).not.toBeNull();
  });
});
