import { z } from 'zod';
import type { Settings } from './settings-schema';
import { migrateSettings } from './settings-migrations';
import { validateSettings, type SettingsError } from './settings-store';

/**
 * Settings export/import as a JSON file. The Anthropic API key is not part of
 * Settings (it lives in the extension's secrets database), so it can never end up in an export.
 * An import is validated strictly: unlike loadSettings(), which repairs what it
 * finds in storage, a file the user picked is refused with the reasons listed.
 */
export const SETTINGS_EXPORT_FORMAT = 'tokentally-settings';

export function exportSettingsJson(settings: Settings, now = new Date()): string {
  return JSON.stringify({ format: SETTINGS_EXPORT_FORMAT, exportedAt: now.toISOString(), settings }, null, 2);
}

const envelopeSchema = z.object({ format: z.literal(SETTINGS_EXPORT_FORMAT), settings: z.unknown() });

export type ImportResult = { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] };

/** Accepts our envelope or a bare settings document (any older version is migrated). */
export function parseSettingsImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '', message: 'This file is not JSON. Choose a settings file exported by TokenTally.' }] };
  }
  const envelope = envelopeSchema.safeParse(data);
  const doc = envelope.success ? envelope.data.settings : data;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, errors: [{ path: '', message: 'This JSON is not a TokenTally settings export.' }] };
  }
  const migrated = migrateSettings(doc);
  if (!migrated.ok) {
    return { ok: false, errors: [{ path: 'version', message: `These settings come from a newer TokenTally (v${migrated.from}). Update the extension first.` }] };
  }
  return validateSettings(migrated.doc);
}
