import type { TpmStatus } from '@/utils/core/clay/tpm-requirements';

/** "1,000" credits; fractional overrides keep up to 2 decimals. */
export function formatCredits(credits: number): string {
  return credits.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "45 s", "12 min", "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
  if (minutes < 60) return `${Math.round(minutes * 10) / 10} min`;
  const h = Math.floor(minutes / 60);
  return `${h} h ${Math.round(minutes - h * 60)} min`;
}

/** How alarming a TPM check is, for colour (the message text carries the meaning). */
export function tpmTone(status: TpmStatus): 'ok' | 'warn' | 'bad' {
  if (status === 'too-low' || status === 'unsupported') return 'bad';
  if (status === 'tpm-unknown' || status === 'tier-only') return 'warn';
  return 'ok';
}
