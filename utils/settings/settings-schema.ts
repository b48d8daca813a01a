import { z } from 'zod';

/**
 * The user's settings: one versioned document in storage.sync (usage data stays local).
 * Every field has a default, so a missing or older document still parses to something usable.
 * Bump SETTINGS_VERSION and add a step to settings-migrations.ts when the shape changes.
 */
export const SETTINGS_VERSION = 1;

const count = (max: number) => z.number({ error: 'Enter a number' }).finite('Enter a number').min(0, 'Must be 0 or more').max(max, `Must be at most ${max.toLocaleString('en-US')}`).int('Use a whole number');
const usd = z.number({ error: 'Enter an amount' }).finite('Enter an amount').min(0, 'Must be 0 or more').max(1_000_000, 'Must be at most $1,000,000');
const fraction = z.number({ error: 'Enter a percentage' }).finite('Enter a percentage').min(0.01, 'Must be at least 1%').max(10, 'Must be at most 1000%');
/** 1-28 so every month has the day. */
const dayOfMonth = z.number({ error: 'Enter a day from 1 to 28' }).finite('Enter a day from 1 to 28').min(1, 'Enter a day from 1 to 28').max(28, 'Enter a day from 1 to 28').int('Enter a day from 1 to 28');

/** IANA timezone name, checked against the runtime's own list so a typo cannot slip through. */
export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Unknown timezone');

export const providerLimitsSchema = z.object({
  /** Monthly token limit (input + output); null = no limit. */
  monthlyTokenLimit: count(1e13).nullable().default(null),
  /** Monthly budget in USD; null = no budget. */
  monthlyBudgetUsd: usd.nullable().default(null),
  /** Day of month (1-28 so every month has it) the billing cycle starts. */
  cycleStartDay: dayOfMonth.default(1),
  timezone: timezoneSchema.default('UTC'),
  /** API tier as tokens per minute; null = not set. */
  tpm: count(1e9).nullable().default(null),
});

export const claySettingsSchema = z.object({
  planCreditsPerMonth: count(1e9).default(20_000),
  /** Premium credits left; they roll over between periods. */
  premiumCredits: count(1e9).default(0),
  cycleStartDay: dayOfMonth.default(1),
  timezone: timezoneSchema.default('UTC'),
  /** Own API key per provider: no Clay credits are spent, the provider bills tokens instead. */
  ownApiKey: z
    .object({ openai: z.boolean().default(false), anthropic: z.boolean().default(false), google: z.boolean().default(false) })
    .default({ openai: false, anthropic: false, google: false }),
  /** Credits per row by enrichment type id; see utils/clay for the defaults and their source. */
  creditsPerEnrichment: z
    .record(z.string().min(1).max(80), z.number({ error: 'Enter a number' }).finite('Enter a number').min(0, 'Must be 0 or more').max(1000, 'Must be at most 1,000'))
    .default({}),
  /** Average tokens a column reference such as /Company Name inserts per row. */
  avgReferenceTokens: count(1e6).default(20),
  defaultRows: count(1e7).default(100),
  /** Average output tokens per row; null = assume the model's maximum output length. */
  avgOutputTokens: count(1e6).nullable().default(null),
});

export const siteSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Model to assume when the page doesn't show one; null = the site adapter's default. */
  defaultModel: z.string().max(120).nullable().default(null),
  /** The model the user picked in the badge; wins over what the page shows. */
  modelOverride: z.string().max(120).nullable().default(null),
  badgePosition: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']).default('bottom-right'),
  badgeHidden: z.boolean().default(false),
  /** Output length used for the projected output cost. */
  projectedOutputTokens: count(1e7).default(1000),
});

/** Alert thresholds as fractions of a limit, ascending (0.8 = 80%). */
const thresholdsSchema = z
  .array(fraction)
  .min(1, 'Set at least one threshold')
  .max(5, 'At most 5 thresholds')
  .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), 'Thresholds must go up');

/** A ChatGPT message cap: this many messages to this model in a rolling window (see utils/meters/chatgpt-caps.ts). */
export const messageCapSchema = z.object({
  model: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Name a model, e.g. gpt-5')
    .max(80, 'At most 80 characters')
    .regex(/^[a-z0-9][a-z0-9.-]*(\|[a-z0-9][a-z0-9.-]*)*$/, 'Model ids like gpt-5 or gpt-5-thinking, "|" between models that share a cap'),
  hours: z.number({ error: 'Enter hours' }).finite('Enter hours').int('Use whole hours').min(1, 'At least 1 hour').max(720, 'At most 720 hours (30 days)'),
  cap: z.number({ error: 'Enter a number' }).finite('Enter a number').int('Use a whole number').min(1, 'At least 1').max(100_000, 'At most 100,000'),
});

