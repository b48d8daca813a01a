import {
  formatPercentList,
  getAt,
  parseNumber,
  parsePercentList,
  pathKey,
  setExtraError,
  setText,
  setValue,
  textOf,
  type FieldPath,
  type FormState,
} from '@/components/options/options-form';
import type { OptionsFormApi } from '@/components/options/use-options-form';

/**
 * What a form control needs and nothing more: the option components get these
 * bindings and never touch the form state, storage or messaging themselves.
 */
export interface TextBinding {
  id: string;
  text: string;
  error?: string;
  onInput(raw: string): void;
}

export interface ValueBinding<T> {
  id: string;
  value: T;
  error?: string;
  onChange(value: T): void;
}

export interface FormBindings {
  /** A number typed as text. `empty` is what an empty field means (null = "no limit", undefined = remove). */
  number(path: FieldPath, opts?: { empty?: number | null | undefined }): TextBinding;
  /** Fractions shown and typed as percentages, "80, 100". */
  percentList(path: FieldPath): TextBinding;
  value<T>(path: FieldPath): ValueBinding<T>;
  /** One side of a per-model price override; both sides must be filled, or both empty (no override). */
  priceOverride(modelId: string, side: 'inputPerMTok' | 'outputPerMTok'): TextBinding;
  error(path: FieldPath): string | undefined;
}

export const fieldId = (path: FieldPath): string => `f-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function formBindings(api: OptionsFormApi): FormBindings {
  const { form, errors } = api;
  const error = (path: FieldPath) => errors[pathKey(path)];
  return {
    error,
    number(path, opts = { empty: null }) {
      return {
        id: fieldId(path),
        text: textOf(form, path),
        error: error(path),
        onInput: (raw) => api.setText(path, raw, parseNumber(raw, opts.empty)),
      };
    },
    percentList(path) {
      return {
        id: fieldId(path),
        text: textOf(form, path, (v) => (Array.isArray(v) ? formatPercentList(v as number[]) : '')),
        error: error(path),
        onInput: (raw) => api.setText(path, raw, parsePercentList(raw)),
      };
    },
    value<T>(path: FieldPath): ValueBinding<T> {
      return { id: fieldId(path), value: getAt(form.draft, path) as T, error: error(path), onChange: (v: T) => api.setValue(path, v) };
    },
    priceOverride(modelId, side) {
      const path = ['priceOverrides', modelId, side];
      return {
        id: fieldId(path),
        text: textOf(form, path),
        error: error(path),
        onInput: (raw) => api.update((f) => editPriceOverride(f, modelId, side, raw)),
      };
    },
  };
}

/** Keeps an override whole: both prices, or none (the bundled price applies). */
export function editPriceOverride(form: FormState, modelId: string, side: 'inputPerMTok' | 'outputPerMTok', raw: string): FormState {
  const other = side === 'inputPerMTok' ? 'outputPerMTok' : 'inputPerMTok';
  const base = ['priceOverrides', modelId];
  const otherText = textOf(form, [...base, other]);
  let next = setText(form, [...base, side], raw, parseNumber(raw, undefined));
  next = setExtraError(next, [...base, 'inputPerMTok'], null);
  next = setExtraError(next, [...base, 'outputPerMTok'], null);
  if (raw.trim() === '' && otherText.trim() === '') {
    // Both empty: drop the override entirely, but keep the typed (empty) text.
    next = { ...setValue(next, base, undefined), text: next.text };
  } else if (raw.trim() === '') {
    next = setExtraError(next, [...base, side], 'Enter both prices, or clear both to use the bundled price');
  } else if (otherText.trim() === '') {
    next = setExtraError(next, [...base, other], 'Enter both prices, or clear both to use the bundled price');
  }
  return next;
}
