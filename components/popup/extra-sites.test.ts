import { describe, expect, it } from 'vitest';
import { hostOf, isSupportedUrl, normaliseOrigin } from '@/utils/sites/extra-sites';

describe('extra sites: addresses', () => {
  it('normalises what a user types into an origin', () => {
    expect(normaliseOrigin('example.com')).toBe('https://example.com');
    expect(normaliseOrigin(' https://chat.example.org/some/path?q=1 ')).toBe('https://chat.example.org');
    expect(normaliseOrigin('http://localhost:8080/x')).toBe('http://localhost:8080');
    expect(normaliseOrigin('ftp://example.com')).toBeNull();
    expect(normaliseOrigin('not a site')).toBeNull();
    expect(normaliseOrigin('')).toBeNull();
  });

  it('tells supported sites from others', () => {
    expect(isSupportedUrl('https://chatgpt.com/c/123')).toBe(true);
    expect(isSupportedUrl('https://app.clay.com/workspaces/1')).toBe(true);
    expect(isSupportedUrl('https://example.com/')).toBe(false);
    expect(isSupportedUrl('chrome://extensions')).toBe(false);
    expect(hostOf('https://Claude.AI/new')).toBe('claude.ai');
    expect(hostOf('about:blank')).toBeNull();
  });
});