/** The sites' own usage meters (utils/meters). */
export const siteMeterSettingsSchema = z.object({
  /**
   * Read the sites' own meters: Claude's usage (requests to claude.ai with the page's own
   * session), Gemini's usage page and ChatGPT's limit notice while they are open. Off = no
   * request is made at all.
   */
  read: z.boolean().default(true),
  /** Notify when a window crosses these fractions. */
  thresholds: thresholdsSchema.default([0.8, 0.95]),
  /** Notify when a window that was full resets. */
  notifyOnReset: z.boolean().default(false),
  /** What the toolbar badge shows: your own limits (and today's tokens), or the fullest site window. */
  badge: z.enum(['own-limits', 'fullest-window']).default('own-limits'),
  /** ChatGPT plan whose default caps apply; 'custom' uses `chatgptCaps`, 'none' tracks no caps. */
  chatgptPlan: z.enum(['none', 'free', 'go', 'plus', 'pro', 'business', 'custom']).default('none'),
  chatgptCaps: z.array(messageCapSchema).max(12, 'At most 12 caps').default([]),
});

export const priceOverrideSchema = z.object({
  inputPerMTok: usd,
  outputPerMTok: usd,
  cachedInputPerMTok: usd.optional(),
});

const providerIds = ['openai', 'anthropic', 'google'] as const;
const defaultLimits = () => providerLimitsSchema.parse({});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  limits: z
    .object(Object.fromEntries(providerIds.map((p) => [p, providerLimitsSchema.default(defaultLimits)])) as Record<
      (typeof providerIds)[number],
      z.ZodDefault<typeof providerLimitsSchema>
    >)
    .default({ openai: defaultLimits(), anthropic: defaultLimits(), google: defaultLimits() }),
  /** Alert thresholds as fractions of a limit, ascending (0.8 = 80%). */
  alertThresholds: thresholdsSchema.default([0.8, 1]),
  clay: claySettingsSchema.default(() => claySettingsSchema.parse({})),
  /** Keyed by site hostname, e.g. "chatgpt.com"; missing = defaults. */
  sites: z.record(z.string().min(1).max(253), siteSettingsSchema).default({}),
  /** Per-model price overrides keyed by model id. */
  priceOverrides: z.record(z.string().min(1).max(120), priceOverrideSchema).default({}),
  /**
   * Legacy: before per-script estimates, Claude counts were o200k x this factor (default 1.3). A
   * value a user chose is still honoured, as claudeEstimateAdjust = factor / 1.3, until they set
   * an adjustment or remove it (see claudeAdjustment in utils/models/model-registry.ts).
   */
  claudeTokenFactor: z.number({ error: 'Enter a number' }).finite('Enter a number').min(0.5, 'Must be between 0.5 and 3').max(3, 'Must be between 0.5 and 3').nullable().default(null),
  /** The user's own multiplier over Claude estimates (1.1 = 10% more); null = none. */
  claudeEstimateAdjust: z.number({ error: 'Enter a number' }).finite('Enter a number').min(0.5, 'Must be between 0.5 and 2').max(2, 'Must be between 0.5 and 2').nullable().default(null),
  /** Exact Claude counts via Anthropic's count_tokens endpoint (sends prompt text to Anthropic). Off by default. */
  anthropicExactCounts: z.boolean().default(false),
  /** Days to keep usage events; null = forever. */
  retentionDays: z.number({ error: 'Enter a number of days' }).finite('Enter a number of days').int('Use a whole number').min(1, 'At least 1 day').max(3650, 'At most 3650 days').nullable().default(null),
  /** Hostnames the user enabled beyond the supported sites (optional permission granted). */
  extraSites: z.array(z.string().min(1).max(253)).max(200).default([]),
  siteMeters: siteMeterSettingsSchema.default(() => siteMeterSettingsSchema.parse({})),
});

export type Settings = z.infer<typeof settingsSchema>;
export type ProviderLimits = z.infer<typeof providerLimitsSchema>;
export type ClaySettings = z.infer<typeof claySettingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type PriceOverride = z.infer<typeof priceOverrideSchema>;
export type SiteMeterSettings = z.infer<typeof siteMeterSettingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function siteSettingsFor(settings: Settings, host: string): SiteSettings {
  return settings.sites[host] ?? siteSettingsSchema.parse({});
}
