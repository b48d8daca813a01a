import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings-schema';
import { exportSettingsJson, parseSettingsImport } from './settings-transfer';

describe('settings export/import', () => {
  it('round-trips', () => {
    const s = structuredClone(DEFAULT_SETTINGS);
    s.limits.openai.monthlyTokenLimit = 123_456;
    s.priceOverrides['gpt-4.1'] = { inputPerMTok: 1, outputPerMTok: 4 };
    s.sites['claude.ai'] = { enabled: false, defaultModel: 'claude-haiku-4-5', modelOverride: null, badgePosition: 'top-left', badgeHidden: false, projectedOutputTokens: 10 };
    expect(parseSettingsImport(exportSettingsJson(s))).toEqual({ ok: true, settings: s });
  });

  it('accepts a bare unversioned document and migrates it', () => {
    const result = parseSettingsImport(JSON.stringify({ alertThresholds: [90, 100] }));
    expect(result).toMatchObject({ ok: true, settings: { alertThresholds: [0.9, 1], version: 1 } });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['an array', '[1,2]', /not a TokenTally settings export/],
    ['a newer version', JSON.stringify({ version: 99 }), /newer TokenTally/],
  ])('refuses %s', (_name, text, message) => {
    const result = parseSettingsImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(message);
  });

  it('refuses invalid values and names the field', () => {
    const doc = { format: 'tokentally-settings', settings: { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, openai: { ...DEFAULT_SETTINGS.limits.openai, monthlyTokenLimit: -1 } } } };
    expect(parseSettingsImport(JSON.stringify(doc))).toEqual({ ok: false, errors: [{ path: 'limits.openai.monthlyTokenLimit', message: 'Must be 0 or more' }] });
  });
});
