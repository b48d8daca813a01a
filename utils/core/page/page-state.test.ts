import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, siteSettingsFor, type Settings } from '@/utils/core/settings/settings-schema';
import { claudeAdapter } from '@/utils/sites/adapters/claude';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { readModelLabel } from '@/utils/core/models/model-labels';
import { chooseModel, createPageStore } from '@/utils/core/page/page-state';
import { noteRoleReading, noteRoleReadings } from '@/utils/core/page/site-health';

function state(adapter = claudeAdapter, host = 'claude.ai', label: string | null = null, settings: Settings = DEFAULT_SETTINGS) {
  const store = createPageStore(adapter, host, 0);
  store.set({ settings, pageModel: { label, reading: label ? readModelLabel(label, { provider: adapter.provider, host }) : null } });
  return store;
}

describe('the page\'s model', () => {
  it('names the model the page shows: "Sonnet 5" is Sonnet 5, not 4.5', () => {
    expect(chooseModel(state(claudeAdapter, 'claude.ai', 'Sonnet 5').get())).toMatchObject({ source: 'page', model: { id: 'claude-sonnet-5' }, pageLabel: 'Sonnet 5', note: null });
  });

  it('a mode maps to a model through the dated table, and says so', () => {
    const choice = chooseModel(state(chatgptAdapter, 'chatgpt.com', 'Medium').get());
    expect(choice.model?.id).toBe('gpt-5.5');
    expect(choice.note).toMatch(/thinking-effort tier/);
  });

  it('an unknown label counts as "unknown model" with no price, never another model', () => {
    const choice = chooseModel(state(claudeAdapter, 'claude.ai', 'Zephyr Ultra').get());
    expect(choice.model).toMatchObject({ id: 'unknown', provider: 'anthropic' });
    expect(choice.model?.price).toBeUndefined();
  });

  it('the user\'s pick for the site wins; without a label the site default applies', () => {
    const settings = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, 'claude.ai': { ...siteSettingsFor(DEFAULT_SETTINGS, 'claude.ai'), modelOverride: 'claude-opus-4-1' } } };
    expect(chooseModel(state(claudeAdapter, 'claude.ai', 'Sonnet 5', settings).get())).toMatchObject({ source: 'override', model: { id: 'claude-opus-4-1' } });
    expect(chooseModel(state(claudeAdapter, 'claude.ai', null).get())).toMatchObject({ source: 'default', model: { id: 'claude-sonnet-5' } });
  });
});

describe('site health', () => {
  it('is "none" until a composer is read, "adapter" while every recording role is, "fallback" as soon as one needs the fallback, with since', () => {
    const store = createPageStore(claudeAdapter, 'claude.ai', 0);
    expect(store.get().health).toMatchObject({ reading: 'none', since: 0 });
    noteRoleReading(store, 'composer', 'adapter', 100);
    expect(store.get().health).toMatchObject({ reading: 'adapter', since: 100 });
    noteRoleReading(store, 'model', 'none', 150);
    expect(store.get().health).toMatchObject({ reading: 'adapter', since: 100 });
    noteRoleReadings(store, { send: 'adapter', userMessage: 'fallback', reply: 'adapter' }, 200);
    expect(store.get().health).toMatchObject({ reading: 'fallback', since: 200 });
    noteRoleReadings(store, { userMessage: 'adapter' }, 300);
    expect(store.get().health).toMatchObject({ reading: 'adapter', since: 300, roles: { composer: 'adapter', send: 'adapter', userMessage: 'adapter' } });
  });
});
