import * as z from 'zod/mini';
import { providerOfId } from '@/utils/core/models/model-id';
import { isSiteHost } from '@/utils/core/sites/host';
import { isOtlpEndpoint } from '@/utils/core/telemetry/otlp-endpoint';
import { TOKEN_PROVIDER_IDS } from '@/utils/core/models/providers';
import { DEFAULT_CACHE_TTL_MINUTES } from '@/utils/core/cache/prompt-cache';

/**
 * The user's settings: one versioned document in storage.sync (usage data stays local).
 * Every field has a default, so a missing or older document still parses to something usable.
 * Bump SETTINGS_VERSION and add a step to settings-migrations.ts when the shape changes.
 */
export const SETTINGS_VERSION = 1;

// zod/mini, not classic zod: the content script reads settings, and classic zod alone would be a
// third of its bundle (scripts/bench-badge.ts checks the size). Same checks, same messages,
// in the same order (the form shows each field's first message).
const wholeNumber = (message: string) => z.refine(Number.isInteger, message);
const flag = (byDefault: boolean) => z._default(z.boolean(), byDefault);
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
/** A key of a map the user fills (model ids, enrichment types): never an Object property name such as "constructor". */
const plainKey = (max: number) => text(1, max).check(z.refine((key) => !(key in Object.prototype), 'Not a name TokenTally uses'));
/** A site's key: its host, spelled one way (utils/core/sites/host.ts). */
const siteKey = z.string().check(z.refine(isSiteHost, "Not a site's address (lower case, without www.)"));

const count = (max: number) =>
  z.number({ error: 'Enter a number' }).check(z.minimum(0, 'Must be 0 or more'), z.maximum(max, `Must be at most ${max.toLocaleString('en-US')}`), wholeNumber('Use a whole number'));
const usd = z.number({ error: 'Enter an amount' }).check(z.minimum(0, 'Must be 0 or more'), z.maximum(1_000_000, 'Must be at most $1,000,000'));
const fraction = z.number({ error: 'Enter a percentage' }).check(z.minimum(0.01, 'Must be at least 1%'), z.maximum(10, 'Must be at most 1000%'));
/** 1-28 so every month has the day. */
const dayOfMonth = z.number({ error: 'Enter a day from 1 to 28' }).check(z.minimum(1, 'Enter a day from 1 to 28'), z.maximum(28, 'Enter a day from 1 to 28'), wholeNumber('Enter a day from 1 to 28'));

/** IANA timezone name, checked against the runtime's own list so a typo cannot slip through. */
export const timezoneSchema = z.string().check(
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown timezone'),
);

export const providerLimitsSchema = z.object({
  /** Monthly token limit (input + output); null = no limit. */
  monthlyTokenLimit: z._default(z.nullable(count(1e13)), null),
  /** Monthly budget in USD; null = no budget. */
  monthlyBudgetUsd: z._default(z.nullable(usd), null),
  /** Day of month (1-28 so every month has it) the billing cycle starts. */
  cycleStartDay: z._default(dayOfMonth, 1),
  timezone: z._default(timezoneSchema, 'UTC'),
  /** API tier as tokens per minute; null = not set. */
  tpm: z._default(z.nullable(count(1e9)), null),
  /** What the user's subscription (ChatGPT Plus, Claude Pro…) costs a month; null = none set. The popup sets the API-equivalent cost against it. */
  planMonthlyUsd: z._default(z.nullable(usd), null),
});

export const claySettingsSchema = z.object({
  planCreditsPerMonth: z._default(count(1e9), 20_000),
  /** Premium credits left; they roll over between periods. */
  premiumCredits: z._default(count(1e9), 0),
  cycleStartDay: z._default(dayOfMonth, 1),
  timezone: z._default(timezoneSchema, 'UTC'),
  /** Own API key per provider: no Clay credits are spent, the provider bills tokens instead. */
  ownApiKey: z._default(z.object({ openai: flag(false), anthropic: flag(false), google: flag(false) }), { openai: false, anthropic: false, google: false }),
  /** Credits per row by enrichment type id; see utils/clay for the defaults and their source. */
  creditsPerEnrichment: z._default(
    z.record(plainKey(80), z.number({ error: 'Enter a number' }).check(z.minimum(0, 'Must be 0 or more'), z.maximum(1000, 'Must be at most 1,000'))),
    {},
  ),
  /** Average tokens a column reference such as /Company Name inserts per row. */
  avgReferenceTokens: z._default(count(1e6), 20),
  defaultRows: z._default(count(1e7), 100),
  /** Average output tokens per row; null = assume the model's maximum output length. */
  avgOutputTokens: z._default(z.nullable(count(1e6)), null),
});

