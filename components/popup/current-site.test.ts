import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { describeSite } from '@/components/popup/current-site';

describe('the current site', () => {
  it('is paused under any spelling of its host, and a host named like an Object property is not', () => {
    const settings = { ...DEFAULT_SETTINGS, sites: { 'chatgpt.com': { ...DEFAULT_SITE_SETTINGS, enabled: false } } };
    expect(describeSite('https://www.chatgpt.com/c/1', 1, settings).paused).toBe(true);
    expect(describeSite('https://chatgpt.com/', 1, settings).paused).toBe(true);
    expect(describeSite('https://claude.ai/new', 1, settings).paused).toBe(false);
    expect(describeSite('http://constructor/', 1, settings).paused).toBe(false);
  });
});
