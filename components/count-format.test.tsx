import { describe, expect, it } from 'vitest';
import { countText, foldedText, formatBand, formatUsd, formatTokens } from '@/components/count-format';

describe('badge formatting', () => {
  it('reads like the spec: 1,234 tokens · $0.0031', () => {
    expect(foldedText(1234, true, 0.0031)).toBe('1,234 tokens · $0.0031');
  });
  it('marks estimates with ≈', () => {
    expect(foldedText(1234, false, 0.0031)).toBe('≈1,234 tokens · $0.0031');
  });
  it('shows an estimate with its band', () => {
    expect(foldedText(1234, false, 0.0031, 0.14)).toBe('≈1,234 ±14% tokens · $0.0031');
    expect(countText(1234, false, 0.06)).toBe('≈1,234 ±6%');
    expect(countText(1234, true, 0.06)).toBe('1,234');
    expect(formatBand(0.001)).toBe('±1%');
    expect(formatBand(0.155)).toBe('±16%');
  });
  it('shows the count alone where the user hid the cost', () => {
    expect(foldedText(1234, true, 'hidden')).toBe('1,234 tokens');
    expect(foldedText(1, false, 'hidden', 0.1, true)).toBe('≈1 ±10% token');
  });
  it('says when no price is known instead of guessing', () => {
    expect(foldedText(1, true, null)).toBe('1 token · no price');
  });
  it('formats amounts by size', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.000025)).toBe('$0.000025');
    expect(formatUsd(0.00312)).toBe('$0.0031');
    expect(formatUsd(0.0000001)).toBe('<$0.000001');
    expect(formatUsd(0.5)).toBe('$0.5000');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatTokens(1234567)).toBe('1,234,567');
  });
});
