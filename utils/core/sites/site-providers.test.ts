import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/utils/sites/adapters';
import { providersServedBy, SUPPORTED_SITE_HOSTS } from '@/utils/core/sites/site-providers';
import { isSiteHost, normaliseHost } from '@/utils/core/sites/host';

describe('providersServedBy', () => {
  it('says what the site adapters say, for every host they serve and no other', () => {
    const adapterHosts = SITE_ADAPTERS.flatMap((a) => a.hosts.map((h) => [h, a.kind === 'clay' ? ['openai', 'anthropic', 'google', 'clay'] : [a.provider]] as const));
    for (const [host, providers] of adapterHosts) expect([...(providersServedBy(host) ?? [])].sort(), host).toEqual([...providers].sort());
    expect([...SUPPORTED_SITE_HOSTS].sort()).toEqual(adapterHosts.map(([h]) => h).sort());
  });

  it('reads any spelling of the host; a site without an adapter serves any provider', () => {
    expect(providersServedBy('WWW.ChatGPT.com')).toEqual(['openai']);
    expect(providersServedBy('chat.example.org')).toBeNull();
    expect(providersServedBy('constructor')).toBeNull();
  });
});

describe('hosts', () => {
  it('are lower-cased and www.-stripped', () => {
    expect(normaliseHost('CHATGPT.COM')).toBe('chatgpt.com');
    expect(normaliseHost(' www.chatgpt.com. ')).toBe('chatgpt.com');
    expect(normaliseHost('WWW.Claude.ai')).toBe('claude.ai');
    expect(normaliseHost('gemini.google.com')).toBe('gemini.google.com');
  });

  it('a site key is a normalised hostname, never a URL, an odd spelling or an Object property name', () => {
    for (const ok of ['chatgpt.com', 'app.clay.com', 'localhost', '192.168.1.10', 'xn--bcher-kva.example']) expect(isSiteHost(ok), ok).toBe(true);
    for (const bad of ['CHATGPT.COM', 'www.chatgpt.com', 'https://chatgpt.com', 'chatgpt.com/c', '', 'constructor', '__proto__', 'toString', 'a..b', '-a.com']) expect(isSiteHost(bad), bad).toBe(false);
  });
});
