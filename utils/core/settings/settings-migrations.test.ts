import { describe, expect, it } from 'vitest';
import { migrateSettings, storedVersionOf } from '@/utils/core/settings/settings-migrations';
import { SETTINGS_VERSION } from '@/utils/core/settings/settings-schema';
import { settingsFromRaw } from '@/utils/storage/settings-store';

describe('settings migrations', () => {
  it('treats a document without a version as v0', () => {
    expect(storedVersionOf({ limits: {} })).toBe(0);
    expect(storedVersionOf(null)).toBe(0);
    expect(storedVersionOf({ version: 1 })).toBe(1);
  });

  it('upgrades v0: percentage thresholds become fractions and 0 limits become "no limit"', () => {
    const v0 = {
      alertThresholds: [50, 80, 100],
      limits: { openai: { monthlyTokenLimit: 0, monthlyBudgetUsd: 20, tpm: 0, cycleStartDay: 5 } },
    };
    const result = migrateSettings(v0);
    expect(result.ok).toBe(true);
    expect(result.doc.version).toBe(SETTINGS_VERSION);
    expect(result.doc.alertThresholds).toEqual([0.5, 0.8, 1]);
    expect(result.doc.limits).toEqual({ openai: { monthlyTokenLimit: null, monthlyBudgetUsd: 20, tpm: null, cycleStartDay: 5 } });
  });

  it('leaves fraction thresholds of v0 alone', () => {
    expect(migrateSettings({ alertThresholds: [0.9, 1] }).doc.alertThresholds).toEqual([0.9, 1]);
  });

  it('does not touch a current document', () => {
    const doc = { version: SETTINGS_VERSION, alertThresholds: [0.5] };
    expect(migrateSettings(doc)).toMatchObject({ ok: true, from: SETTINGS_VERSION, doc });
  });

  it('flags a document from a newer version instead of guessing', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION + 1 })).toMatchObject({ ok: false, reason: 'newer' });
  });

  it('turns a v0 document into valid settings end to end', () => {
    const s = settingsFromRaw({ alertThresholds: [80, 100], limits: { anthropic: { monthlyTokenLimit: 1_000_000 } } });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.alertThresholds).toEqual([0.8, 1]);
    expect(s.limits.anthropic.monthlyTokenLimit).toBe(1_000_000);
    expect(s.limits.openai.monthlyTokenLimit).toBeNull();
  });

  it('never throws on garbage', () => {
    for (const raw of [null, 42, 'x', [], { version: 'x' }, { limits: 'nope' }]) {
      expect(settingsFromRaw(raw).version).toBe(SETTINGS_VERSION);
    }
  });
});
