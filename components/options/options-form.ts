import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';

/**
 * The options page's editing model, kept free of Preact and storage so it can be
 * tested directly.
 *
 * The draft is a Settings-shaped object that may hold invalid values (NaN, -5,
 * an unknown timezone): the schema, not the form, decides what is valid, so the
 * messages the user sees are the same ones saveSettings() would return. What the
 * user typed is kept verbatim in `text`, so "12abc" stays on screen with its
 * message instead of being silently rewritten.
 */

export type FieldPath = readonly string[];

export interface FormState {
  saved: Settings;
  draft: unknown;
  /** Raw text of text inputs, by pathKey. */
  text: Record<string, string>;
  /** Extra errors the schema can't express (e.g. half-filled price override), by pathKey. */
  extraErrors: Record<string, string>;
}

/** Model ids contain dots ("gpt-4.1"), so paths are joined with "/". */
export const pathKey = (path: FieldPath): string => path.join('/');

export function initialForm(saved: Settings): FormState {
  return { saved, draft: structuredClone(saved), text: {}, extraErrors: {} };
}

export function getAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Immutable set; `undefined` deletes the key (used to drop an override). */
export function setAt(obj: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base = typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
  const next = { ...base };
  const child = setAt(base[head], rest, value);
  if (child === undefined) delete next[head];
  else next[head] = child;
  return next;
}

/**
 * Reads a number the way people type them: "1,000,000", "1 000 000", "2.5".
 * Empty text gives `empty`; anything else that isn't a plain number gives NaN
 * (the schema then says "Enter a number").
 */
export function parseNumber(text: string, empty: number | null | undefined): number | null | undefined {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return empty;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

/** Alert thresholds are typed as percentages, "80, 100". */
export function parsePercentList(text: string): number[] {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  return parts.map((p) => {
    const n = parseNumber(p.replace(/%$/, ''), Number.NaN);
    return typeof n === 'number' ? n / 100 : Number.NaN;
  });
}

export const formatPercentList = (fractions: number[]): string => fractions.map((f) => `${Math.round(f * 1000) / 10}`).join(', ');

export function setValue(form: FormState, path: FieldPath, value: unknown): FormState {
  const text = { ...form.text };
  delete text[pathKey(path)];
  return { ...form, draft: setAt(form.draft, path, value), text };
}

/** Records typed text and the value it parses to. */
export function setText(form: FormState, path: FieldPath, raw: string, value: unknown): FormState {
  return { ...form, draft: setAt(form.draft, path, value), text: { ...form.text, [pathKey(path)]: raw } };
}

export function setExtraError(form: FormState, path: FieldPath, message: string | null): FormState {
  const extraErrors = { ...form.extraErrors };
  if (message) extraErrors[pathKey(path)] = message;
  else delete extraErrors[pathKey(path)];
  return { ...form, extraErrors };
}

/** The text to show in a text input: what was typed, or the stored value formatted. */
export function textOf(form: FormState, path: FieldPath, format: (value: unknown) => string = defaultFormat): string {
  return form.text[pathKey(path)] ?? format(getAt(form.draft, path));
}

const defaultFormat = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' && Number.isNaN(v) ? '' : String(v));

export type Validation = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/** Validates the whole draft; errors are keyed by pathKey, one message per field. */
export function validateForm(form: FormState): Validation {
  const errors: Record<string, string> = { ...form.extraErrors };
  const result = settingsSchema.safeParse(form.draft);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = pathKey(issue.path.map(String));
      errors[key] ??= issue.message;
    }
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, settings: result.data };
  return { ok: false, errors };
}

/** Compares values, not typed text: "1,000" over a stored 1000 is not a change. */
export function isDirty(form: FormState): boolean {
  return !deepEqual(form.draft, form.saved);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** After a successful save the draft becomes the saved document and typed text is normalised. */
export function markSaved(saved: Settings): FormState {
  return initialForm(saved);
}
