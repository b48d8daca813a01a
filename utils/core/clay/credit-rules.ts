/**
 * Clay's credit rules as data. A pricing scheme is a list of meters (what Clay counts
 * against: plan credits, premium credits, or in newer plans "data credits" and
 * "actions") plus, per column type, what one row charges on each meter. Changing
 * Clay's pricing means writing a new scheme object, not new conditions.
 *
 * Source: Clay's "Clay Credit Usage Tracking" and "AI Tokens" docs (shared/seeds/002, 000).
 */

export type MeterId = string;

export interface CreditMeter {
  id: MeterId;
  label: string;
  /**
   * 'period': a fresh allowance each billing period, unused credits are lost (plan credits).
   * 'rollover': a balance that carries over until spent (premium credits).
   */
  renewal: 'period' | 'rollover';
}

export type ColumnCategory = 'enrichment' | 'premium' | 'ai' | 'formatter' | 'destination';

export interface ColumnType {
  /** Stable id; also the key users override in settings.clay.creditsPerEnrichment. */
  id: string;
  label: string;
  category: ColumnCategory;
  /** Charge per row run, per meter. Missing meter = 0. */
  charges: Record<MeterId, number>;
  /**
   * Whether a "no data found" result still charges. Clay charges only when data comes back,
   * except for lookups whose answer is a count (keyword search hits, job role count, tech
   * stack): 0 is a result, so it is charged.
   */
  chargesOnNoData: boolean;
  /** AI columns: the Clay feature whose TPM requirement applies with an own key. */
  aiFeature?: AiFeatureId;
}

export type AiFeatureId = 'use-ai' | 'claygent' | 'chatgpt-generate-text';

export interface CreditScheme {
  id: string;
  label: string;
  meters: CreditMeter[];
  /** The meter a user's per-type override (a single number) applies to. */
  primaryMeter: MeterId;
  /** With the user's own API key, no meter is charged (the provider bills tokens instead). */
  ownKeyIsFree: boolean;
  /** Errors never charge (documented); kept as data so a scheme could say otherwise. */
  errorsCharge: boolean;
  columnTypes: ColumnType[];
}

const credits = (n: number): Record<MeterId, number> => ({ credits: n });

/** Clay's enrichment-credit plans (20k / 50k / 100k credits a month) as documented. */
export const CLAY_CREDITS_SCHEME: CreditScheme = {
  id: 'clay-credits',
  label: 'Clay credits (plan + premium)',
  meters: [
    { id: 'credits', label: 'Clay credits', renewal: 'period' },
    { id: 'premium', label: 'Premium credits', renewal: 'rollover' },
  ],
  primaryMeter: 'credits',
  ownKeyIsFree: true,
  errorsCharge: false,
  columnTypes: [
    // AI columns. Clay shows the per-model credit cost in its panel; 1 is the documented
    // default for an enrichment, users override it per type (or per model: "ai:<modelId>").
    { id: 'use-ai', label: 'Use AI', category: 'ai', charges: credits(1), chargesOnNoData: true, aiFeature: 'use-ai' },
    { id: 'claygent', label: 'Claygent (web research)', category: 'ai', charges: credits(1), chargesOnNoData: true, aiFeature: 'claygent' },
    { id: 'chatgpt-generate-text', label: 'ChatGPT Generate Text', category: 'ai', charges: credits(1), chargesOnNoData: true, aiFeature: 'chatgpt-generate-text' },
    // Enrichments: usually 1 credit per row, some integrations 2.
    { id: 'enrich-person', label: 'Enrich Person', category: 'enrichment', charges: credits(1), chargesOnNoData: false },
    { id: 'enrich-company', label: 'Enrich Company', category: 'enrichment', charges: credits(1), chargesOnNoData: false },
    { id: 'find-new-events', label: 'Find New Events', category: 'enrichment', charges: credits(1), chargesOnNoData: false },
    { id: 'enrich-linkedin', label: 'Enrich LinkedIn', category: 'enrichment', charges: credits(1), chargesOnNoData: false },
    { id: 'find-work-email', label: 'Find Work Email', category: 'enrichment', charges: credits(2), chargesOnNoData: false },
    { id: 'find-enrich-person-google', label: 'Find & Enrich Person from Google Search', category: 'enrichment', charges: credits(2), chargesOnNoData: false },
    { id: 'google-keyword-search', label: 'Search website for keywords (Google)', category: 'enrichment', charges: credits(1), chargesOnNoData: true },
    { id: 'job-role-count', label: 'Job role count', category: 'enrichment', charges: credits(1), chargesOnNoData: true },
    { id: 'tech-stack', label: 'Tech stack', category: 'enrichment', charges: credits(1), chargesOnNoData: true },
    { id: 'other-enrichment', label: 'Other enrichment (1 credit)', category: 'enrichment', charges: credits(1), chargesOnNoData: false },
    // Premium enrichments are not in the plan credits; they spend premium credits.
    { id: 'people-data-labs', label: 'People Data Labs (premium)', category: 'premium', charges: { premium: 1 }, chargesOnNoData: false },
    { id: 'clearbit', label: 'Clearbit (premium)', category: 'premium', charges: { premium: 1 }, chargesOnNoData: false },
    { id: 'owler', label: 'Owler (premium)', category: 'premium', charges: { premium: 1 }, chargesOnNoData: false },
    // Free.
    { id: 'formatter', label: 'Formatter', category: 'formatter', charges: {}, chargesOnNoData: false },
    { id: 'send-data', label: 'Send data (HubSpot, Salesforce, Outreach...)', category: 'destination', charges: {}, chargesOnNoData: false },
  ],
};

