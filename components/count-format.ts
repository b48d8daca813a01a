/** "1,234" — fixed locale so figures read the same for every user and in tests. */
export function formatTokens(tokens: number): string {
  return Math.round(tokens).toLocaleString('en-US');
}

/**
 * "$0.0031", "$0.000025", "$1.25"; "no price" when the model has no known price.
 * Small amounts keep two significant digits so a short prompt never reads as free.
 */
export function formatUsd(usd: number | null): string {
  if (usd === null) return 'no price';
  if (usd === 0) return '$0';
  if (usd < 0.000001) return '<$0.000001';
  if (usd < 0.01) return `$${Number(usd.toPrecision(2)).toFixed(Math.max(4, 1 - Math.floor(Math.log10(usd))))}`;
  if (usd < 1) return `$${usd.toFixed(4)}`;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "±14%": an estimate's relative band (0.14), as a whole percent, never below 1%. */
export function formatBand(band: number): string {
  return `±${Math.max(1, Math.round(band * 100))}%`;
}

/**
 * A count as the badge writes it: `1,234` when exact, `≈1,234 ±14%` for an estimate with a
 * known band (≈ alone when there is none).
 */
export function countText(tokens: number, exact: boolean, band = 0): string {
  if (exact) return formatTokens(tokens);
  return `≈${formatTokens(tokens)}${band > 0 ? ` ${formatBand(band)}` : ''}`;
}

/**
 * A cost as the badge shows it. On a subscription chat nothing is charged per prompt: the figure is
 * what the same tokens would cost on the API, and says so ("API-equiv. $0.0031").
 */
export function costText(usd: number | null, apiEquivalent = false): string {
  return apiEquivalent && usd !== null ? `API-equiv. ${formatUsd(usd)}` : formatUsd(usd);
}

/** The folded badge text: `≈1,234 ±14% tokens · $0.0031` (≈ and the band mark an estimate). */
export function foldedText(tokens: number, exact: boolean, costUsd: number | null | 'hidden', band = 0, apiEquivalent = false): string {
  const count = `${countText(tokens, exact, band)} ${tokens === 1 ? 'token' : 'tokens'}`;
  // The user chose a count without a cost on this site (Options → Sites).
  return costUsd === 'hidden' ? count : `${count} · ${costText(costUsd, apiEquivalent)}`;
}