export const siteSettingsSchema = z.object({
  enabled: flag(true),
  /** Model to assume when the page doesn't show one; null = the site adapter's default. */
  defaultModel: z._default(z.nullable(text(0, 120)), null),
  /** The model the user picked in the badge; wins over what the page shows. */
  modelOverride: z._default(z.nullable(text(0, 120)), null),
  badgePosition: z._default(z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']), 'bottom-right'),
  badgeHidden: flag(false),
  /** The chip shows the API-equivalent cost beside the count; off, the count alone (the panel keeps the costs). */
  showCost: flag(true),
  /** Output length used for the projected output cost. */
  projectedOutputTokens: z._default(count(1e7), 1000),
});

/** Alert thresholds as fractions of a limit, ascending (0.8 = 80%). */
const thresholdsSchema = z.array(fraction).check(
  z.minLength(1, 'Set at least one threshold'),
  z.maxLength(5, 'At most 5 thresholds'),
  z.refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), 'Thresholds must go up'),
);

/** A ChatGPT message cap: this many messages to this model in a rolling window (see utils/core/meters/chatgpt-caps.ts). */
export const messageCapSchema = z.object({
  model: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, 'Name a model, e.g. gpt-5'),
      z.maxLength(80, 'At most 80 characters'),
      z.regex(/^[a-z0-9][a-z0-9.-]*(\|[a-z0-9][a-z0-9.-]*)*$/, 'Model ids like gpt-5 or gpt-5-thinking, "|" between models that share a cap'),
      // ChatGPT's caps are on OpenAI models: another provider's model would never match a turn.
      z.refine((ids) => ids.split('|').every((id) => providerOfId(id) === 'openai'), 'ChatGPT caps are on OpenAI models (gpt-…, o3…)'),
    ),
  hours: z.number({ error: 'Enter hours' }).check(wholeNumber('Use whole hours'), z.minimum(1, 'At least 1 hour'), z.maximum(720, 'At most 720 hours (30 days)')),
  cap: z.number({ error: 'Enter a number' }).check(wholeNumber('Use a whole number'), z.minimum(1, 'At least 1'), z.maximum(100_000, 'At most 100,000')),
});

/** The sites' own usage meters (utils/meters). */
export const siteMeterSettingsSchema = z.object({
  /**
   * Read the sites' own meters: Claude's usage (requests to claude.ai with the page's own
   * session), Gemini's usage page and ChatGPT's limit notice while they are open. Off = no
   * request is made at all.
   */
  read: flag(true),
  /** Notify when a window crosses these fractions. */
  thresholds: z._default(thresholdsSchema, [0.8, 0.95]),
  /** Notify when a window that was full resets. */
  notifyOnReset: flag(false),
  /** What the toolbar badge shows: the fullest site window whenever a site's meter is known (else your own limits), or always your own limits. */
  badge: z._default(z.enum(['own-limits', 'fullest-window']), 'fullest-window'),
  /** ChatGPT plan whose default caps apply; 'custom' uses `chatgptCaps`, 'none' tracks no caps. */
  chatgptPlan: z._default(z.enum(['none', 'free', 'go', 'plus', 'pro', 'business', 'custom']), 'none'),
  chatgptCaps: z._default(z.array(messageCapSchema).check(z.maxLength(12, 'At most 12 caps')), []),
});

/**
 * The team usage feed (OTLP/HTTP, utils/background/telemetry): off while `endpoint` is null.
 * The endpoint decides where counts go, so its trusted copy wins (guarded-settings.ts); the
 * collector's headers are credentials and live only in the extension's IndexedDB (otlp-db.ts).
 */
export const teamFeedSettingsSchema = z.object({
  endpoint: z._default(z.nullable(z.string().check(z.refine(isOtlpEndpoint, 'Not a collector address: https://host[:port][/path], without credentials, query or fragment'))), null),
  /** service.name of the points: the team's name for this source. */
  serviceName: z._default(text(1, 100), 'tokentally'),
  /** The user's chosen identity (an email or a name), sent as a resource attribute; null = none. */
  identity: z._default(z.nullable(text(1, 200)), null),
});

