import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS, settingsSchema, siteSettingsFor, siteSettingsSchema } from '@/utils/core/settings/settings-schema';
import { validateSettings } from '@/utils/core/settings/settings-validation';

const withOpenAi = (limits: Record<string, unknown>) => ({
  ...DEFAULT_SETTINGS,
  limits: { ...DEFAULT_SETTINGS.limits, openai: { ...DEFAULT_SETTINGS.limits.openai, ...limits } },
});

describe('settings schema', () => {
  it('has defaults for everything', () => {
    // The plain-data defaults (settings-defaults.ts, for the content script) are the schema's own.
    expect(settingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
    expect(siteSettingsSchema.parse({})).toEqual(DEFAULT_SITE_SETTINGS);
    expect(siteSettingsFor(DEFAULT_SETTINGS, 'claude.ai')).not.toBe(siteSettingsFor(DEFAULT_SETTINGS, 'claude.ai'));
    expect(DEFAULT_SETTINGS.limits.openai).toMatchObject({ monthlyTokenLimit: null, cycleStartDay: 1, timezone: 'UTC' });
    expect(DEFAULT_SETTINGS.anthropicExactCounts).toBe(false);
    expect(siteSettingsFor(DEFAULT_SETTINGS, 'claude.ai')).toMatchObject({ enabled: true, badgePosition: 'bottom-right' });
  });

  it.each([
    ['negative', { monthlyTokenLimit: -1 }, 'limits.openai.monthlyTokenLimit', /0 or more/],
    ['NaN', { monthlyTokenLimit: Number.NaN }, 'limits.openai.monthlyTokenLimit', /number/i],
    ['fractional', { monthlyTokenLimit: 1.5 }, 'limits.openai.monthlyTokenLimit', /whole/],
    ['absurd', { monthlyTokenLimit: 1e20 }, 'limits.openai.monthlyTokenLimit', /at most/],
    ['infinite budget', { monthlyBudgetUsd: Number.POSITIVE_INFINITY }, 'limits.openai.monthlyBudgetUsd', /amount/i],
    ['day 31', { cycleStartDay: 31 }, 'limits.openai.cycleStartDay', /1 to 28/],
    ['unknown timezone', { timezone: 'Mars/Olympus' }, 'limits.openai.timezone', /timezone/i],
    ['text as TPM', { tpm: '30000' }, 'limits.openai.tpm', /number/i],
  ])('rejects a %s limit with a clear message', (_name, patch, path, message) => {
    const result = validateSettings(withOpenAi(patch));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ path })]);
    expect(result.errors[0]!.message).toMatch(message);
  });

  it('rejects thresholds that do not go up', () => {
    const result = validateSettings({ ...DEFAULT_SETTINGS, alertThresholds: [0.9, 0.5] });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'alertThresholds', message: 'Thresholds must go up' }] });
  });

  it('accepts a valid edited document', () => {
    const result = validateSettings(withOpenAi({ monthlyTokenLimit: 2_000_000, monthlyBudgetUsd: 12.5, timezone: 'Europe/Berlin', tpm: 30_000 }));
    expect(result.ok).toBe(true);
  });
});
