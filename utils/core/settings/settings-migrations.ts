import { SETTINGS_VERSION } from '@/utils/core/settings/settings-schema';

/**
 * Upgrades a stored settings document, step by step, to SETTINGS_VERSION.
 *
 * Works on raw JSON (never on the typed Settings): an old document is by definition
 * not a valid current one. Each step takes the document of version N and returns
 * version N+1; it must not throw on odd input (the lenient parser in
 * settings-store.ts repairs whatever is still wrong afterwards, section by section).
 *
 * Document versions:
 * - v0 (unversioned): the whole document under one sync key, `settings`, with no
 *   `version`; alert thresholds may be percentages (80) and monthly limits use 0 to
 *   mean "no limit".
 * - v1: `version: 1`; thresholds are fractions (0.8); "no limit" is null; the
 *   document is stored split into sections (see settings-store.ts).
 */

type Doc = Record<string, unknown>;
type Step = (doc: Doc) => Doc;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

const v0ToV1: Step = (doc) => {
  const next: Doc = { ...doc, version: 1 };
  if (Array.isArray(doc.alertThresholds)) {
    next.alertThresholds = doc.alertThresholds.map((t) =>
      // 80 meant 80%; a fraction never exceeds 10 (1000%) in v1.
      typeof t === 'number' && t > 10 ? t / 100 : t,
    );
  }
  if (isObject(doc.limits)) {
    next.limits = Object.fromEntries(
      Object.entries(doc.limits).map(([provider, limits]) => {
        if (!isObject(limits)) return [provider, limits];
        const fixed: Doc = { ...limits };
        for (const key of ['monthlyTokenLimit', 'monthlyBudgetUsd', 'tpm']) {
          if (fixed[key] === 0) fixed[key] = null;
        }
        return [provider, fixed];
      }),
    );
  }
  return next;
};

/** MIGRATIONS[n] upgrades version n to n+1. */
export const MIGRATIONS: Readonly<Record<number, Step>> = { 0: v0ToV1 };

export function storedVersionOf(doc: unknown): number {
  if (!isObject(doc)) return 0;
  const v = doc.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

export type MigrationResult =
  | { ok: true; doc: Doc; from: number; to: number }
  /** The document comes from a newer TokenTally (another synced browser updated first). */
  | { ok: false; reason: 'newer'; doc: Doc; from: number };

export function migrateSettings(raw: unknown): MigrationResult {
  let doc: Doc = isObject(raw) ? { ...raw } : {};
  const from = storedVersionOf(doc);
  if (from > SETTINGS_VERSION) return { ok: false, reason: 'newer', doc, from };
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No settings migration from v${v}`);
    doc = step(doc);
  }
  doc.version = SETTINGS_VERSION;
  return { ok: true, doc, from, to: SETTINGS_VERSION };
}