export const priceOverrideSchema = z.object({
  inputPerMTok: usd,
  outputPerMTok: usd,
  cachedInputPerMTok: z.optional(usd),
});

const providerIds = TOKEN_PROVIDER_IDS;
const defaultLimits = () => providerLimitsSchema.parse({});

export const settingsSchema = z.object({
  version: z._default(z.literal(SETTINGS_VERSION), SETTINGS_VERSION),
  limits: z._default(
    z.object(
      Object.fromEntries(providerIds.map((p) => [p, z._default(providerLimitsSchema, defaultLimits)])) as Record<
        (typeof providerIds)[number],
        z.ZodMiniDefault<typeof providerLimitsSchema>
      >,
    ),
    () => Object.fromEntries(providerIds.map((p) => [p, defaultLimits()])) as Record<(typeof providerIds)[number], ProviderLimits>,
  ),
  /** Alert thresholds as fractions of a limit, ascending (0.8 = 80%). */
  alertThresholds: z._default(thresholdsSchema, [0.8, 1]),
  clay: z._default(claySettingsSchema, () => claySettingsSchema.parse({})),
  /** Keyed by site hostname, e.g. "chatgpt.com"; missing = defaults. */
  sites: z._default(z.record(siteKey, siteSettingsSchema), {}),
  /** Per-model price overrides keyed by model id. */
  priceOverrides: z._default(z.record(plainKey(120), priceOverrideSchema), {}),
  /**
   * Legacy: a single factor for Claude counts, o200k x this (default 1.3), where estimates are
   * made per script instead. A value a user chose is honoured, as claudeEstimateAdjust =
   * factor / 1.3, until they set an adjustment or remove it (see claudeAdjustment in
   * utils/core/models/model-registry.ts).
   */
  claudeTokenFactor: z._default(z.nullable(z.number({ error: 'Enter a number' }).check(z.minimum(0.5, 'Must be between 0.5 and 3'), z.maximum(3, 'Must be between 0.5 and 3'))), null),
  /** The user's own multiplier over Claude estimates (1.1 = 10% more); null = none. */
  claudeEstimateAdjust: z._default(z.nullable(z.number({ error: 'Enter a number' }).check(z.minimum(0.5, 'Must be between 0.5 and 2'), z.maximum(2, 'Must be between 0.5 and 2'))), null),
  /** Exact Claude counts via Anthropic's count_tokens endpoint (sends prompt text to Anthropic). Off by default. */
  anthropicExactCounts: flag(false),
  /** Days to keep usage events; null = forever. */
  retentionDays: z._default(
    z.nullable(z.number({ error: 'Enter a number of days' }).check(wholeNumber('Use a whole number'), z.minimum(1, 'At least 1 day'), z.maximum(3650, 'At most 3650 days'))),
    null,
  ),
  /** Hostnames the user enabled beyond the supported sites (optional permission granted). */
  extraSites: z._default(z.array(text(1, 253)).check(z.maxLength(200)), []),
  siteMeters: z._default(siteMeterSettingsSchema, () => siteMeterSettingsSchema.parse({})),
  teamFeed: z._default(teamFeedSettingsSchema, () => teamFeedSettingsSchema.parse({})),
  /** claude.ai's prompt cache lifetime in minutes (5 or 60); the default's source and date: utils/core/cache/prompt-cache.ts. */
  cacheTtlMinutes: z._default(z.union([z.literal(5), z.literal(60)], { error: 'Choose 5 or 60 minutes' }), DEFAULT_CACHE_TTL_MINUTES),
});

export type Settings = z.infer<typeof settingsSchema>;
export type ProviderLimits = z.infer<typeof providerLimitsSchema>;
export type ClaySettings = z.infer<typeof claySettingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type PriceOverride = z.infer<typeof priceOverrideSchema>;
export type SiteMeterSettings = z.infer<typeof siteMeterSettingsSchema>;
export type TeamFeedSettings = z.infer<typeof teamFeedSettingsSchema>;

// The defaults as plain data live in settings-defaults.ts (the content script reads them
// without loading this schema); settings-schema.test.ts checks they equal the schema's.
export { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS, siteSettingsFor } from '@/utils/core/settings/settings-defaults';
