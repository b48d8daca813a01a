import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import {
  formatPercentList,
  initialForm,
  isDirty,
  parseNumber,
  parsePercentList,
  setAt,
  setExtraError,
  setText,
  setValue,
  textOf,
  validateForm,
} from '@/components/options/options-form';

describe('options form model', () => {
  it('parses numbers as people type them', () => {
    expect(parseNumber('1,000,000', null)).toBe(1_000_000);
    expect(parseNumber(' 2.5 ', null)).toBe(2.5);
    expect(parseNumber('', null)).toBeNull();
    expect(parseNumber('12abc', null)).toBeNaN();
    expect(parseNumber('-5', null)).toBe(-5);
    expect(parsePercentList('80, 100%')).toEqual([0.8, 1]);
    expect(formatPercentList([0.8, 1])).toBe('80, 100');
  });

  it('keeps dotted model ids as one path segment', () => {
    expect(setAt({}, ['priceOverrides', 'gpt-4.1', 'inputPerMTok'], 2)).toEqual({ priceOverrides: { 'gpt-4.1': { inputPerMTok: 2 } } });
    expect(setAt({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined)).toEqual({ a: { c: 2 } });
  });

  it('shows the schema message for a bad value, keeps the typed text and is invalid', () => {
    let form = initialForm(DEFAULT_SETTINGS);
    const path = ['limits', 'openai', 'monthlyTokenLimit'];
    form = setText(form, path, '-5', parseNumber('-5', null));
    expect(textOf(form, path)).toBe('-5');
    const v = validateForm(form);
    expect(v).toEqual({ ok: false, errors: { 'limits/openai/monthlyTokenLimit': 'Must be 0 or more' } });
    expect(isDirty(form)).toBe(true);
  });

  it('is valid and dirty after a good change, and clean when changed back', () => {
    let form = initialForm(DEFAULT_SETTINGS);
    form = setValue(form, ['limits', 'google', 'timezone'], 'Asia/Tokyo');
    const v = validateForm(form);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.settings.limits.google.timezone).toBe('Asia/Tokyo');
    expect(isDirty(form)).toBe(true);
    form = setValue(form, ['limits', 'google', 'timezone'], 'UTC');
    expect(isDirty(form)).toBe(false);
  });

  it('extra errors block validity', () => {
    const form = setExtraError(initialForm(DEFAULT_SETTINGS), ['priceOverrides', 'o3', 'outputPerMTok'], 'Enter both prices');
    expect(validateForm(form)).toEqual({ ok: false, errors: { 'priceOverrides/o3/outputPerMTok': 'Enter both prices' } });
  });
});