export const DEFAULT_CREDIT_SCHEME = CLAY_CREDITS_SCHEME;

/** One column the user runs: a type, and whether it runs on their own API key. */
export interface ColumnSpec {
  typeId: string;
  ownKey?: boolean;
  /** AI columns: the model, so a per-model override ("ai:gpt-4o") can apply. */
  modelId?: string;
}

/** Outcomes of a finished (or assumed) run; all rows succeed when omitted. */
export interface RunOutcomes {
  /** Rows that errored: free unless the scheme says errors charge. */
  errors?: number;
  /** Rows that returned no data: charged only for types with chargesOnNoData. */
  noData?: number;
}

export interface ColumnCharge {
  column: ColumnSpec;
  type: ColumnType | undefined;
  /** Per meter, per row. */
  perRow: Record<MeterId, number>;
  /** Rows actually charged (after errors / no data, times runs). */
  chargedRows: number;
  total: Record<MeterId, number>;
}

export interface RunCharge {
  columns: ColumnCharge[];
  /** Per meter, summed over columns, for one successful row. */
  perRow: Record<MeterId, number>;
  total: Record<MeterId, number>;
}

export type CreditOverrides = Record<string, number>;

export function findColumnType(scheme: CreditScheme, typeId: string): ColumnType | undefined {
  return scheme.columnTypes.find((t) => t.id === typeId);
}

/**
 * Per-row charge of one column. An override (settings.clay.creditsPerEnrichment) replaces
 * the type's charge on the scheme's primary meter; "ai:<modelId>" beats the type's id for
 * AI columns, since Clay prices AI runs per model. Unknown types charge the override or nothing.
 */
export function chargePerRow(
  scheme: CreditScheme,
  column: ColumnSpec,
  overrides: CreditOverrides = {},
): Record<MeterId, number> {
  const type = findColumnType(scheme, column.typeId);
  if (column.ownKey && scheme.ownKeyIsFree) return {};
  const base: Record<MeterId, number> = { ...(type?.charges ?? {}) };
  const modelKey = type?.category === 'ai' && column.modelId ? `ai:${column.modelId}` : undefined;
  const override = (modelKey !== undefined ? overrides[modelKey] : undefined) ?? overrides[column.typeId];
  if (override !== undefined && Number.isFinite(override) && override >= 0) {
    // An override on a free or premium type moves it onto the primary meter: that's what the user said.
    for (const meter of Object.keys(base)) base[meter] = 0;
    base[scheme.primaryMeter] = override;
  }
  return withoutZeros(base);
}

/**
 * What running `columns` over `rows` rows charges. Re-runs and bulk runs are charged per
 * row, so `runs` multiplies (a bulk run of 1,000 rows = 1,000 runs of one cell).
 */
export function chargeForRun(args: {
  scheme?: CreditScheme;
  columns: ColumnSpec[];
  rows: number;
  runs?: number;
  outcomes?: RunOutcomes;
  overrides?: CreditOverrides;
}): RunCharge {
  const scheme = args.scheme ?? DEFAULT_CREDIT_SCHEME;
  const rows = wholeNonNegative(args.rows);
  const runs = wholeNonNegative(args.runs ?? 1);
  const errors = Math.min(rows, wholeNonNegative(args.outcomes?.errors ?? 0));
  const noData = Math.min(rows - errors, wholeNonNegative(args.outcomes?.noData ?? 0));
  const perRowTotal: Record<MeterId, number> = {};
  const total: Record<MeterId, number> = {};
  const columns = args.columns.map((column): ColumnCharge => {
    const type = findColumnType(scheme, column.typeId);
    const perRow = chargePerRow(scheme, column, args.overrides);
    let chargedPerRun = rows;
    if (!scheme.errorsCharge) chargedPerRun -= errors;
    if (!type?.chargesOnNoData) chargedPerRun -= noData;
    const chargedRows = chargedPerRun * runs;
    const columnTotal: Record<MeterId, number> = {};
    for (const [meter, amount] of Object.entries(perRow)) {
      columnTotal[meter] = amount * chargedRows;
      perRowTotal[meter] = (perRowTotal[meter] ?? 0) + amount;
      total[meter] = (total[meter] ?? 0) + amount * chargedRows;
    }
    return { column, type, perRow, chargedRows, total: columnTotal };
  });
  return { columns, perRow: perRowTotal, total: withoutZeros(total) };
}

/** Sum of all meters; handy when a scheme has one meter or the view shows one figure. */
export function sumMeters(amounts: Record<MeterId, number>): number {
  return Object.values(amounts).reduce((a, b) => a + b, 0);
}

function wholeNonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function withoutZeros(amounts: Record<MeterId, number>): Record<MeterId, number> {
  return Object.fromEntries(Object.entries(amounts).filter(([, v]) => v !== 0));
}
