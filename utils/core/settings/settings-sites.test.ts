import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS, siteSettingsFor } from '@/utils/core/settings/settings-schema';
import { repairSettings } from '@/utils/core/settings/settings-repair';
import { validateSettings } from '@/utils/core/settings/settings-validation';
import { normaliseSiteKeys, siteModelProblem } from '@/utils/core/settings/settings-sites';

const site = (patch: Partial<typeof DEFAULT_SITE_SETTINGS>) => ({ ...DEFAULT_SITE_SETTINGS, ...patch });

describe('site keys', () => {
  it('a site\'s settings are found under any spelling of its host, and a host named like an Object property finds the defaults', () => {
    const settings = { ...DEFAULT_SETTINGS, sites: { 'chatgpt.com': site({ enabled: false }) } };
    expect(siteSettingsFor(settings, 'CHATGPT.COM').enabled).toBe(false);
    expect(siteSettingsFor(settings, 'www.chatgpt.com').enabled).toBe(false);
    expect(siteSettingsFor(settings, 'constructor')).toEqual(DEFAULT_SITE_SETTINGS);
    expect(siteSettingsFor(settings, '__proto__')).toEqual(DEFAULT_SITE_SETTINGS);
  });

  it('spellings of one site merge into one entry; the user\'s explicit choices are kept, the normal spelling\'s first', () => {
    const { sites, merged } = normaliseSiteKeys({
      'chatgpt.com': site({ badgePosition: 'top-left' }),
      'CHATGPT.COM': site({ enabled: false, badgePosition: 'bottom-left' }),
      'www.chatgpt.com': site({ projectedOutputTokens: 4000 }),
      'WWW.Claude.AI': site({ badgeHidden: true }),
    });
    expect(merged.sort()).toEqual(['CHATGPT.COM', 'WWW.Claude.AI', 'www.chatgpt.com']);
    expect(Object.keys(sites).sort()).toEqual(['chatgpt.com', 'claude.ai']);
    expect(sites['chatgpt.com']).toEqual(site({ enabled: false, badgePosition: 'top-left', projectedOutputTokens: 4000 }));
    expect(sites['claude.ai']).toEqual(site({ badgeHidden: true }));
  });

  it('repair merges the spellings and drops keys that are no host; validation saves one spelling', () => {
    const { settings, damage } = repairSettings({
      sites: { 'CHATGPT.COM': { enabled: false }, 'www.chatgpt.com': { badgeHidden: true }, constructor: { enabled: false }, 'https://x.com/': {} },
    });
    expect(Object.keys(settings.sites)).toEqual(['chatgpt.com']);
    expect(settings.sites['chatgpt.com']).toMatchObject({ enabled: false, badgeHidden: true });
    expect(damage).toEqual(expect.arrayContaining(['sites.constructor', 'sites.https://x.com/']));
    const saved = validateSettings({ ...DEFAULT_SETTINGS, sites: { 'WWW.Gemini.Google.com': site({ enabled: false }) } });
    expect(saved.ok && Object.keys(saved.settings.sites)).toEqual(['gemini.google.com']);
    expect(validateSettings({ ...DEFAULT_SETTINGS, sites: { constructor: site({}) } }).ok).toBe(false);
    const proto = validateSettings({ ...DEFAULT_SETTINGS, sites: JSON.parse('{"__proto__": {"enabled": false}}') });
    expect(proto.ok && Object.keys(proto.settings.sites)).toEqual([]);
  });
});

describe('site models', () => {
  it('a site\'s model is one of the providers it serves; a site the user added takes any', () => {
    expect(siteModelProblem('chatgpt.com', 'claude-opus-4-1')).toMatch(/not a model chatgpt.com runs/);
    expect(siteModelProblem('CHATGPT.COM', 'gemini-3.5-flash')).not.toBeNull();
    expect(siteModelProblem('chatgpt.com', 'llama-4')).not.toBeNull();
    expect(siteModelProblem('chatgpt.com', 'gpt-5.5')).toBeNull();
    expect(siteModelProblem('claude.ai', 'claude-opus-4-1')).toBeNull();
    expect(siteModelProblem('app.clay.com', 'claude-opus-4-1')).toBeNull();
    expect(siteModelProblem('chat.example.org', 'claude-opus-4-1')).toBeNull();
    expect(siteModelProblem('chatgpt.com', null)).toBeNull();
  });

  it('validation refuses another provider\'s model for a site; repair resets it and keeps the rest', () => {
    const doc = { ...DEFAULT_SETTINGS, sites: { 'chatgpt.com': site({ modelOverride: 'claude-opus-4-1', projectedOutputTokens: 2500 }), 'claude.ai': site({ defaultModel: 'claude-opus-4-1' }) } };
    expect(validateSettings(doc)).toEqual({ ok: false, errors: [{ path: 'sites.chatgpt.com.modelOverride', message: expect.stringMatching(/claude-opus-4-1 is not a model chatgpt.com runs/) }] });
    const { settings, damage } = repairSettings(doc);
    expect(settings.sites['chatgpt.com']).toMatchObject({ modelOverride: null, projectedOutputTokens: 2500 });
    expect(settings.sites['claude.ai']!.defaultModel).toBe('claude-opus-4-1');
    expect(damage).toEqual(['sites.chatgpt.com.modelOverride']);
  });

  it('ChatGPT caps are on OpenAI models only', () => {
    const withCap = (model: string) => ({ ...DEFAULT_SETTINGS, siteMeters: { ...DEFAULT_SETTINGS.siteMeters, chatgptCaps: [{ model, hours: 3, cap: 10 }] } });
    expect(validateSettings(withCap('gpt-5|o3')).ok).toBe(true);
    expect(validateSettings(withCap('claude-opus-4-1'))).toMatchObject({ ok: false, errors: [{ path: 'siteMeters.chatgptCaps.0.model' }] });
    expect(validateSettings(withCap('gpt-5|gemini-3-pro')).ok).toBe(false);
  });

  it('map keys named like Object properties are refused (price overrides, Clay enrichments)', () => {
    const price = { inputPerMTok: 1, outputPerMTok: 2 };
    expect(validateSettings({ ...DEFAULT_SETTINGS, priceOverrides: { constructor: price } }).ok).toBe(false);
    expect(validateSettings({ ...DEFAULT_SETTINGS, priceOverrides: { 'gpt-4.1': price } }).ok).toBe(true);
    expect(validateSettings({ ...DEFAULT_SETTINGS, clay: { ...DEFAULT_SETTINGS.clay, creditsPerEnrichment: { hasOwnProperty: 3 } } }).ok).toBe(false);
  });
});
