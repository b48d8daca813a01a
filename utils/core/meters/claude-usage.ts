// valibot: this runs in the content script, within its size budget; its schemas cost a few
// hundred bytes there, where zod/mini's core alone was about 6 KB gzipped.
import * as v from 'valibot';
import { DAY_MS, HOUR_MS, idPart, type MeterWindow } from '@/utils/core/meters/meter-types';

/**
 * Claude's usage endpoints as the claude.ai web app reads them (last confirmed 2026-10, see
 * shared/notes/site-evidence.md): `GET /api/organizations` lists the user's organizations and
 * `GET /api/organizations/{uuid}/usage` answers with the organization's windows.
 *
 * Two shapes are in use. The older one has one field per window: `five_hour`, `seven_day`,
 * `seven_day_opus`, `seven_day_sonnet`, each `{ utilization: 0-100, resets_at: ISO }` or null.
 * Newer responses add a `limits` array (`kind`: session | weekly_all | weekly_scoped, `percent`,
 * `resets_at`, `scope.model.display_name`); per-model windows such as Fable appear only there.
 * Extra usage (the monthly spend cap) is `extra_usage` and, newer, `spend`.
 *
 * Percentages are percentage points (0.5 means half a percent). Everything is checked here,
 * at the boundary: a window whose numbers don't make sense is dropped rather than shown wrong,
 * and a response with no readable window is an error, never "0%".
 */

const number = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const percent = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1000));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const isoTime = text(64);
/** A field the response may leave out or send as null. */
const maybe = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);

const legacyWindowSchema = v.looseObject({
  utilization: maybe(percent),
  resets_at: maybe(isoTime),
});

const limitSchema = v.looseObject({
  kind: text(60),
  percent: maybe(percent),
  resets_at: maybe(isoTime),
  is_active: maybe(v.boolean()),
  scope: maybe(
    v.looseObject({
      model: maybe(v.looseObject({ display_name: maybe(text(80)), id: maybe(text(120)) })),
      surface: maybe(v.looseObject({ display_name: maybe(text(80)) })),
    }),
  ),
});

const moneySchema = v.looseObject({
  amount_minor: nonNegative,
  currency: maybe(text(8)),
  exponent: maybe(v.pipe(number, v.integer(), v.minValue(0), v.maxValue(6))),
});

export const claudeUsageSchema = v.looseObject({
  five_hour: maybe(legacyWindowSchema),
  seven_day: maybe(legacyWindowSchema),
  seven_day_opus: maybe(legacyWindowSchema),
  seven_day_sonnet: maybe(legacyWindowSchema),
  // Each entry is checked on its own below, so one odd entry cannot sink the others.
  limits: maybe(v.pipe(v.array(v.unknown()), v.maxLength(100))),
  extra_usage: maybe(
    v.looseObject({
      is_enabled: maybe(v.boolean()),
      used_credits: maybe(nonNegative),
      monthly_limit: maybe(nonNegative),
      utilization: maybe(percent),
      currency: maybe(text(8)),
    }),
  ),
  spend: maybe(
    v.looseObject({
      enabled: maybe(v.boolean()),
      percent: maybe(percent),
      used: maybe(moneySchema),
      limit: maybe(moneySchema),
    }),
  ),
});
export type ClaudeUsage = v.InferOutput<typeof claudeUsageSchema>;

export const claudeOrganizationsSchema = v.pipe(
  v.array(
    v.looseObject({
      // Claude's ids are uuids; anything else safe in a path segment is accepted (and encoded).
      uuid: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'not an organization id')),
      name: maybe(text(200)),
      capabilities: maybe(v.pipe(v.array(text(80)), v.maxLength(100))),
    }),
  ),
  v.maxLength(200),
);
export type ClaudeOrganization = v.InferOutput<typeof claudeOrganizationsSchema>[number];

const SESSION_MS = 5 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** Model windows the older shape names in its own fields. */
const LEGACY_MODEL_FIELDS = [
  ['seven_day_opus', 'Opus'],
  ['seven_day_sonnet', 'Sonnet'],
] as const;

/**
 * An ISO time as epoch ms, or null. Trims fractional seconds to milliseconds first: the API
 * sends microseconds ("…00.462679+00:00"), which not every engine's Date.parse accepts.
 */
export function parseIsoTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const t = Date.parse(trimmed);
  return Number.isFinite(t) && t > 0 ? t : null;
}

function window(id: string, label: string, pct: number, resetsAt: string | null | undefined, lengthMs: number | null, detail?: string): MeterWindow {
  return { id, label, used: pct / 100, resetsAt: parseIsoTime(resetsAt), lengthMs, ...(detail ? { detail } : {}) };
}

/**
 * The model a scoped window is for: its display name ("Opus", "Fable"), else its id
 * ("claude-opus-4-8" -> "opus 4 8"), without a leading "Claude".
 */
function modelName(limit: v.InferOutput<typeof limitSchema>): string | null {
  const model = limit.scope?.model;
  const raw = model?.display_name?.trim() || limit.scope?.surface?.display_name?.trim() || model?.id?.trim().replace(/[-_]+/g, ' ') || '';
  const name = raw.replace(/^claude\s+/i, '').trim();
  return name || null;
}

/**
 * A scoped window's id names the model family ("Opus 4.8" -> claude:weekly:opus), so the id
 * stays put when the version in the name changes; the full name only when two windows share
 * a family.
 */
