import type { core } from 'zod/mini';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import { siteModelErrors, withSiteKeysNormalised } from '@/utils/core/settings/settings-sites';

/** A problem with one field of a settings document, by its dotted path ("limits.openai.tpm"). */
export type SettingsError = { path: string; message: string };
export type SaveResult = { ok: true } | { ok: false; errors: SettingsError[] };

/**
 * Validates a candidate document; errors carry dotted paths ("limits.openai.tpm"). Site keys
 * are normalised first (two spellings of one site are one entry), and each site's models must
 * be of a provider the site serves.
 */
export function validateSettings(candidate: unknown): { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] } {
  const result = settingsSchema.safeParse(withSiteKeysNormalised(candidate).doc);
  if (!result.success) return { ok: false, errors: zodErrors(result.error) };
  const foreign = siteModelErrors(result.data.sites);
  if (foreign.length) return { ok: false, errors: foreign };
  return { ok: true, settings: result.data };
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

