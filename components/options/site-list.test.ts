import { describe, expect, it } from 'vitest';
import { supportedSites } from '@/components/options/site-list';

describe('supportedSites', () => {
  it('lists every built-in host with its adapter, then user-added hosts once', () => {
    const sites = supportedSites(['example.com', 'claude.ai']);
    expect(sites.find((s) => s.host === 'claude.ai')).toMatchObject({ provider: 'anthropic', adapterDefaultModel: 'claude-sonnet-5' });
    expect(sites.find((s) => s.host === 'chatgpt.com')).toMatchObject({ provider: 'openai' });
    expect(sites.filter((s) => s.host === 'claude.ai')).toHaveLength(1);
    expect(sites.at(-1)).toMatchObject({ host: 'example.com', name: 'example.com (added by you)' });
    expect(sites.map((s) => s.host)).toContain('app.clay.com');
  });
});
