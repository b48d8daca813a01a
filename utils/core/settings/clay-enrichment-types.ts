import { DEFAULT_CREDIT_SCHEME } from '@/utils/core/clay/credit-rules';

export interface EnrichmentTypeRow {
  id: string;
  label: string;
  /** Credits per row by default (Clay's documented figure), or null for ids the rules don't know. */
  defaultCredits: number | null;
  meterLabel: string;
}

/**
 * Rows for the Clay "credits per enrichment" table: every column type of the
 * default credit scheme, plus any id the user already overrides that the rules
 * don't know (e.g. a per-model "ai:gpt-4o"), so no stored override is hidden.
 */
export function enrichmentTypeRows(overrides: Record<string, number>): EnrichmentTypeRow[] {
  const scheme = DEFAULT_CREDIT_SCHEME;
  const meterLabel = (id: string) => scheme.meters.find((m) => m.id === id)?.label ?? id;
  const rows: EnrichmentTypeRow[] = scheme.columnTypes.map((t) => {
    const meters = Object.keys(t.charges);
    const meter = meters.includes(scheme.primaryMeter) ? scheme.primaryMeter : (meters[0] ?? scheme.primaryMeter);
    return { id: t.id, label: t.label, defaultCredits: t.charges[meter] ?? 0, meterLabel: meterLabel(meter) };
  });
  for (const id of Object.keys(overrides)) {
    if (!rows.some((r) => r.id === id)) rows.push({ id, label: id, defaultCredits: null, meterLabel: meterLabel(scheme.primaryMeter) });
  }
  return rows;
}
