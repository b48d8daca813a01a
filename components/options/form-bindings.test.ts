import { describe, expect, it } from 'vitest';
import { editPriceOverride } from '@/components/options/form-bindings';
import { initialForm, validateForm } from '@/components/options/options-form';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';

describe('price override editing', () => {
  it('needs both prices, then saves them as one override', () => {
    let form = editPriceOverride(initialForm(DEFAULT_SETTINGS), 'gpt-4.1', 'inputPerMTok', '1.5');
    expect(validateForm(form)).toEqual({ ok: false, errors: { 'priceOverrides/gpt-4.1/outputPerMTok': expect.stringMatching(/both prices/) } });
    form = editPriceOverride(form, 'gpt-4.1', 'outputPerMTok', '6');
    const v = validateForm(form);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.settings.priceOverrides).toEqual({ 'gpt-4.1': { inputPerMTok: 1.5, outputPerMTok: 6 } });
  });

  it('clearing both removes the override', () => {
    const saved = { ...DEFAULT_SETTINGS, priceOverrides: { o3: { inputPerMTok: 2, outputPerMTok: 8 } } };
    let form = editPriceOverride(initialForm(saved), 'o3', 'inputPerMTok', '');
    expect(validateForm(form).ok).toBe(false);
    form = editPriceOverride(form, 'o3', 'outputPerMTok', '');
    const v = validateForm(form);
    expect(v.ok && v.settings.priceOverrides).toEqual({});
  });

  it('rejects a negative price with the schema message', () => {
    let form = editPriceOverride(initialForm(DEFAULT_SETTINGS), 'o3', 'inputPerMTok', '-1');
    form = editPriceOverride(form, 'o3', 'outputPerMTok', '8');
    expect(validateForm(form)).toEqual({ ok: false, errors: { 'priceOverrides/o3/inputPerMTok': 'Must be 0 or more' } });
  });
});
