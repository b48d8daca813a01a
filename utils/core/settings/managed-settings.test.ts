import { describe, expect, it } from 'vitest';
import { managedPaths, parseManagedPolicy, withManaged } from '@/utils/core/settings/managed-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/core/settings/settings-schema';

const user: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  teamFeed: { endpoint: 'https://mine.example.com', serviceName: 'me', identity: 'me@home.example' },
};
user.limits.openai.monthlyTokenLimit = 1_000;
user.limits.anthropic.monthlyBudgetUsd = 5;

describe('managed configuration', () => {
  it('the policy’s values win over the user’s; what it leaves out stays the user’s', () => {
    const { policy, problems } = parseManagedPolicy({
      otlpEndpoint: 'https://otel.corp.example:4318/',
      userIdentity: 'ada@corp.example',
      siteMetersRead: false,
      limits: { openai: { monthlyTokenLimit: 50_000_000 }, google: { monthlyBudgetUsd: 20 } },
    });
    expect(problems).toEqual([]);
    const s = withManaged(user, policy);
    expect(s.teamFeed).toEqual({ endpoint: 'https://otel.corp.example:4318', serviceName: 'me', identity: 'ada@corp.example' });
    expect(s.siteMeters.read).toBe(false);
    expect(s.limits.openai.monthlyTokenLimit).toBe(50_000_000);
    expect(s.limits.google.monthlyBudgetUsd).toBe(20);
    // Untouched by the policy.
    expect(s.limits.anthropic.monthlyBudgetUsd).toBe(5);
    expect(s.limits.openai.monthlyBudgetUsd).toBeNull();
    expect(s.siteMeters.thresholds).toEqual(user.siteMeters.thresholds);
    expect(managedPaths(policy)).toEqual([
      ['teamFeed', 'endpoint'], ['teamFeed', 'identity'], ['siteMeters', 'read'], ['limits', 'openai', 'monthlyTokenLimit'], ['limits', 'google', 'monthlyBudgetUsd'],
    ]);
  });

  it('no policy changes nothing', () => {
    for (const raw of [undefined, null, {}, 'text', [1]]) {
      const { policy, problems } = parseManagedPolicy(raw);
      expect(withManaged(user, policy)).toEqual(user);
      expect(problems).toEqual([]);
      expect(managedPaths(policy)).toEqual([]);
    }
  });

  it('a bad value is ignored and named; the good ones still apply', () => {
    const { policy, problems } = parseManagedPolicy({
      otlpEndpoint: 'ftp://otel.corp.example',
      otlpHeaders: { Host: 'evil' },
      otlpServiceName: '',
      siteMetersRead: 'no',
      limits: { openai: { monthlyTokenLimit: -1, monthlyBudgetUsd: 30 }, anthropic: 'lots' },
      userIdentity: 'ada@corp.example',
    });
    expect(problems).toEqual([
      'otlpEndpoint: Use an https:// (or http://) address',
      'otlpHeaders: not a map of header names to text values',
      'otlpServiceName: text of 1 to 100 characters',
      'siteMetersRead: true or false',
      'limits.openai.monthlyTokenLimit: a whole number from 0 to 10,000,000,000,000',
      'limits.anthropic: an object',
    ]);
    const s = withManaged(user, policy);
    expect(s.teamFeed.endpoint).toBe('https://mine.example.com');
    expect(s.teamFeed.identity).toBe('ada@corp.example');
    expect(s.limits.openai).toMatchObject({ monthlyTokenLimit: 1_000, monthlyBudgetUsd: 30 });
    expect(s.siteMeters.read).toBe(true);
  });

  it('keeps the policy’s headers for the feed', () => {
    expect(parseManagedPolicy({ otlpHeaders: { Authorization: 'Bearer t' } }).policy.otlpHeaders).toEqual({ Authorization: 'Bearer t' });
  });
});

describe('the feed endpoint is a guarded setting', () => {
  it('a trusted copy saved before the feed existed still parses, with the feed off', async () => {
    const { parseGuarded, guardedOf, withGuarded } = await import('@/utils/core/settings/guarded-settings');
    const old = { anthropicExactCounts: false, retentionDays: null, siteEnabled: {}, siteMetersRead: true, extraSites: [] };
    expect(parseGuarded(old)).toEqual({ ...old, otlpEndpoint: null });
    expect(parseGuarded({ ...old, otlpEndpoint: 'ftp://x' })).toBeNull();
    // The synced copy's endpoint never wins over the trusted one.
    const synced = { ...user, teamFeed: { ...user.teamFeed, endpoint: 'https://attacker.example' } };
    expect(withGuarded(synced, guardedOf(user)).teamFeed.endpoint).toBe('https://mine.example.com');
  });
});
