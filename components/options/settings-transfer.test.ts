import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { exportSettingsJson, parseSettingsImport } from '@/components/options/settings-transfer';

const current = () => {
  const s = structuredClone(DEFAULT_SETTINGS);
  s.limits.openai.monthlyTokenLimit = 500_000;
  s.limits.anthropic.monthlyBudgetUsd = 20;
  s.retentionDays = 90;
  return s;
};

describe('settings export/import', () => {
  it('round-trips, listing what the file changes', () => {
    const s = structuredClone(DEFAULT_SETTINGS);
    s.limits.openai.monthlyTokenLimit = 123_456;
    s.priceOverrides['gpt-4.1'] = { inputPerMTok: 1, outputPerMTok: 4 };
    s.sites['claude.ai'] = { ...s.sites['claude.ai'], enabled: false, defaultModel: 'claude-haiku-4-5', modelOverride: null, badgePosition: 'top-left', badgeHidden: false, showCost: false, projectedOutputTokens: 10 } as never;
    const result = parseSettingsImport(exportSettingsJson(s), current());
    expect(result).toMatchObject({ ok: true, settings: s, ignored: [] });
    if (!result.ok) return;
    const byPath = Object.fromEntries(result.changes.map((c) => [c.path, c]));
    expect(byPath['limits.openai.monthlyTokenLimit']).toMatchObject({ label: 'Limits › OpenAI › Monthly token limit', from: '500,000', to: '123,456' });
    expect(byPath['limits.anthropic.monthlyBudgetUsd']).toMatchObject({ from: '20', to: 'none' });
    expect(byPath['retentionDays']).toMatchObject({ from: '90', to: 'none' });
    expect(byPath['priceOverrides.gpt-4.1.inputPerMTok']).toMatchObject({ label: 'Price overrides › gpt-4.1 › Input per MTok', from: 'not set', to: '1' });
    expect(byPath['sites.claude.ai.badgePosition']).toMatchObject({ to: 'top-left' });
    expect(byPath['sites.claude.ai.showCost']).toMatchObject({ label: 'Sites › claude.ai › Show the cost beside the count', to: 'false' });
    // Importing the same file again changes nothing.
    const again = parseSettingsImport(exportSettingsJson(s), s);
    expect(again.ok && again.changes).toEqual([]);
  });

  it('a bare document changes only the fields it holds (an older version is migrated)', () => {
    const result = parseSettingsImport(JSON.stringify({ alertThresholds: [90, 100], colour: 'blue' }), current());
    expect(result).toMatchObject({ ok: true, ignored: ['colour'] });
    if (!result.ok) return;
    expect(result.settings.alertThresholds).toEqual([0.9, 1]);
    expect(result.settings.limits.openai.monthlyTokenLimit).toBe(500_000);
    expect(result.settings.retentionDays).toBe(90);
    expect(result.changes.map((c) => c.path)).toEqual(['alertThresholds']);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['an array', '[1,2]', /not a TokenTally settings export/],
    ['an empty object', '{}', /holds no TokenTally settings/],
    ['an unrelated document', '{"hello":1}', /holds no TokenTally settings/],
    ['a version and nothing else', '{"version":1}', /holds no TokenTally settings/],
    ['an envelope with empty settings', JSON.stringify({ format: 'tokentally-settings', settings: {} }), /holds no TokenTally settings/],
    ['a usage export', JSON.stringify({ format: 'tokentally-usage', version: 1, events: [] }), /usage export, not settings/],
    ['a newer version', JSON.stringify({ version: 99, retentionDays: 3 }), /newer TokenTally/],
  ])('refuses %s', (_name, text, message) => {
    const result = parseSettingsImport(text, current());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(message);
  });

  it('refuses invalid values and names the field', () => {
    const doc = { format: 'tokentally-settings', settings: { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, openai: { ...DEFAULT_SETTINGS.limits.openai, monthlyTokenLimit: -1 } } } };
    expect(parseSettingsImport(JSON.stringify(doc), current())).toEqual({ ok: false, errors: [{ path: 'limits.openai.monthlyTokenLimit', message: 'Must be 0 or more' }] });
  });
});

describe('settings import preview', () => {
  it('lists only known settings: Object property names and unknown fields, at any level, are never changes', () => {
    const file = `{"constructor": 7, "__proto__": {"retentionDays": 1}, "toString": "x",
      "limits": {"constructor": 1, "hasOwnProperty": 2, "openai": {"toString": 3, "tpm": 5000, "valueOf": 4}},
      "siteMeters": {"__proto__": {"read": false}, "constructor": 9, "notifyOnReset": true}}`;
    const result = parseSettingsImport(file, current());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const paths = result.changes.map((c) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['limits.openai.tpm', 'siteMeters.notifyOnReset']));
    // The file's fields replace the current ones whole: the other limits return to their defaults.
    expect(paths.every((p) => p.startsWith('limits.') || p.startsWith('siteMeters.'))).toBe(true);
    expect(paths.flatMap((p) => p.split('.')).filter((segment) => segment in Object.prototype)).toEqual([]);
    expect(result.changes.map((c) => `${c.label} ${c.from} ${c.to}`).join(' ')).not.toMatch(/function|native code|constructor|proto|valueOf|toString/i);
    expect(result.settings.retentionDays).toBe(90);
  });

  it('site keys are normalised (one spelling per site), and a site key that is no host is refused', () => {
    const result = parseSettingsImport(JSON.stringify({ sites: { 'WWW.ChatGPT.com': { enabled: false } } }), current());
    const paths = result.ok ? result.changes.map((c) => c.path) : [];
    expect(paths).toContain('sites.chatgpt.com.enabled');
    expect(paths.every((p) => p.startsWith('sites.chatgpt.com.'))).toBe(true);
    const bad = parseSettingsImport(JSON.stringify({ sites: { constructor: { projectedOutputTokens: 7 } } }), current());
    expect(bad.ok).toBe(false);
    const foreign = parseSettingsImport(JSON.stringify({ sites: { 'chatgpt.com': { modelOverride: 'claude-opus-4-1' } } }), current());
    expect(foreign).toMatchObject({ ok: false, errors: [{ path: 'sites.chatgpt.com.modelOverride' }] });
  });
});
