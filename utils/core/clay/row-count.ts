/**
 * "250 rows", "1,000 records", "Showing 50 of 1,200 rows", "Rows: 3.4k" -> the table's total
 * (the last number before "rows"/"records"). Null when the text states no row count.
 */
export function parseClayRowCount(text: string): number | null {
  const t = text.replace(/\u00a0/g, ' ');
  const patterns = [
    /([\d][\d,.]*\s*[km]?)\s*(?:rows?|records?)\b/gi,
    /(?:rows?|records?)\s*[:=]\s*([\d][\d,.]*\s*[km]?)/gi,
  ];
  let last: number | null = null;
  for (const pattern of patterns) {
    for (const m of t.matchAll(pattern)) {
      const n = parseCompactNumber(m[1] ?? '');
      if (n !== null) last = n;
    }
    if (last !== null) return last;
  }
  return null;
}

function parseCompactNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  const suffix = s.endsWith('k') ? 1e3 : s.endsWith('m') ? 1e6 : 1;
  const digits = (suffix === 1 ? s : s.slice(0, -1)).trim();
  // "1,200" is a thousands separator; "3.4k" a decimal.
  const value = suffix === 1 ? Number(digits.replace(/[,\s.]/g, '')) : Number(digits.replace(/,/g, '.').replace(/\s/g, ''));
  if (!Number.isFinite(value) || digits === '') return null;
  return Math.round(value * suffix);
}
