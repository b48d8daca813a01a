// @vitest-environment happy-dom
import { PROVIDER_IDS } from '@/utils/core/usage/usage-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS, genericAdapter } from '@/utils/sites/adapters';
import { SUPPORTED_SITE_MATCHES } from '@/utils/sites/site-matches';
import type { SiteAdapter, SelectorRole } from '@/utils/core/sites/site-adapter';
import { getModel } from '@/utils/core/models/model-registry';

/**
 * The adapters' data format (in the spirit of darkreader's test of its site fixes): a redesign
 * is repaired by editing data, so the data is what is checked. Every selector must parse, be
 * dated, and sit in the role it claims; the match list must come from the hosts.
 */

const ADAPTER_DIR = path.resolve('utils/sites/adapters');
const FILE_OF: Record<string, string> = {
  chatgpt: 'chatgpt.ts',
  claude: 'claude.ts',
  gemini: 'gemini.ts',
  'openai-playground': 'openai-playground.ts',
  'anthropic-console': 'anthropic-console.ts',
  aistudio: 'aistudio.ts',
  clay: 'clay.ts',
  deepseek: 'deepseek.ts',
  copilot: 'copilot.ts',
  perplexity: 'perplexity.ts',
  grok: 'grok.ts',
  mistral: 'mistral.ts',
  'meta-ai': 'meta-ai.ts',
  qwen: 'qwen.ts',
};
/**
 * Sites whose public evidence covers a few roles at most: the rest is read by the selector-free
 * layer (utils/content/page/fallback-*.ts), and their health says so. Meta AI has none at all.
 */
const FALLBACK_LED = new Set(['deepseek', 'copilot', 'perplexity', 'grok', 'mistral', 'meta-ai', 'qwen']);
const ROLES: SelectorRole[] = [
  'composer', 'composerContainer', 'send', 'stop', 'streaming', 'finished', 'userMessage', 'assistantMessage', 'replyBody', 'thinking', 'model', 'rowCount',
];
/** The month this check was written; a selector dated later than "now" is a typo. */
const NEWEST_ALLOWED = '2026-12';
const OLDEST_ALLOWED = '2024-01';

const selectorsOf = (adapter: SiteAdapter) =>
  ROLES.flatMap((role) => (adapter.selectors[role] ?? []).map((selector) => ({ role, selector })));

describe('site adapters (data format)', () => {
  it('are plain data: ids, hosts and kinds are well formed and unique', () => {
    const ids = SITE_ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hosts = SITE_ADAPTERS.flatMap((a) => a.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const adapter of SITE_ADAPTERS) {
      expect(adapter.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(adapter.name.trim()).not.toBe('');
      expect(adapter.hosts.length).toBeGreaterThan(0);
      for (const host of adapter.hosts) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(PROVIDER_IDS).toContain(adapter.provider);
      expect(['chat', 'console', 'clay']).toContain(adapter.kind);
      expect(getModel(adapter.defaultModel), `${adapter.id} default model`).toBeTruthy();
      // Data only: a JSON round trip keeps every field (no functions, no regexes).
      expect(JSON.parse(JSON.stringify(adapter))).toEqual(adapter);
      expect(Object.keys(adapter.selectors).every((role) => ROLES.includes(role as SelectorRole))).toBe(true);
    }
    expect(genericAdapter.hosts).toEqual([]);
  });

  it('cover the roles their kind needs (the fallback-led sites: what evidence gave, a composer where any)', () => {
    for (const adapter of SITE_ADAPTERS) {
      const s = adapter.selectors;
      if (FALLBACK_LED.has(adapter.id)) {
        expect(adapter.kind).toBe('chat');
        if (adapter.id !== 'meta-ai') expect(s.composer.length + (s.send?.length ?? 0), adapter.id).toBeGreaterThan(1);
        continue;
      }
      expect(s.composer.length, `${adapter.id} composer`).toBeGreaterThan(0);
      expect(s.model?.length ?? 0, `${adapter.id} model`).toBeGreaterThan(0);
      expect(s.send?.length ?? 0, `${adapter.id} send`).toBeGreaterThan(0);
      if (adapter.kind === 'clay') {
        expect(s.rowCount?.length ?? 0).toBeGreaterThan(0);
        continue;
      }
      for (const role of ['composerContainer', 'stop', 'userMessage', 'assistantMessage'] as const) {
        expect(s[role]?.length ?? 0, `${adapter.id} ${role}`).toBeGreaterThan(0);
      }
      if (adapter.kind === 'chat') {
        for (const role of ['finished', 'replyBody'] as const) expect(s[role]?.length ?? 0, `${adapter.id} ${role}`).toBeGreaterThan(0);
      }
    }
  });

  it('every selector parses, and no list repeats one', () => {
    for (const adapter of SITE_ADAPTERS) {
      for (const role of ROLES) {
        const list = adapter.selectors[role] ?? [];
        expect(new Set(list).size, `${adapter.id} ${role} has duplicates`).toBe(list.length);
      }
      for (const { role, selector } of selectorsOf(adapter)) {
        expect(selector.trim(), `${adapter.id} ${role}`).toBe(selector);
        expect(() => document.querySelector(selector), `${adapter.id} ${role}: ${selector}`).not.toThrow();
      }
    }
  });

  it('every selector carries the month it was last confirmed', () => {
    for (const adapter of SITE_ADAPTERS) {
      const source = readFileSync(path.join(ADAPTER_DIR, FILE_OF[adapter.id]!), 'utf8').split('\n');
      for (const { role, selector } of selectorsOf(adapter)) {
        const quoted = `'${selector.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
        const line = source.find((l) => l.includes(quoted));
        expect(line, `${adapter.id} ${role}: ${selector} is not written on one line`).toBeDefined();
        const date = line!.match(/\/\/ (?:confirmed|unconfirmed) (\d{4}-\d{2})\b/)?.[1];
        expect(date, `${adapter.id} ${role}: ${selector} has no "// confirmed YYYY-MM" comment`).toBeDefined();
        expect(date! >= OLDEST_ALLOWED && date! <= NEWEST_ALLOWED, `${adapter.id} ${role}: ${selector} dated ${date}`).toBe(true);
      }
    }
  });

  it('stop controls are scoped by the composer container, never page-wide text', () => {
    for (const adapter of SITE_ADAPTERS) {
      for (const selector of adapter.selectors.stop ?? []) {
        // A bare "button" or an any-element match would catch the dictate/voice buttons again.
        expect(selector, adapter.id).not.toMatch(/^(button|\*|\[role="button"\])$/);
      }
    }
  });

  it('the content script matches and host permissions are exactly the adapters\' hosts', () => {
    expect([...SUPPORTED_SITE_MATCHES]).toEqual(SITE_ADAPTERS.flatMap((a) => a.hosts.map((h) => `https://${h}/*`)));
    expect(SUPPORTED_SITE_MATCHES).toContain('https://platform.claude.com/*');
    expect(SUPPORTED_SITE_MATCHES).toContain('https://platform.openai.com/*');
  });
});
