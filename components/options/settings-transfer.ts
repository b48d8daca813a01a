import { z } from 'zod';
import { settingsSchema, type Settings } from '@/utils/core/settings/settings-schema';
import { settingsChanges, type SettingsChange } from '@/utils/core/settings/settings-changes';
import { EXPORT_FORMAT } from '@/utils/storage/usage-export';
import { migrateSettings } from '@/utils/core/settings/settings-migrations';
import { validateSettings, type SettingsError } from '@/utils/core/settings/settings-validation';

/**
 * Settings export/import as a JSON file. The Anthropic API key is not part of
 * Settings (it lives in the extension's secrets database), so it can never end up in an export.
 * An import is validated strictly: unlike loadSettings(), which repairs what it
 * finds in storage, a file the user picked is refused with the reasons listed, and
 * the user sees what it would change before anything is saved.
 */
export const SETTINGS_EXPORT_FORMAT = 'tokentally-settings';

export function exportSettingsJson(settings: Settings, now = new Date()): string {
  return JSON.stringify({ format: SETTINGS_EXPORT_FORMAT, exportedAt: now.toISOString(), settings }, null, 2);
}

const envelopeSchema = z.object({ format: z.literal(SETTINGS_EXPORT_FORMAT), settings: z.unknown() });

/** Top-level fields a settings document can hold ("version" alone says nothing). */
const SETTINGS_FIELDS: ReadonlySet<string> = new Set(Object.keys(settingsSchema.shape).filter((k) => k !== 'version'));

export type ImportResult =
  | {
      ok: true;
      /** The settings to save: the file's fields over the current ones. */
      settings: Settings;
      /** What saving them would change, field by field (empty: nothing). */
      changes: SettingsChange[];
      /** Fields in the file that are not settings; they are left out. */
      ignored: string[];
    }
  | { ok: false; errors: SettingsError[] };

const refuse = (message: string, path = ''): ImportResult => ({ ok: false, errors: [{ path, message }] });

/**
 * Reads a settings file against the current settings. Accepts our envelope or a bare settings
 * document (any older version is migrated). A file changes only the fields it holds; one with
 * no settings field at all (`{}`, a usage export, any other JSON) is refused, so a stray file
 * can never reset everything to the defaults. Nothing is saved here: the caller shows
 * `changes` and saves only when the user confirms.
 */
export function parseSettingsImport(text: string, current: Settings): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('This file is not JSON. Choose a settings file exported by TokenTally.');
  }
  if ((data as { format?: unknown } | null)?.format === EXPORT_FORMAT) {
    return refuse('This is a usage export, not settings. Import it under "Usage records" instead.');
  }
  const envelope = envelopeSchema.safeParse(data);
  const doc = envelope.success ? envelope.data.settings : data;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return refuse('This JSON is not a TokenTally settings export.');
  const fields = Object.keys(doc);
  if (!fields.some((f) => SETTINGS_FIELDS.has(f))) {
    return refuse('This file holds no TokenTally settings (none of its fields is a setting), so nothing was changed. Choose a file made with "Export settings".');
  }
  const migrated = migrateSettings(doc);
  if (!migrated.ok) return refuse(`These settings come from a newer TokenTally (v${migrated.from}). Update the extension first.`, 'version');
  const known = Object.fromEntries(Object.entries(migrated.doc).filter(([f]) => SETTINGS_FIELDS.has(f)));
  const valid = validateSettings({ ...current, ...known, version: migrated.doc.version });
  if (!valid.ok) return valid;
  return {
    ok: true,
    settings: valid.settings,
    changes: settingsChanges(current, valid.settings),
    ignored: fields.filter((f) => !SETTINGS_FIELDS.has(f) && f !== 'version'),
  };
}
