import type { core } from 'zod/mini';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';

/** A problem with one field of a settings document, by its dotted path ("limits.openai.tpm"). */
export type SettingsError = { path: string; message: string };
export type SaveResult = { ok: true } | { ok: false; errors: SettingsError[] };

/** Validates a candidate document; errors carry dotted paths ("limits.openai.tpm"). */
export function validateSettings(candidate: unknown): { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] } {
  const result = settingsSchema.safeParse(candidate);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, errors: zodErrors(result.error) };
}

/** One message per field (the first, most basic one), so the form shows one clear line each. */
export function zodErrors(error: core.$ZodError): SettingsError[] {
  const byPath = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!byPath.has(path)) byPath.set(path, issue.message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