function scopedId(name: string, taken: ReadonlyMap<string, unknown>): string {
  const family = `claude:weekly:${idPart(name.split(/\s+/)[0] ?? name)}`;
  return taken.has(family) ? `claude:weekly:${idPart(name)}` : family;
}

/** "opus" -> "Opus": the API has sent both spellings. */
const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Money in the currency's units: amount_minor / 10^exponent (cents by default). */
function money(m: v.InferOutput<typeof moneySchema> | null | undefined): number | null {
  if (!m) return null;
  return m.amount_minor / 10 ** (m.exponent ?? 2);
}

export function formatMoney(amount: number, currency: string | null | undefined): string {
  const code = (currency ?? 'USD').toUpperCase();
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${code}`;
  }
}

/** The monthly spend cap, when the organization has turned extra usage on. */
function extraUsageWindow(usage: ClaudeUsage): MeterWindow | null {
  const spend = usage.spend;
  if (spend?.enabled) {
    const used = money(spend.used);
    const limit = money(spend.limit);
    if (used !== null && limit !== null && limit > 0) {
      const currency = spend.used?.currency ?? spend.limit?.currency;
      const pct = spend.percent ?? (used / limit) * 100;
      return window('claude:extra', 'Extra usage (monthly)', pct, null, null, `${formatMoney(used, currency)} of ${formatMoney(limit, currency)}`);
    }
  }
  const extra = usage.extra_usage;
  if (extra?.is_enabled) {
    // Credits are in cents.
    const used = extra.used_credits ?? null;
    const limit = extra.monthly_limit ?? null;
    if (used !== null && limit !== null && limit > 0) {
      const pct = extra.utilization ?? (used / limit) * 100;
      return window('claude:extra', 'Extra usage (monthly)', pct, null, null, `${formatMoney(used / 100, extra.currency)} of ${formatMoney(limit / 100, extra.currency)}`);
    }
    if (typeof extra.utilization === 'number') return window('claude:extra', 'Extra usage (monthly)', extra.utilization, null, null);
  }
  return null;
}

/**
 * The windows in a usage response, newer `limits` first, the older fields for any window the
 * array does not have. Throws when the response has no window at all (an unknown shape).
 */
export function claudeWindowsFrom(raw: unknown): MeterWindow[] {
  const parsed = v.safeParse(claudeUsageSchema, raw);
  if (!parsed.success) throw new UnknownShapeError(describeIssue(parsed.issues));
  const usage = parsed.output;
  const windows = new Map<string, MeterWindow>();
  const add = (w: MeterWindow) => {
    if (!windows.has(w.id)) windows.set(w.id, w);
  };

  for (const entry of usage.limits ?? []) {
    const limit = v.safeParse(limitSchema, entry);
    // An entry of a kind we don't know (or with no number) is skipped, not fatal: the API
    // has added kinds before ("inactive_pool").
    if (!limit.success || typeof limit.output.percent !== 'number') continue;
    const l = limit.output;
    if (l.kind === 'session') add(window('claude:session', 'Session (5 h)', l.percent!, l.resets_at, SESSION_MS));
    else if (l.kind === 'weekly_all') add(window('claude:weekly', 'Weekly (all models)', l.percent!, l.resets_at, WEEK_MS));
    else if (l.kind === 'weekly_scoped') {
      const name = modelName(l);
      if (name) add(window(scopedId(name, windows), `Weekly · ${titleCase(name)}`, l.percent!, l.resets_at, WEEK_MS));
    }
  }

  const legacy = (w: v.InferOutput<typeof legacyWindowSchema> | null | undefined) => (w && typeof w.utilization === 'number' ? w : null);
  const five = legacy(usage.five_hour);
  if (five) add(window('claude:session', 'Session (5 h)', five.utilization!, five.resets_at, SESSION_MS));
  const seven = legacy(usage.seven_day);
  if (seven) add(window('claude:weekly', 'Weekly (all models)', seven.utilization!, seven.resets_at, WEEK_MS));
  for (const [field, name] of LEGACY_MODEL_FIELDS) {
    const w = legacy(usage[field]);
    // The same window may already have come from `limits`, perhaps as "Opus 4.8".
    const family = `claude:weekly:${idPart(name)}`;
    if (w && ![...windows.keys()].some((id) => id === family || id.startsWith(`${family}-`))) {
      add(window(family, `Weekly · ${name}`, w.utilization!, w.resets_at, WEEK_MS));
    }
  }

  const extra = extraUsageWindow(usage);
  if (extra) add(extra);

  if (windows.size === 0) throw new UnknownShapeError('no usage windows in the response');
  return [...windows.values()];
}

/**
 * Organizations whose chat usage can be read: those with a chat capability (API-only consoles
 * have none). When none says so (an unlisted or empty capability list), all are tried and
 * their usage requests decide.
 */
export function chatOrganizations(raw: unknown): ClaudeOrganization[] {
  const parsed = v.safeParse(claudeOrganizationsSchema, raw);
  if (!parsed.success) throw new UnknownShapeError(`organizations: ${describeIssue(parsed.issues)}`);
  const chat = parsed.output.filter((org) => !org.capabilities?.length || org.capabilities.some((c) => c === 'chat' || c.startsWith('claude_')));
  return chat.length ? chat : parsed.output;
}

export class UnknownShapeError extends Error {
  constructor(detail: string) {
    super(`unexpected response shape (${detail})`);
    this.name = 'UnknownShapeError';
  }
}

function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path?.length ? issue.path.map((item) => String(item.key)).join('.') : 'response';
  return `${path}: ${issue.message}`.slice(0, 160);
}
