import type { Settings } from '@/utils/core/settings/settings-schema';
import { isOtlpEndpoint, normaliseOtlpEndpoint, otlpEndpointProblem } from '@/utils/core/telemetry/otlp-endpoint';
import { checkedOtlpHeaders } from '@/utils/core/telemetry/otlp-headers';

/**
 * Settings an organisation presets by browser policy (storage.managed; the schema an admin
 * fills is public/managed_schema.json). A value the policy sets wins over the user's own and
 * the options page shows it locked; a value it leaves out stays the user's. Every value is
 * checked as the options page checks it: a bad one is ignored, named in `problems`, and never
 * stored.
 */
export interface ManagedPolicy {
  otlpEndpoint?: string;
  otlpHeaders?: Record<string, string>;
  otlpServiceName?: string;
  userIdentity?: string;
  siteMetersRead?: boolean;
  limits?: Partial<Record<LimitProvider, { monthlyTokenLimit?: number; monthlyBudgetUsd?: number }>>;
}

const LIMIT_PROVIDERS = ['openai', 'anthropic', 'google'] as const;
type LimitProvider = (typeof LIMIT_PROVIDERS)[number];

export interface ParsedPolicy {
  policy: ManagedPolicy;
  /** One line per value that was set but could not be used. */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.trim().length <= max;
const wholeIn = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const amountIn = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;

/** Reads what storage.managed holds (anything: it comes from outside the extension). */
export function parseManagedPolicy(raw: unknown): ParsedPolicy {
  const policy: ManagedPolicy = {};
  const problems: string[] = [];
  if (!isObject(raw)) return { policy, problems };
  const bad = (key: string, why: string) => problems.push(`${key}: ${why}`);
  if (raw.otlpEndpoint !== undefined) {
    const problem = typeof raw.otlpEndpoint === 'string' ? otlpEndpointProblem(raw.otlpEndpoint) : 'not text';
    if (problem) bad('otlpEndpoint', problem);
    else policy.otlpEndpoint = normaliseOtlpEndpoint(raw.otlpEndpoint as string);
  }
  if (raw.otlpHeaders !== undefined) {
    const headers = checkedOtlpHeaders(raw.otlpHeaders);
    if (headers) policy.otlpHeaders = headers;
    else bad('otlpHeaders', 'not a map of header names to text values');
  }
  if (raw.otlpServiceName !== undefined) {
    if (shortText(raw.otlpServiceName, 100)) policy.otlpServiceName = raw.otlpServiceName.trim();
    else bad('otlpServiceName', 'text of 1 to 100 characters');
  }
  if (raw.userIdentity !== undefined) {
    if (shortText(raw.userIdentity, 200)) policy.userIdentity = raw.userIdentity.trim();
    else bad('userIdentity', 'text of 1 to 200 characters');
  }
  if (raw.siteMetersRead !== undefined) {
    if (typeof raw.siteMetersRead === 'boolean') policy.siteMetersRead = raw.siteMetersRead;
    else bad('siteMetersRead', 'true or false');
  }
  if (raw.limits !== undefined) policy.limits = parseLimits(raw.limits, bad);
  return { policy, problems };
}

function parseLimits(raw: unknown, bad: (key: string, why: string) => void): ManagedPolicy['limits'] {
  const limits: NonNullable<ManagedPolicy['limits']> = {};
  if (!isObject(raw)) return bad('limits', 'an object by provider (openai, anthropic, google)'), limits;
  for (const provider of LIMIT_PROVIDERS) {
    const entry = raw[provider];
    if (entry === undefined) continue;
    if (!isObject(entry)) {
      bad(`limits.${provider}`, 'an object');
      continue;
    }
    const out: { monthlyTokenLimit?: number; monthlyBudgetUsd?: number } = {};
    if (entry.monthlyTokenLimit !== undefined) {
      if (wholeIn(entry.monthlyTokenLimit, 1e13)) out.monthlyTokenLimit = entry.monthlyTokenLimit;
      else bad(`limits.${provider}.monthlyTokenLimit`, 'a whole number from 0 to 10,000,000,000,000');
    }
    if (entry.monthlyBudgetUsd !== undefined) {
      if (amountIn(entry.monthlyBudgetUsd, 1_000_000)) out.monthlyBudgetUsd = entry.monthlyBudgetUsd;
      else bad(`limits.${provider}.monthlyBudgetUsd`, 'an amount from 0 to 1,000,000');
    }
    limits[provider] = out;
  }
  return limits;
}

/** The settings fields (as form paths) the policy sets: the options page locks these. */
export function managedPaths(policy: ManagedPolicy): string[][] {
  const paths: string[][] = [];
  if (policy.otlpEndpoint !== undefined) paths.push(['teamFeed', 'endpoint']);
  if (policy.otlpServiceName !== undefined) paths.push(['teamFeed', 'serviceName']);
  if (policy.userIdentity !== undefined) paths.push(['teamFeed', 'identity']);
  if (policy.siteMetersRead !== undefined) paths.push(['siteMeters', 'read']);
  for (const provider of LIMIT_PROVIDERS) {
    const limit = policy.limits?.[provider];
    if (limit?.monthlyTokenLimit !== undefined) paths.push(['limits', provider, 'monthlyTokenLimit']);
    if (limit?.monthlyBudgetUsd !== undefined) paths.push(['limits', provider, 'monthlyBudgetUsd']);
  }
  return paths;
}

/** `settings` with every value the policy sets in place of the user's. */
export function withManaged(settings: Settings, policy: ManagedPolicy): Settings {
  const limits = { ...settings.limits };
  for (const provider of LIMIT_PROVIDERS) {
    const set = policy.limits?.[provider];
    if (set) limits[provider] = { ...limits[provider], ...set };
  }
  const endpoint = policy.otlpEndpoint;
  return {
    ...settings,
    limits,
    siteMeters: { ...settings.siteMeters, read: policy.siteMetersRead ?? settings.siteMeters.read },
    teamFeed: {
      ...settings.teamFeed,
      endpoint: endpoint !== undefined && isOtlpEndpoint(endpoint) ? endpoint : settings.teamFeed.endpoint,
      serviceName: policy.otlpServiceName ?? settings.teamFeed.serviceName,
      identity: policy.userIdentity ?? settings.teamFeed.identity,
    },
  };
}
