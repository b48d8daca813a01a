import { describe, expect, it } from 'vitest';
import { settingsChanges } from '@/utils/core/settings/settings-changes';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import type { Settings } from '@/utils/core/settings/settings-schema';

describe('the "what will change" list', () => {
  it('names the leaves that differ, in words', () => {
    const after = { ...DEFAULT_SETTINGS, retentionDays: 30 } as Settings;
    expect(settingsChanges(DEFAULT_SETTINGS, after)).toEqual([{ path: 'retentionDays', label: 'Retention days', from: 'none', to: '30' }]);
  });

  it('reads a key named like an Object property as a plain key, never as Object\'s own', () => {
    const after = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, constructor: 7 } } as unknown as Settings;
    const changes = settingsChanges(DEFAULT_SETTINGS, after);
    expect(changes).toEqual([{ path: 'sites.constructor', label: 'Sites › Constructor', from: 'not set', to: '7' }]);
    expect(JSON.stringify(changes)).not.toContain('native code');
  });
});
